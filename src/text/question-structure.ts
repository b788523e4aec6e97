/**
 * The structure of a question beyond its words, read from the order of its tokens:
 *
 * - **Coordinated entities** ("퓨처그래프와 후성", "FutureGraph, Estigen Bio and Housung",
 *   "compare the Upstage investment with the FutureGraph loan"): an answer covers each one.
 * - **An exclusion** ("apart from Upstage", "업스테이지 말고"): what the answer is not about.
 * - **Superlatives** ("the largest", "가장 작은", "최대"): the answer compares stated values.
 * - **A kind of named entity asked for** ("which portal companies", "넣는 은행은 어디야?"):
 *   the answer must give a name. ("어떤 회사인가요", "what kind of company" ask a description.)
 *
 * Noun phrases are runs of noun tokens. In English a run ends at any other word; in Korean,
 * whose particles close a phrase, also at a word carrying one (해남 SPC의 | 자본금과 | 완공
 * 목표를): the coordinated phrases are the runs a coordinator joins, and the words outside
 * them are shared by every entity.
 */
import { stripParticle } from './particles.js';
import { HANGUL } from './hangul.js';
import { stemEnglish } from './english-stem.js';
import { DETERMINERS, KOREAN_EXCLUSIONS } from './data/question-phrasing.js';
import { ENTITY_KINDS } from './data/entity-kinds.js';
import type { QuestionReading, QuestionToken } from './question-words.js';

export type Extreme = 'max' | 'min';

export interface QuestionStructure {
  /** Word indexes of each coordinated entity, only its own words (shared words are in none); empty or two and more. */
  slots: number[][];
  /** Word indexes of an "apart from X" phrase. */
  excluded: number[];
  /** The ends asked for, in the question's order. */
  extremes: Extreme[];
  /** Word indexes naming the kind of entity whose names are asked ("portal companies"); empty when none is. */
  namedKind: number[];
}

/** Korean coordinating endings on the first noun (A와 B, A과 B, A랑 B, A하고 B). */
const KO_COORDINATING = /(와|과|랑|이랑|하고)$/;
/** English and Korean words joining two noun phrases, with the articles that may follow ("to" only after "compared"). */
const JOIN =
  /^(?:(?:compared?|comparing) (?:to|with)|and|or|with|against|versus|vs|및|그리고|또는)(?: (?:the|a|an|its|their))?$/i;
const SEPARATOR = /[,·/、，]/;
/** Exclusion cues: before the phrase in English (apart from X), after it in Korean (X 말고, X 외에). */
const EXCLUSION_BEFORE = /^(apart|besides|except|excluding|beyond)$/i;
const EXCLUSION_AFTER = new RegExp(`^(${[...KOREAN_EXCLUSIONS, 'aside'].join('|')})$`, 'i');
const EXCLUSION_ATTACHED = /(외에|외에는|외에도|말고|말고도|이외에)$/;
/** Superlatives: English adjectives, Korean 가장/제일 + an adjective of size, and 최대/최소. */
const MAX_WORD = /^(largest|biggest|greatest|highest|most|top|maximum|최대|최고)$/i;
const MIN_WORD = /^(smallest|lowest|least|fewest|minimum|최소|최저)$/i;
const KO_MOST = /^(가장|제일)$/;
const KO_MAX = /^(큰|크|많|높|대규모|최대)/;
const KO_MIN = /^(작|적|낮|소규모)/;
/** Words after a kind that ask for its name: "은행은 어디야", "투자자는 누구", "회사 이름". */
const ASKS_NAME = /^(누구|누가|어디|어느|이름|명단|목록|names?$)/i;
/** "What kind of company", "어떤 회사인가요": a description of the kind is asked, not names. */
const DESCRIPTION = /^(kinds?|types?|sorts?|종류|유형)$/i;
const COPULA_END = /(인가요|인가|이에요|예요|이야|야|입니까|일까요|인지|이죠|이지요|이다|이고|이며|인데|임)$/;
/** Numbers counting the kind asked ("which two portal companies", "어느 두 회사"). */
const NUMBER_WORD = /^(two|three|four|five|both|\d+|두|세|네)$/i;
/** A phrase framing the kind asked: "민간 투자자로는 어떤 회사", "대출 중에서 어느 회사". */
const KO_FRAME = /(로는|으로는|중에서|중에|가운데|에서)$/;
/** How far after a determiner or before an ask the kind noun may stand ("which two portal companies"). */
const REACH = 3;

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const DETERMINER = new Set(DETERMINERS);
const hangulEnd = new RegExp(`${HANGUL}$`);
/** 회사들이 → 회사, companies → company. */
const kindOf = (raw: string) =>
  hangulEnd.test(raw) ? stripParticle(raw).replace(/들$/, '') : stemEnglish(raw.toLowerCase()).replace(/ie$/, 'y');
const isKind = (raw: string) => KINDS.has(kindOf(raw)) || KINDS.has(raw.toLowerCase());
/** A Korean token closed by a particle (SPC의, 자본금을); coordinating endings are read apart. */
const closed = (raw: string) => hangulEnd.test(raw) && stripParticle(raw) !== raw && !KO_COORDINATING.test(raw);
const coordinates = (raw: string) => hangulEnd.test(raw) && KO_COORDINATING.test(raw) && raw.length >= 3;

interface Run {
  first: number;
  last: number;
}

/** Maximal noun-phrase runs of tokens. */
function nounRuns({ tokens, words, text }: QuestionReading): Run[] {
  const isNoun = (t: QuestionToken) =>
    t.words.length > 0 && t.words.every((i) => words[i]!.kind === 'content' || words[i]!.kind === 'generic');
  const runs: Run[] = [];
  let open: Run | undefined;
  tokens.forEach((token, i) => {
    if (open && i > 0 && SEPARATOR.test(text.slice(tokens[i - 1]!.end, token.at))) open = undefined;
    if (!isNoun(token)) {
      // "누적 승인 규모랑 …": a value word (no word of its own) still closes the phrase it ends.
      if (open && token.words.length === 0 && coordinates(token.raw)) open.last = i;
      open = undefined;
      return;
    }
    if (open) open.last = i;
    else runs.push((open = { first: i, last: i }));
    if (closed(token.raw) || coordinates(token.raw)) open = undefined;
  });
  return runs;
}

const wordsOf = ({ tokens }: QuestionReading, run: Run) =>
  tokens.slice(run.first, run.last + 1).flatMap((t) => t.words);

/** Are two runs joined as coordinated phrases ("A와 B", "A, B", "A and the B", "A compared with B")? */
function joined({ tokens, text }: QuestionReading, left: Run, right: Run): boolean {
  const last = tokens[left.last]!;
  const between = tokens.slice(left.last + 1, right.first);
  // Words that name nothing may stand after a Korean coordinator: "A와 이번 B".
  if (between.every((t) => t.words.length === 0) && coordinates(last.raw)) return true;
  if (between.length === 0) return SEPARATOR.test(text.slice(last.end, tokens[right.first]!.at));
  return JOIN.test(between.map((t) => t.raw).join(' '));
}

/** The longest chain of coordinated runs, as each run's own words. */
function coordinatedSlots(reading: QuestionReading, runs: Run[]): number[][] {
  let best: Run[] = [];
  let chain: Run[] = [];
  runs.forEach((run, i) => {
    chain = i > 0 && joined(reading, runs[i - 1]!, run) ? [...chain, run] : [run];
    if (chain.length > best.length) best = chain;
  });
  if (best.length < 2) return [];
  const slots = best.map((run) => [...new Set(wordsOf(reading, run))]);
  // A word in several phrases ("the FutureGraph loan … the Housung loan") is shared, not an entity's own.
  const count = new Map<number, number>();
  for (const slot of slots) for (const w of slot) count.set(w, (count.get(w) ?? 0) + 1);
  const own = slots.map((slot) => slot.filter((w) => count.get(w) === 1));
  return own.every((slot) => slot.length > 0) ? own : [];
}

function excludedWords(reading: QuestionReading, runs: Run[]): number[] {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!.raw;
    const next = tokens[i + 1]?.raw.toLowerCase();
    const before = EXCLUSION_BEFORE.test(raw) || (/^(other|aside)$/i.test(raw) && (next === 'than' || next === 'from'));
    // "apart from Upstage", "other than the three loans": the phrase after the cue.
    const after = before ? runs.find((r) => r.first > i && r.first <= i + REACH + 1) : undefined;
    // "Leaving Upstage aside", "업스테이지 말고", "업스테이지말고".
    const prior = EXCLUSION_AFTER.test(raw) ? runs.findLast((r) => r.last === i - 1) : undefined;
    const attached = EXCLUSION_ATTACHED.test(raw) && raw.length >= 4 ? runs.find((r) => r.last === i) : undefined;
    const run = after ?? prior ?? attached;
    if (run) return wordsOf(reading, run);
  }
  return [];
}

/** The ends a question asks for, in its order ("the least … and the most" leads with the least). */
function extremesOf({ tokens }: QuestionReading): Extreme[] {
  const out: Extreme[] = [];
  tokens.forEach((token, i) => {
    const most = KO_MOST.test(token.raw) ? (tokens[i + 1]?.raw ?? '') : undefined;
    const max = MAX_WORD.test(token.raw) || (most !== undefined && KO_MAX.test(most));
    const min = MIN_WORD.test(token.raw) || (most !== undefined && KO_MIN.test(most));
    const end: Extreme | undefined = max ? 'max' : min ? 'min' : undefined;
    if (end && !out.includes(end)) out.push(end);
  });
  return out;
}

/** The kind whose names are asked (see the module comment), as word indexes. */
function namedKindWords(reading: QuestionReading, runs: Run[]): number[] {
  const { tokens, words } = reading;
  const runAt = (i: number) => runs.find((r) => r.first <= i && i <= r.last);
  const kindPhrase = (first: number, last: number) => {
    while (last + 1 < tokens.length && isKind(tokens[last + 1]!.raw)) last++;
    return tokens.slice(first, last + 1).flatMap((t) => t.words);
  };
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!.raw;
    // "which portal companies", "어느 민간 기업이": a determiner, then the kind within reach.
    if (DETERMINER.has(raw.toLowerCase())) {
      for (let k = i + 1; k <= Math.min(tokens.length - 1, i + REACH); k++) {
        const token = tokens[k]!;
        if (DESCRIPTION.test(kindOf(token.raw))) break;
        // "어떤 회사인가요": the kind as the predicate asks what the named one is like.
        const predicate = COPULA_END.test(token.raw) && isKind(token.raw.replace(COPULA_END, ''));
        if (predicate && raw !== '어느') break;
        if (predicate || isKind(token.raw)) {
          const frame = runs.find((r) => r.last === i - 1 && KO_FRAME.test(tokens[r.last]!.raw));
          return [...new Set([...(frame ? wordsOf(reading, frame) : []), ...kindPhrase(i + 1, k)])];
        }
        // The determiner's phrase ends at a particle, a verb or a word of question shape ("what does that company…"):
        // "어떤 제품을 만드는 회사" asks for a product.
        const shape = token.words.length === 0 && !NUMBER_WORD.test(token.raw);
        if (shape || closed(token.raw) || token.words.some((w) => words[w]!.kind === 'verb')) break;
      }
    }
    // "3천억 원을 넣는 은행은 어디야?", "포털 기업 이름을 알려줘".
    if (isKind(raw) && tokens.slice(i + 1, i + 1 + REACH).some((t) => ASKS_NAME.test(t.raw))) {
      const run = runAt(i);
      return run ? wordsOf(reading, run) : tokens[i]!.words;
    }
    // "Name the portal companies…", "List the banks…"
    if (/^(name|list|identify)$/i.test(raw)) {
      const run = runs.find((r) => r.first > i && r.first <= i + 2);
      let last = run?.last ?? -1;
      while (run && last >= run.first && !isKind(tokens[last]!.raw)) last--;
      if (run && last >= run.first) return wordsOf(reading, { first: run.first, last });
    }
  }
  // "…언급한 나라는?": the question ends on the kind it asks for.
  const last = tokens.length - 1;
  if (last > 0 && isKind(tokens[last]!.raw) && /[은는]$/.test(tokens[last]!.raw) && /[?？]\s*$/.test(reading.text)) {
    const run = runAt(last);
    return run ? wordsOf(reading, run) : tokens[last]!.words;
  }
  return [];
}

/**
 * Reads the structure of a question (see the module comment).
 *
 * @example structureOf(readQuestion('노벡스와 한빛소재는 각각 대출을 얼마 받나요?')).slots // [[0], [1]]
 */
export function structureOf(reading: QuestionReading): QuestionStructure {
  const runs = nounRuns(reading);
  const excluded = excludedWords(reading, runs);
  const slots = coordinatedSlots(
    reading,
    runs.filter((r) => !wordsOf(reading, r).some((w) => excluded.includes(w))),
  );
  return { slots, excluded, extremes: extremesOf(reading), namedKind: namedKindWords(reading, runs) };
}

/**
 * The structure of a question beyond its words, read from the order of its tokens:
 *
 * - **Coordinated entities** ("퓨처그래프와 후성", "FutureGraph, Estigen Bio and Housung",
 *   "compare the Upstage investment with the FutureGraph loan"): the answer must cover each
 *   one, so each gets its own best sentence (select-sentences.ts).
 * - **An exclusion** ("apart from Upstage", "업스테이지 말고"): what the answer is not about.
 * - **Superlatives** ("the largest", "가장 작은", "최대"): the answer compares the values the
 *   sources state (extremes.ts).
 * - **A kind of named entity asked for** ("which portal companies", "어느 민간 기업",
 *   "넣는 은행은 어디야?"): a sentence answers only if it names one (names.ts).
 *
 * Noun phrases are runs of content tokens. In English a run ends at any other word; in
 * Korean, whose particles close a phrase, also at a word carrying a particle
 * (해남 SPC의 | 자본금과 | 완공 목표를): the coordinated phrases are the runs the
 * coordinator joins, and the words outside them are shared by every entity.
 */
import { stripParticle } from '../../text/particles.js';
import type { QuestionReading, QuestionToken, QuestionWord } from './question-words.js';

export type Extreme = 'max' | 'min';

export interface QuestionShape {
  /** Word indexes of each coordinated entity, only its own words (shared words are in none); empty or two and more. */
  slots: number[][];
  /** Word indexes of an "apart from X" phrase. */
  excluded: number[];
  /** The ends asked for: the largest, the smallest, or both. */
  extremes: Extreme[];
  /** Word indexes naming the kind of entity whose names are asked ("portal companies"); empty when none is. */
  namedKind: number[];
  /** What something is like is asked ("루미나는 어떤 회사인가요?", "What kind of company is Lumina?"). */
  describes: boolean;
}

/** Korean coordinating endings on the first noun (A와 B, A과 B, A랑 B, A하고 B). */
const KO_COORDINATING = /(와|과|랑|이랑|하고)$/;
/** Joins two noun phrases, with the words that may stand between them. */
const EN_JOIN =
  /^(?:(?:compared?|comparing) )?(?:and|or|with|to|against|versus|vs|및|그리고|또는)(?: (?:the|a|an|its|their))?$/i;
const SEPARATOR = /[,·/、，]/;
const EXCLUSION_AFTER = /^(apart|besides|except|excluding|beyond)$/i;
const EXCLUSION_KO =
  /^(외에|외에는|외에도|외|말고|말고도|말고는|제외하고|제외한|제외하면|빼고|빼면|이외에|이외|이외의|밖에)$/;
const EXCLUSION_REACH = 4;
const EXCLUSION_KO_ATTACHED = /(외에|외에는|외에도|말고|말고도|이외에)$/;
const MAX_EN = /^(largest|biggest|greatest|highest|most|top|maximum)$/i;
const MIN_EN = /^(smallest|lowest|least|fewest|minimum)$/i;
const KO_MOST = /^(가장|제일)$/;
const KO_MAX_ADJECTIVE = /^(큰|크|많|높|대규모|최대)/;
const KO_MIN_ADJECTIVE = /^(작|적|낮|소규모)/;
const DETERMINER = /^(which|what|어느|어떤|무슨)$/i;
/** "What kind of company": a description is asked, not a name. */
const KIND_OF = /^(kind|kinds|type|types|sort|sorts|종류|유형)$/i;
/** Korean determiners that ask what something is like (어떤, 무슨), unlike 어느 (which one). */
const KO_DESCRIBING = /^(어떤|무슨|어떠한|어떤한)$/;
/**
 * The kind as the predicate: "업스테이지는 어떤 회사인가요?", "무슨 기업이야?". The subject is
 * already named; what it is like is asked. ("어떤 회사가 참여해?" makes the kind the subject: names.)
 */
const KO_COPULA_END = /(인가요|인가|이에요|예요|이야|야|입니까|일까요|인지|이죠|이지요|이다|이고|이며|인데|임)$/;
/** "What kind of company is Lumina?", "What sort of firm was …": a description of a named thing. */
const EN_DESCRIBE = /\bwhat (kind|type|sort)s? of [a-z]+ (is|was|are|were)\b/i;
/** Kinds a description question may name besides organisations: 곳 (place), 사업 (business). */
const DESCRIBED_KINDS = new Set(['곳', '사업', '프로젝트', '시설', 'place', 'project', 'facility']);
/** "민간 투자자로는 어떤 회사", "대출 중에서 어느 회사": the phrase before frames the kind asked. */
const KO_FRAME = /(로는|으로는|중에서|중에|가운데|에서)$/;
/** Kinds of named entity: organisations and the people acting for them. */
const ENTITY_KINDS = new Set(
  (
    'company companies firm firms bank banks lender lenders investor investors partner partners institution ' +
    'institutions organization organizations organisation organisations portal portals insurer insurers business ' +
    'businesses conglomerate conglomerates corporation corporations group groups hospital hospitals university ' +
    'universities supplier suppliers manufacturer manufacturers maker makers operator operators ' +
    'regulator regulators authority authorities agency agencies ministry ministries country countries ' +
    '기업 회사 업체 은행 기관 투자자 금융사 금융기관 파트너 포털 사업자 증권사 운용사 대기업 보험사 카드사 투자사 그룹 병원 ' +
    '대학 공급사 제조사 운영사 통신사 건설사 제약사 자산운용사 협력사 참여사 나라 국가 부처 당국 규제기관 ' +
    // "…로 뽑힌 곳은 어디", "어느 지역": a place or body asked by the kind of thing it is.
    '곳 위탁운용사 지역 지자체 regions region'
  ).split(' '),
);
/** Tokens after a kind noun that ask for its name: "은행은 어디야", "투자자는 누구". */
const WHO_OR_WHERE = /^(누구|누가|어디|어느)/;
/** "명단", "이름": asking for the names of a kind ("포털 기업 이름을 알려줘"). */
const NAME_WORDS = /^(이름|명단|목록|회사명|기업명|names?)/i;
/** How far after the kind noun "어디" may stand ("회사는 구체적으로 어디어디예요"). */
const ASK_REACH = 3;
/** How far after a determiner the kind noun may stand ("which two portal companies"). */
const KIND_REACH = 3;

const isHangulEnd = (raw: string) => /[\uac00-\ud7a3]$/.test(raw);
/** A Korean token closed by a particle (SPC의, 자본금을); coordinating endings are handled apart. */
const closedByParticle = (raw: string) => isHangulEnd(raw) && stripParticle(raw) !== raw && !KO_COORDINATING.test(raw);
const coordinates = (raw: string) => isHangulEnd(raw) && KO_COORDINATING.test(raw) && raw.length >= 3;
const nounKind = (w: QuestionWord) => w.kind === 'content' || w.kind === 'generic';

interface Run {
  first: number;
  last: number;
}

/** Maximal noun-phrase runs of tokens. */
function nounRuns(reading: QuestionReading): Run[] {
  const { tokens, words, text } = reading;
  const isNoun = (t: QuestionToken) => t.words.length > 0 && t.words.every((i) => nounKind(words[i]!));
  const runs: Run[] = [];
  let open: Run | undefined;
  tokens.forEach((token, i) => {
    const separated = i > 0 && SEPARATOR.test(text.slice(tokens[i - 1]!.end, token.at));
    if (open && separated) open = undefined;
    if (!isNoun(token)) {
      // "누적 승인 규모랑 …": a value word (dropped from the words) still closes the phrase it ends.
      if (open && token.words.length === 0 && coordinates(token.raw)) open.last = i;
      open = undefined;
      return;
    }
    if (open) open.last = i;
    else runs.push((open = { first: i, last: i }));
    if (closedByParticle(token.raw) || coordinates(token.raw)) open = undefined;
  });
  return runs;
}

/** Are two runs joined as coordinated phrases ("A와 B", "A, B", "A and the B", "A compared with B")? */
function joined(reading: QuestionReading, left: Run, right: Run): boolean {
  const { tokens, text } = reading;
  const last = tokens[left.last]!;
  const between = tokens.slice(left.last + 1, right.first);
  // Words that name nothing may stand after a Korean coordinator: "A와 이번 B".
  if (between.every((t) => t.words.length === 0) && coordinates(last.raw)) return true;
  if (between.length === 0) return SEPARATOR.test(text.slice(last.end, tokens[right.first]!.at));
  return EN_JOIN.test(between.map((t) => t.raw).join(' '));
}

function wordsOf(reading: QuestionReading, run: Run): number[] {
  return reading.tokens.slice(run.first, run.last + 1).flatMap((t) => t.words);
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
  const slots = best.map((run) => wordsOf(reading, run));
  // A word in several phrases ("the FutureGraph loan … the Housung loan") is shared, not an entity's own.
  const count = new Map<number, number>();
  for (const slot of slots) for (const w of new Set(slot)) count.set(w, (count.get(w) ?? 0) + 1);
  const own = slots.map((slot) => [...new Set(slot)].filter((w) => count.get(w) === 1));
  return own.every((slot) => slot.length > 0) ? own : [];
}

function excludedWords(reading: QuestionReading, runs: Run[]): number[] {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!.raw;
    const next = tokens[i + 1]?.raw.toLowerCase();
    const after = EXCLUSION_AFTER.test(raw) || (/^(other|aside)$/i.test(raw) && (next === 'than' || next === 'from'));
    if (after) {
      // "other than the three loans": the phrase after the cue and its articles and numbers.
      const run = runs.find((r) => r.first > i && r.first <= i + EXCLUSION_REACH);
      if (run) return wordsOf(reading, run);
    }
    // "Leaving Upstage aside": the phrase before the cue.
    if (/^aside$/i.test(raw)) {
      const run = [...runs].reverse().find((r) => r.last === i - 1);
      if (run) return wordsOf(reading, run);
    }
    if (EXCLUSION_KO.test(raw)) {
      const run = [...runs].reverse().find((r) => r.last === i - 1);
      if (run) return wordsOf(reading, run);
    }
    if (EXCLUSION_KO_ATTACHED.test(raw) && raw.length >= 4) {
      const run = runs.find((r) => r.last === i);
      if (run) return wordsOf(reading, run);
    }
  }
  return [];
}

/** The ends a question asks for, in its order ("the least … and the most" leads with the least). */
function extremesOf(reading: QuestionReading): Extreme[] {
  const out: Extreme[] = [];
  reading.tokens.forEach((token, i) => {
    const raw = token.raw;
    const most = KO_MOST.test(raw) ? (reading.tokens[i + 1]?.raw ?? '') : undefined;
    const end: Extreme | undefined =
      MAX_EN.test(raw) || /^(최대|최고)$/.test(raw) || (most !== undefined && KO_MAX_ADJECTIVE.test(most))
        ? 'max'
        : MIN_EN.test(raw) || /^(최소|최저)$/.test(raw) || (most !== undefined && KO_MIN_ADJECTIVE.test(most))
          ? 'min'
          : undefined;
    if (end && !out.includes(end)) out.push(end);
  });
  return out;
}

/** 회사들이 → 회사, 회사야 → 회사; English words as written, lower-case. */
function kindStem(raw: string): string {
  if (!isHangulEnd(raw)) return raw.toLowerCase();
  const stem = stripParticle(raw).replace(/(이야|야|인가요|입니까|이에요|예요)$/, '');
  return stem.endsWith('들') && stem.length > 2 ? stem.slice(0, -1) : stem;
}

/** The phrase framing a kind question: "민간 투자자로는 [어떤 회사]", "[which] of the three loans". */
function frameOf(reading: QuestionReading, runs: Run[], determiner: number): number[] {
  const { tokens } = reading;
  const before = runs.find((r) => r.last === determiner - 1 && KO_FRAME.test(tokens[r.last]!.raw));
  if (before) return wordsOf(reading, before);
  if (tokens[determiner + 1]?.raw.toLowerCase() === 'of') {
    const after = runs.find((r) => r.first > determiner + 1 && r.first <= determiner + 3);
    if (after) return wordsOf(reading, after);
  }
  return [];
}

function namedKindWords(reading: QuestionReading, runs: Run[]): number[] {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    if (!DETERMINER.test(tokens[i]!.raw)) continue;
    for (let k = i + 1; k <= Math.min(tokens.length - 1, i + KIND_REACH); k++) {
      if (KIND_OF.test(kindStem(tokens[k]!.raw))) break;
      const predicate = KO_DESCRIBING.test(tokens[i]!.raw) && KO_COPULA_END.test(tokens[k]!.raw);
      if (predicate && ENTITY_KINDS.has(kindStem(tokens[k]!.raw.replace(/임$/, '')))) break;
      if (!ENTITY_KINDS.has(kindStem(tokens[k]!.raw))) {
        // The determiner's noun phrase ends at a particle or a verb: "어떤 제품을 만드는 회사" asks for a product.
        const w = tokens[k]!.words.map((x) => reading.words[x]!);
        if (closedByParticle(tokens[k]!.raw) || w.some((x) => x.kind === 'verb')) break;
        continue;
      }
      // "which portal companies": the kind runs on over the nouns that follow.
      let last = k;
      while (last + 1 < tokens.length && ENTITY_KINDS.has(kindStem(tokens[last + 1]!.raw))) last++;
      const kind = tokens.slice(i + 1, last + 1).flatMap((t) => t.words);
      return [...new Set([...frameOf(reading, runs, i), ...kind])];
    }
  }
  // "3천억 원을 넣는 은행은 어디야?", "포털 회사는 구체적으로 어디어디예요?", "포털 기업 이름을 알려줘"
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!ENTITY_KINDS.has(kindStem(tokens[i]!.raw))) continue;
    const after = tokens.slice(i + 1, i + 1 + ASK_REACH).map((t) => t.raw);
    if (!after.some((raw) => WHO_OR_WHERE.test(raw) || NAME_WORDS.test(raw))) continue;
    const run = runs.find((r) => r.first <= i && i <= r.last);
    return run ? wordsOf(reading, run) : tokens[i]!.words;
  }
  // "…한 나라는?", "데이터를 주는 포털은?": the question ends on the kind it asks for.
  const last = tokens.length - 1;
  if (last > 0 && ENTITY_KINDS.has(kindStem(tokens[last]!.raw)) && /[은는]$/.test(tokens[last]!.raw)) {
    const run = runs.find((r) => r.first <= last && last <= r.last);
    if (/[?？]\s*$/.test(reading.text)) return run ? wordsOf(reading, run) : tokens[last]!.words;
  }
  // "Name the portal companies…", "List the banks…"
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^(name|list|identify)$/i.test(tokens[i]!.raw)) continue;
    const run = runs.find((r) => r.first > i && r.first <= i + 2);
    if (!run) continue;
    // The phrase up to its last kind noun: "the portal companies | Lumina works with".
    let last = run.last;
    while (last >= run.first && !ENTITY_KINDS.has(kindStem(tokens[last]!.raw))) last--;
    if (last >= run.first) return wordsOf(reading, { first: run.first, last });
  }
  return [];
}

/** "…는 어떤 회사인가요", "무슨 곳이야", "what kind of company is …": a description is asked. */
function describes(reading: QuestionReading): boolean {
  if (EN_DESCRIBE.test(reading.text)) return true;
  const { tokens } = reading;
  return tokens.some((token, i) => {
    const next = tokens[i + 1];
    if (!KO_DESCRIBING.test(token.raw) || !next || !KO_COPULA_END.test(next.raw)) return false;
    const kind = kindStem(next.raw.replace(/임$/, ''));
    return ENTITY_KINDS.has(kind) || DESCRIBED_KINDS.has(kind);
  });
}

/** Reads the structure of a question (see the module comment). */
export function shapeOf(reading: QuestionReading): QuestionShape {
  const runs = nounRuns(reading);
  const excluded = excludedWords(reading, runs);
  const slots = coordinatedSlots(
    reading,
    runs.filter((r) => !wordsOf(reading, r).some((w) => excluded.includes(w))),
  );
  return {
    slots,
    excluded,
    extremes: extremesOf(reading),
    namedKind: namedKindWords(reading, runs),
    describes: describes(reading),
  };
}

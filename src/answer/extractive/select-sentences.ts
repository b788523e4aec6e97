/**
 * Sentence selection for the offline answerer: which sentences of the context answer the
 * question, and how sure we are.
 *
 * A sentence's support is the share of the question's words it contains (its source's
 * title and section, and the sentence it refers back to, count half), each word weighted by
 * how rare it is in the context, so a rare name counts more than a word every source
 * repeats. A content word found nowhere in the context weighs as much as the rarest word:
 * asking for something no source mentions leaves the support too low to answer. A sentence
 * without a value of the asked kind (an amount for "얼마", a date for "언제") counts for less,
 * and when the asked kind is a specific attribute no sentence states (a rate, a maturity),
 * nothing answers. The answer is decided on what the chosen sentences support together.
 */
import type { ChatMessage, Lang } from '../../types.js';
import type { ContextSource } from '../context.js';
import type { Quantity } from '../../text/numbers.js';
import { splitSentences } from '../../ingest/sentences.js';
import { tokenize } from '../../text/tokenize.js';
import { analyzeQuestion, type QuestionWord } from './question-words.js';
import {
  answerTypesOf,
  askedCurrency,
  isSpecificType,
  quantitiesOf,
  satisfiesType,
  type AnswerType,
} from './answer-type.js';
import { isInstruction, withoutInstructions } from './instructions.js';
import { contextGlossary, translationsOf, type GlossaryPair } from './glossary.js';
import { synonymsOf } from './synonyms.js';
import { looksLikeFollowUp } from '../follow-up.js';

/**
 * Below this support no sentence answers the question and the answerer refuses.
 * Calibrated on held-out questions (see the README, "Answering"): between the support of
 * answerable questions' best sentences and that of questions the sources cannot answer.
 */
export const MIN_SUPPORT = 0.5;
/** A title or section heading says what a passage is about, less surely than its own words. */
const TITLE_WEIGHT = 0.5;
/** Generic nouns (회사, company) name the kind of thing asked: matched, they count half as much as a topic word. */
const SOFT_FACTOR = 0.5;
/** Words carried from earlier turns help pick sentences but never outweigh the new question's. */
const CARRIED_WEIGHT = 0.5;
/** A sentence without a value of the asked kind is rarely the answer. */
const TYPE_MISS_FACTOR = 0.6;
/** A word counts as present in the context when at least this share of its terms is (투자금: 투자 yes, 자금 no). */
const PRESENT_SHARE = 0.5;
/** Sentences this close to the best are interchangeable: recency decides. */
const NEAR_BEST = 0.85;
/** A sentence in the reader's language this close to the best is preferred: quoting beats converting. */
const LANGUAGE_TIE = 0.7;
/** A further sentence must add at least this share of the question's weight, or a new value for a list question. */
const MIN_GAIN = 0.12;
const MAX_SENTENCES = 3;
/** The best single sentence must carry this share of MIN_SUPPORT before others may complete it. */
const SEED_SHARE = 0.6;
const MAX_LIST_SENTENCES = 4;
/** "각각", "얼마씩", "each", "compare": the question wants several values. */
const LIST_CUES =
  /각각|각자|얼마씩|별로|별 |모두|전부|세 ?건|두 ?건|세 ?곳|정리|비교|구성|나눠|어디서|\beach\b|\bboth\b|\ball\b|\bcompare|\bbreakdown|\blist\b|\bsources of\b|\brespectively\b|\band\b.*\band\b/i;

export interface Sentence {
  source: ContextSource;
  text: string;
  /** Order within its source. */
  position: number;
  terms: Set<string>;
  /** Terms of the sentence it refers back to ("이 공장은…", "The plant…"), if any. */
  antecedent?: Set<string>;
  quantities: Quantity[];
}

/** A sentence opening like this continues the previous one's subject (이 공장은 = the plant in Saemangeum). */
const REFERS_BACK =
  /^(이|그|해당|이번|동|같은|이들|이곳|이 회사|이 기업)\s|^(It|Its|He|She|They|Their|This|These|That|Those|The (company|plant|center|centre|fund|loan|loans|SPC|firm|project|facility|investment))\b/;

export interface ScoredSentence extends Sentence {
  support: number;
  /** Holds a value of the asked kind. */
  satisfies: boolean;
  /** Coverage of each query word, in query order. */
  coverage: number[];
}

interface QueryWord extends QuestionWord {
  /** 1 for the question's own words, CARRIED_WEIGHT for words from earlier turns. */
  factor: number;
  carried: boolean;
}

export interface Query {
  words: QueryWord[];
  /** The main kind of answer asked for. */
  type: AnswerType;
  /** Every kind asked for ("자본금과 완공 목표": money and date); a sentence stating any of them qualifies. */
  types: AnswerType[];
  currency?: 'USD' | 'KRW';
  wantsList: boolean;
}

/** How many earlier user turns a follow-up may lean on. */
const CARRY_TURNS = 2;

/**
 * The question as the answerer searches for it: its words, the words of the turns it
 * follows up on, and the kind of answer it wants.
 */
export function buildQuery(question: string, history: ChatMessage[] = []): Query {
  const own = analyzeQuestion(question);
  let types = answerTypesOf(withoutInstructions(question));
  const words: QueryWord[] = own.map((w) => ({ ...w, factor: 1, carried: false }));
  if (history.length > 0 && looksLikeFollowUp(question)) {
    const previous = history
      .filter((m) => m.role === 'user')
      .slice(-CARRY_TURNS)
      .reverse();
    const hasOwnTopic = own.some((w) => w.kind === 'content');
    const seen = new Set(own.flatMap((w) => w.terms));
    for (const turn of previous) {
      for (const w of analyzeQuestion(turn.content)) {
        if (w.kind !== 'content' || w.terms.every((t) => seen.has(t))) continue;
        for (const t of w.terms) seen.add(t);
        words.push({ ...w, factor: hasOwnTopic ? CARRIED_WEIGHT : 1, carried: true });
      }
      if (types[0] === 'other') types = answerTypesOf(turn.content);
    }
  }
  const currency = askedCurrency(question);
  // A specific attribute (a rate, a share price) is the whole question: an amount elsewhere does not answer it.
  if (isSpecificType(types[0]!)) types = [types[0]!];
  return { words, type: types[0]!, types, ...(currency ? { currency } : {}), wantsList: LIST_CUES.test(question) };
}

/** The sentences of the context that could be quoted: no duplicates, no instructions to the assistant. */
export function sentencesOf(sources: ContextSource[]): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  for (const source of sources) {
    let previous: Set<string> | undefined;
    splitSentences(source.text).forEach((text, position) => {
      const key = text.replace(/\s+/g, ' ').trim();
      const terms = new Set(tokenize(text));
      const antecedent = REFERS_BACK.test(key.replace(/^[-•·*]\s*/, '')) ? previous : undefined;
      previous = terms;
      if (seen.has(key) || terms.size < 2 || isInstruction(text)) return;
      seen.add(key);
      out.push({
        source,
        text: key,
        position,
        terms,
        ...(antecedent ? { antecedent } : {}),
        quantities: quantitiesOf(text),
      });
    });
  }
  return out;
}

interface WordModel {
  /** Alternative spellings (the word, its translations), each as the terms that occur in the context. */
  variants: string[][];
  /** For verbs: stems a sentence's text may contain (the verb's and its synonyms'). */
  stems?: string[];
  weight: number;
}

export interface Scores {
  sentences: ScoredSentence[];
  /** Weight of each query word: what covering it is worth. */
  weights: number[];
}

/** Does the text contain a word starting with the stem (짓 in 짓고, buil in built, 지원 in 지원한다)? */
function hasStem(text: string, stem: string): boolean {
  const lower = text.toLowerCase();
  if (/^[a-z]/.test(stem)) return new RegExp(`\\b${stem}`).test(lower);
  // Korean words start after a space or punctuation; a stem inside a word (치 in 가치) is another word.
  return new RegExp(`(^|[\\s(,“"'‘])${stem}`).test(lower);
}

/** Words that only help: matched, they add support; missing, they cost nothing. */
const isBonus = (w: QueryWord) => w.kind !== 'content';

/** Scores every sentence of the context against the query. */
export function scoreSentences(
  query: Query,
  sentences: Sentence[],
  sources: ContextSource[],
  glossary: GlossaryPair[] = contextGlossary(sources),
): Scores {
  const n = Math.max(1, sentences.length);
  const titleTerms = new Map(sources.map((s) => [s.n, new Set(tokenize(`${s.title} ${s.section ?? ''}`))]));
  // Topic of a passage: its own terms and its title's, for words carried from earlier turns.
  const passageTerms = new Map(sources.map((s) => [s.n, new Set(titleTerms.get(s.n))]));
  // A term in a sentence counts once; one only in the title above it, half (as it scores).
  const df = new Map<string, number>();
  for (const s of sentences) {
    const title = titleTerms.get(s.source.n)!;
    for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of title) if (!s.terms.has(t)) df.set(t, (df.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of s.terms) passageTerms.get(s.source.n)!.add(t);
  }
  const idf = (count: number) => Math.log(1 + n / count);
  const rarest = idf(0.5);

  const models: WordModel[] = query.words.map((w) => {
    const soft = w.kind !== 'content';
    if (w.kind === 'verb' && w.stem) {
      const stems = [w.stem, ...synonymsOf(tokenize(w.text)).map((terms) => terms.join(' '))];
      const count = sentences.filter((s) => stems.some((stem) => hasStem(s.text, stem))).length;
      // A matched verb weighs like a topic word: "when … completed" asks about completion, not approval.
      return { variants: [], stems, weight: count > 0 ? idf(count) * w.factor : 0 };
    }
    const spellings = [w.terms, ...translationsOf(w.terms, glossary), ...synonymsOf(w.terms)];
    const variants = spellings
      .map((terms) => terms.filter((t) => df.has(t)))
      .filter((present, i) => present.length > 0 && present.length >= PRESENT_SHARE * spellings[i]!.length);
    if (variants.length === 0) {
      // An absent topic word counts against every sentence; carried and bonus words only ever help.
      return { variants, weight: w.carried || soft ? 0 : rarest * w.factor };
    }
    const mean = (terms: string[]) => terms.reduce((sum, t) => sum + idf(df.get(t)!), 0) / terms.length;
    return { variants, weight: w.factor * (soft ? SOFT_FACTOR : 1) * Math.max(...variants.map(mean)) };
  });
  const required = models.reduce((sum, m, i) => sum + (isBonus(query.words[i]!) ? 0 : m.weight), 0);

  const scored = sentences.map((sentence) => {
    const title = titleTerms.get(sentence.source.n)!;
    const passage = passageTerms.get(sentence.source.n)!;
    const coverage = models.map(({ variants, stems }, i) => {
      if (stems) return stems.some((stem) => hasStem(sentence.text, stem)) ? 1 : 0;
      // A carried word names the topic of the conversation: a sentence of a passage on it half qualifies.
      const carried = query.words[i]!.carried;
      let best = 0;
      for (const terms of variants) {
        let covered = 0;
        let count = 0;
        let all = 0;
        for (const t of terms) {
          const w = idf(df.get(t)!);
          all += w;
          if (sentence.terms.has(t)) {
            covered += w;
            count++;
          } else if (title.has(t) || sentence.antecedent?.has(t) || (carried && passage.has(t))) {
            covered += TITLE_WEIGHT * w;
            count += TITLE_WEIGHT;
          }
        }
        // The share of the word's terms found, by weight or by count: 대출 covers 대출금 by half,
        // even though its rare second term 출금 weighs more.
        best = Math.max(best, covered / all, count / terms.length);
      }
      return best;
    });
    const satisfies = query.types.some((type) =>
      satisfiesType(type, sentence.text, sentence.quantities, query.currency),
    );
    // Bonus words join the total only as far as they are matched, so they can raise support but never lower it.
    let matched = 0;
    let total = required;
    models.forEach((m, i) => {
      matched += m.weight * coverage[i]!;
      if (isBonus(query.words[i]!)) total += m.weight * coverage[i]!;
    });
    let support = required > 0 ? matched / total : 0;
    if (!satisfies) support *= TYPE_MISS_FACTOR;
    return { ...sentence, support, satisfies, coverage };
  });
  return { sentences: scored, weights: models.map((m) => m.weight) };
}

export interface Selection {
  sentences: ScoredSentence[];
  query: Query;
  /** Translation pairs of the context, for writing about foreign sentences. */
  glossary: GlossaryPair[];
  /** What the chosen sentences support together (or the best sentence alone): compared with MIN_SUPPORT. */
  bestSupport: number;
  /** True when the main sentence is in a language other than the answer language. */
  foreign: boolean;
  /**
   * An older announcement that answers the same question with other figures: the answer
   * uses the newest and says the figure changed.
   */
  superseded?: ScoredSentence;
}

const newer = (a: ScoredSentence, b: ScoredSentence) => (b.source.date ?? '').localeCompare(a.source.date ?? '');

/** Values of the asked kind a sentence states, as comparable keys. */
function valueKeys(s: ScoredSentence, type: AnswerType): string[] {
  return s.quantities
    .filter((q) => type === 'other' || satisfiesType(type, q.text, [q]))
    .map((q) => `${q.kind}:${q.unit}:${q.value}`);
}

/** What the chosen sentences support together: each word counts as covered by its best sentence. */
function combinedSupport(chosen: ScoredSentence[], weights: number[], query: Query): number {
  let matched = 0;
  let total = 0;
  weights.forEach((w, i) => {
    const covered = Math.max(...chosen.map((s) => s.coverage[i]!));
    matched += w * covered;
    total += isBonus(query.words[i]!) ? w * covered : w;
  });
  const required = weights.reduce((sum, w, i) => sum + (isBonus(query.words[i]!) ? 0 : w), 0);
  const support = required > 0 ? matched / total : 0;
  return chosen.some((s) => s.satisfies) ? support : support * TYPE_MISS_FACTOR;
}

/**
 * Picks the sentences that answer the question, or none when together they do not reach
 * `minSupport`.
 *
 * The best sentence comes first; among near-equals, one in the answer language, then one
 * from the newest announcement. Further sentences join when they cover question words the
 * chosen ones miss (a second company, the second half of a two-part question) or, for list
 * questions ("각각", "each"), state another value of the asked kind. The decision to answer
 * is taken on what the chosen sentences support together.
 */
export function selectSentences(
  question: string,
  sources: ContextSource[],
  language: Lang,
  history: ChatMessage[] = [],
  minSupport = MIN_SUPPORT,
): Selection {
  const query = buildQuery(question, history);
  const glossary = contextGlossary(sources);
  const { sentences: scored, weights } = scoreSentences(query, sentencesOf(sources), sources, glossary);
  const none: Selection = { sentences: [], query, glossary, bestSupport: 0, foreign: false };
  if (isSpecificType(query.type) && !scored.some((s) => s.satisfies)) return none;

  const ranked = [...scored].sort(
    (a, b) => b.support - a.support || newer(a, b) || a.source.n - b.source.n || a.position - b.position,
  );
  const best = ranked[0];
  if (!best || best.support < minSupport * SEED_SHARE) return { ...none, bestSupport: best?.support ?? 0 };
  // A foreign best sentence without a value to convert can only be quoted: then any sentence
  // in the reader's language that answers on its own is better.
  const quoteOnly = best.source.lang !== language && valueKeys(best, query.type).length === 0;
  const languageFloor = quoteOnly ? Math.min(best.support * LANGUAGE_TIE, minSupport) : best.support * LANGUAGE_TIE;
  const inLanguage = ranked.filter((s) => s.source.lang === language && s.support >= languageFloor);
  const top = inLanguage[0] ?? best;
  const pool = (inLanguage.length > 0 ? inLanguage : ranked).filter((s) => s.support >= top.support * NEAR_BEST);
  const first = [...pool].sort((a, b) => newer(a, b) || b.support - a.support)[0]!;

  const chosen = [first];
  const covered = [...first.coverage];
  const values = new Set(valueKeys(first, query.type));
  const limit = query.wantsList ? MAX_LIST_SENTENCES : MAX_SENTENCES;
  const floor = Math.max(minSupport * SEED_SHARE, first.support * 0.5);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;

  for (const candidate of ranked) {
    if (chosen.length >= limit) break;
    if (chosen.includes(candidate) || candidate.support < floor) continue;
    if (candidate.source.lang !== first.source.lang && valueKeys(candidate, query.type).length === 0) continue;
    const gainOn = (i: number) => weights[i]! * Math.max(0, candidate.coverage[i]! - covered[i]!);
    const gain = weights.reduce((sum, _w, i) => sum + gainOn(i), 0) / totalWeight;

    const keys = valueKeys(candidate, query.type);
    const newValue = keys.length > 0 && keys.some((k) => !values.has(k));
    // A sentence restating the same values in the other language adds nothing.
    const restates = keys.length > 0 && keys.every((k) => values.has(k));
    const adds = candidate.satisfies ? gain >= MIN_GAIN || (query.wantsList && newValue) : gain >= 2 * MIN_GAIN;
    // From another document, a sentence must itself name something the question asks about:
    // sharing only its verb (지원, receive) makes it another company's story.
    const otherDocument = !chosen.some((c) => c.source.title === candidate.source.title);
    const namesTopic = query.words.some((w, i) => !isBonus(w) && candidate.coverage[i]! >= 0.99);
    if (restates || !adds || (otherDocument && !namesTopic)) continue;
    chosen.push(candidate);
    candidate.coverage.forEach((c, i) => (covered[i] = Math.max(covered[i]!, c)));
    for (const k of keys) values.add(k);
  }
  const support = combinedSupport(chosen, weights, query);
  if (support < minSupport) return { ...none, bestSupport: support };
  const superseded = olderFigures(first, ranked, query.type);
  return {
    sentences: chosen,
    query,
    glossary,
    bestSupport: support,
    foreign: first.source.lang !== language,
    ...(superseded ? { superseded } : {}),
  };
}

/** A nearly as relevant sentence from an older announcement whose values of the asked kind differ. */
function olderFigures(first: ScoredSentence, ranked: ScoredSentence[], type: AnswerType): ScoredSentence | undefined {
  if (type === 'other' || !first.source.date) return undefined;
  const current = new Set(valueKeys(first, type));
  if (current.size === 0) return undefined;
  return ranked.find(
    (s) =>
      s.support >= first.support * NEAR_BEST &&
      s.source.date !== undefined &&
      s.source.date < first.source.date! &&
      valueKeys(s, type).length > 0 &&
      valueKeys(s, type).every((k) => !current.has(k)),
  );
}

/**
 * What the selection steps share: the refusal threshold, how candidate sentences are ranked
 * and which one leads an answer, and the pieces an answer is made of.
 */
import type { Lang } from '../../types.js';
import type { Quantity } from '../../text/numbers.js';
import { satisfiesType, type AnswerType } from './answer-type.js';
import type { Query } from './query.js';
import type { Extreme } from './question-shape.js';
import { isBonus, supportOn, type ScoredSentence, type Scores } from './score-sentences.js';

/**
 * Below this support no sentence answers the question and the answerer refuses.
 * Calibrated on held-out questions (see the README, "Answering"): between the support of
 * answerable questions' best sentences and that of questions the sources cannot answer.
 */
export const MIN_SUPPORT = 0.5;
/** Sentences this close to the best are interchangeable: recency decides. */
export const NEAR_BEST = 0.85;
/** A sentence in the reader's language this close to the best is preferred: quoting beats converting. */
export const LANGUAGE_TIE = 0.7;
/** …provided it covers every question word the best covers, at least as a title would (half). */
const COVERED = 0.5;
/** The best single sentence must carry this share of MIN_SUPPORT before others may complete it. */
export const SEED_SHARE = 0.6;
/** A list answer ("각각", "each", "apart from X, what else") quotes at most this many sentences. */
export const MAX_LIST_SENTENCES = 4;

/** One piece of an answer, in order. */
export type AnswerPart =
  | { kind: 'sentence'; sentence: ScoredSentence }
  /** The largest or smallest value stated for the topic, with the sentence stating it. */
  | { kind: 'extreme'; end: Extreme; value: Quantity; sentence: ScoredSentence }
  /** An entity of the question that no sentence of the context names. */
  | { kind: 'missing'; words: string[] };

export const newer = (a: ScoredSentence, b: ScoredSentence) => (b.source.date ?? '').localeCompare(a.source.date ?? '');

/** Values of the asked kind a sentence states, as comparable keys. */
export function valueKeys(s: ScoredSentence, type: AnswerType): string[] {
  return s.quantities
    .filter((q) => type === 'other' || satisfiesType(type, q.text, [q]))
    .map((q) => `${q.kind}:${q.unit}:${q.value}`);
}

/** What the chosen sentences support together on the words `include` accepts: each word counts as covered by its best sentence. */
export function combinedSupport(
  chosen: ScoredSentence[],
  weights: number[],
  query: Query,
  include: (i: number) => boolean = () => true,
): number {
  const coverage = weights.map((_w, i) => Math.max(...chosen.map((s) => s.coverage[i]!)));
  return supportOn({ coverage, satisfies: chosen.some((s) => s.satisfies) }, weights, query, include);
}

/** Context shared by the selection steps. */
export interface Ranking {
  query: Query;
  scores: Scores;
  language: Lang;
  minSupport: number;
}

/**
 * The sentence to lead with among candidates ranked by `support`: the best, or, among
 * near-equals, one in the reader's language that misses nothing the best covers, then
 * one from the newest announcement.
 */
export function leadSentence(
  candidates: ScoredSentence[],
  support: (s: ScoredSentence) => number,
  { query, scores, language, minSupport }: Ranking,
): ScoredSentence | undefined {
  const ranked = [...candidates].sort(
    (a, b) =>
      support(b) - support(a) ||
      b.breadth - a.breadth ||
      newer(a, b) ||
      a.source.n - b.source.n ||
      a.position - b.position,
  );
  const best = ranked[0];
  if (!best) return undefined;
  // A foreign best sentence without a value to convert can only be quoted: then any sentence
  // in the reader's language that answers on its own is better.
  const quoteOnly = best.source.lang !== language && valueKeys(best, query.type).length === 0;
  const floor = quoteOnly ? Math.min(support(best) * LANGUAGE_TIE, minSupport) : support(best) * LANGUAGE_TIE;
  const missesNothing = (s: ScoredSentence) =>
    (s.satisfies || !best.satisfies) &&
    scores.weights.every(
      (w, i) => w === 0 || isBonus(query.words[i]!) || s.coverage[i]! >= Math.min(best.coverage[i]!, COVERED),
    );
  const inLanguage = ranked.filter((s) => s.source.lang === language && support(s) >= floor && missesNothing(s));
  const top = inLanguage[0] ?? best;
  const pool = (inLanguage.length > 0 ? inLanguage : ranked).filter((s) => support(s) >= support(top) * NEAR_BEST);
  return [...pool].sort((a, b) => newer(a, b) || support(b) - support(a))[0]!;
}

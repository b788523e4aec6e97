/**
 * Superlatives over figures ("which loan is the largest", "가장 작은 몫", "최대 규모"):
 * the values the sources state for the question's topic, compared, and the largest and the
 * smallest given with the sentences that state them. No figure is computed: a difference
 * would be a number no source states, so the answer gives both ends and the reader
 * compares.
 *
 * A candidate value is one of the asked kind (money unless the question names another) in
 * a sentence about the topic (every topic word in it, or in its title or heading: the parts
 * of a whole are often listed under a heading), in the clause that names the topic when one
 * does ("raise 4
 * trillion won of capital, followed by loans of more than 2 trillion won": for loans, 2
 * trillion). A value equal to the sum of others is their total, not one of them (5.6 =
 * 1 + 0.3 + 4.3 trillion won), and is left out; so is one the source calls a total.
 */
import type { Lang } from '../../types.js';
import type { Quantity } from '../../text/numbers.js';
import { tokenize } from '../../text/tokenize.js';
import { satisfiesType, type AnswerType } from './answer-type.js';
import type { Query } from './query.js';
import { isBonus, supportOn, TITLE_WEIGHT, type ScoredSentence, type Scores } from './score-sentences.js';
import type { AnswerPart } from './ranking.js';

/** Clause boundaries: the values of a clause belong to what that clause names. */
const CLAUSE = /[,;]|\band\b|\bwhile\b|\bfollowed by\b|\bwhereas\b/;
/** Words that make a value a total of others. */
const TOTAL = /\b(in total|combined|total|altogether|cumulative|overall)\b|모두|총|합계|누적|전체/i;
/** Sums are compared with this relative tolerance (figures are rounded in announcements). */
const SUM_TOLERANCE = 0.005;

export interface ExtremesContext {
  query: Query;
  scores: Scores;
  language: Lang;
  /** Support a sentence needs to be considered about the topic. */
  floor: number;
}

interface Candidate {
  value: Quantity;
  sentence: ScoredSentence;
  topic: number;
  total: boolean;
}

const COMPARABLE: AnswerType[] = ['money', 'count', 'percent'];

/** The values of a sentence that belong to the topic: those of the clauses naming it, or all. */
function topicValues(s: ScoredSentence, type: AnswerType, context: ExtremesContext): Candidate[] {
  const { query, scores } = context;
  const values = s.quantities.filter(
    (q) => satisfiesType(type, q.text, [q], query.currency) && (type !== 'count' || q.unit !== ''),
  );
  if (values.length === 0) return [];
  const topicWords = scores.models.filter((m, i) => m.weight > 0 && !isBonus(query.words[i]!) && m.variants.length);
  let start = 0;
  const clauses: { at: number; end: number; named: boolean; total: boolean }[] = [];
  for (const part of s.text.split(CLAUSE)) {
    const at = s.text.indexOf(part, start);
    const end = at + part.length;
    start = end;
    const terms = new Set(tokenize(part));
    const named = topicWords.some((m) => m.variants.some((v) => v.filter((t) => terms.has(t)).length * 2 >= v.length));
    clauses.push({ at, end, named, total: TOTAL.test(part) });
  }
  const clauseOf = (q: Quantity) => clauses.find((c) => q.index >= c.at && q.index < c.end);
  const naming = values.filter((q) => clauseOf(q)?.named);
  const topic = supportOn({ coverage: s.coverage, satisfies: true }, scores.weights, query);
  return (naming.length > 0 ? naming : values).map((value) => ({
    value,
    sentence: s,
    topic,
    total: clauseOf(value)?.total ?? false,
  }));
}

/** Leaves out values that are totals of the others, by sum or by the source's word. */
function withoutTotals(candidates: Candidate[]): Candidate[] {
  const distinct = [...new Map(candidates.map((c) => [c.value.value, c.value.value])).values()];
  const isSum = (v: number) => {
    const others = distinct.filter((o) => o !== v && o < v);
    const sum = others.reduce((a, b) => a + b, 0);
    return others.length >= 2 && Math.abs(sum - v) <= SUM_TOLERANCE * v;
  };
  const kept = candidates.filter((c) => !isSum(c.value.value) && !c.total);
  return new Set(kept.map((c) => c.value.value)).size >= 2 ? kept : candidates.filter((c) => !isSum(c.value.value));
}

/**
 * The parts of a superlative answer: the asked end first, then the other, each with the
 * sentence stating it. Undefined when the sources state fewer than two values to compare
 * (the answer is then chosen as for any question).
 */
export function selectExtremes(candidates: ScoredSentence[], context: ExtremesContext): AnswerPart[] | undefined {
  const { query, language, floor } = context;
  // "Which loan is the largest" names no kind of value: the amounts are compared.
  const type = query.types.find((t) => COMPARABLE.includes(t)) ?? 'money';
  // About the topic: every topic word at least in the sentence's title or heading.
  // (The kind of name asked, "which company…", is the answer, not the topic.)
  const kind = new Set(query.shape.namedKind);
  const topicWords = context.scores.weights.flatMap((w, i) =>
    w > 0 && !isBonus(query.words[i]!) && !kind.has(i) ? [i] : [],
  );
  const onTopic = (s: ScoredSentence) => topicWords.every((i) => s.coverage[i]! >= TITLE_WEIGHT);
  let values = candidates.filter(onTopic).flatMap((s) => topicValues(s, type, context));
  const best = Math.max(0, ...values.map((c) => c.topic));
  if (best < floor) return undefined;
  values = values.filter((c) => c.topic >= floor);
  // Amounts in one currency (or unit) only: won and dollars do not compare.
  const units = new Map<string, number>();
  for (const c of values) units.set(c.value.unit, (units.get(c.value.unit) ?? 0) + 1);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0];
  values = withoutTotals(values.filter((c) => c.value.unit === unit));
  // One candidate per value: the sentence in the reader's language, then the most on topic.
  const byValue = new Map<number, Candidate>();
  for (const c of values) {
    const held = byValue.get(c.value.value);
    const better =
      !held ||
      (c.sentence.source.lang === language && held.sentence.source.lang !== language) ||
      (c.sentence.source.lang === held.sentence.source.lang && c.topic > held.topic);
    if (better) byValue.set(c.value.value, c);
  }
  const sorted = [...byValue.values()].sort((a, b) => a.value.value - b.value.value);
  if (sorted.length < 2) return undefined;
  const ends: Record<'max' | 'min', Candidate> = { max: sorted.at(-1)!, min: sorted[0]! };
  const order = query.shape.extremes[0] === 'min' ? (['min', 'max'] as const) : (['max', 'min'] as const);
  return order.map((end) => ({ kind: 'extreme', end, value: ends[end].value, sentence: ends[end].sentence }));
}

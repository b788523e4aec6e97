/**
 * Superlatives over figures ("which loan is the largest", "가장 작은 몫", "최대 규모"): the
 * values of the asked kind the sources state for the question's topic, compared, and the
 * largest and the smallest given with their sentences, the asked end first. No figure is
 * computed: a difference would be a number no source states.
 *
 * A value belongs to the topic when its sentence names the topic (at least in its title or
 * heading) and, where the sentence has several clauses, the clause holding it names the topic
 * ("capital of 4 trillion won, followed by loans of 2 trillion won": for loans, 2 trillion). A
 * value equal to the sum of others, or one the source calls a total, is left out.
 */
import type { Lang } from '../../types.js';
import type { Quantity } from '../../text/numbers.js';
import { tokenize } from '../../text/tokenize.js';
import { satisfiesType, type AnswerType } from './answer-type.js';
import type { Query } from './query.js';
import { isBonus, supportOn, TITLE_WEIGHT, type ScoredSentence, type Scores } from './support.js';
import type { AnswerPart } from './select.js';

/** Clause boundaries: the values of a clause belong to what that clause names. */
const CLAUSE = /[,;]|\band\b|\bwhile\b|\bfollowed by\b|\bwhereas\b/;
/** Words that make a value a total of others. */
const TOTAL = /\b(in total|combined|total|altogether|cumulative|overall)\b|모두|총|합계|누적|전체/i;
/** Sums are compared with this relative tolerance (announcements round their figures). */
const SUM_TOLERANCE = 0.005;
const COMPARABLE: AnswerType[] = ['money', 'count', 'percent'];

export interface ExtremesContext {
  query: Query;
  scores: Scores;
  language: Lang;
  /** Support a sentence needs to be about the topic. */
  floor: number;
}

interface Candidate {
  value: Quantity;
  sentence: ScoredSentence;
  topic: number;
  total: boolean;
}

/** The values of the asked kind a sentence states for the topic: those of the clauses naming it, or all. */
function topicValues(
  s: ScoredSentence,
  type: AnswerType,
  topicWords: number[],
  { query, scores }: ExtremesContext,
): Candidate[] {
  const values = s.quantities.filter(
    (q) => satisfiesType(type, q.text, [q], query) && (type !== 'count' || q.unit !== ''),
  );
  let start = 0;
  const clauses = s.text.split(CLAUSE).map((part) => {
    const at = s.text.indexOf(part, start);
    start = at + part.length;
    const terms = new Set(tokenize(part));
    const named = topicWords.some((i) =>
      scores.models[i]!.variants.some((v) => v.filter((t) => terms.has(t)).length * 2 >= v.length),
    );
    return { at, end: start, named, total: TOTAL.test(part) };
  });
  const clauseOf = (q: Quantity) => clauses.find((c) => q.index >= c.at && q.index < c.end);
  const naming = values.filter((q) => clauseOf(q)?.named);
  const topic = supportOn(s.coverage, scores.weights, query);
  return (naming.length > 0 ? naming : values).map((value) => ({
    value,
    sentence: s,
    topic,
    total: clauseOf(value)?.total ?? false,
  }));
}

/** Leaves out values that are totals of the others, by sum or by the source's word (unless that leaves fewer than two). */
function withoutTotals(candidates: Candidate[]): Candidate[] {
  const distinct = [...new Set(candidates.map((c) => c.value.value))];
  const isSum = (v: number) => {
    const parts = distinct.filter((o) => o < v);
    return parts.length >= 2 && Math.abs(parts.reduce((a, b) => a + b, 0) - v) <= SUM_TOLERANCE * v;
  };
  const kept = candidates.filter((c) => !isSum(c.value.value) && !c.total);
  return new Set(kept.map((c) => c.value.value)).size >= 2 ? kept : candidates.filter((c) => !isSum(c.value.value));
}

/**
 * The parts of a superlative answer, or undefined when the sources state fewer than two values
 * to compare (the answer is then chosen as for any question).
 */
export function selectExtremes(candidates: ScoredSentence[], context: ExtremesContext): AnswerPart[] | undefined {
  const { query, scores, language, floor } = context;
  // "Which loan is the largest" names no kind of value: the amounts are compared.
  const type = query.types.find((t) => COMPARABLE.includes(t)) ?? 'money';
  // The topic: every weighed topic word, not the kind of name asked ("which company…" is the answer).
  const kind = new Set(query.structure.namedKind);
  const topicWords = scores.weights.flatMap((w, i) => (w > 0 && !isBonus(query.words[i]!) && !kind.has(i) ? [i] : []));
  const onTopic = (s: ScoredSentence) => topicWords.every((i) => s.coverage[i]! >= TITLE_WEIGHT);
  let values = candidates.filter(onTopic).flatMap((s) => topicValues(s, type, topicWords, context));
  if (Math.max(0, ...values.map((c) => c.topic)) < floor) return undefined;
  values = values.filter((c) => c.topic >= floor);
  // Values in one currency or unit only: won and dollars do not compare.
  const units = new Map<string, number>();
  for (const c of values) units.set(c.value.unit, (units.get(c.value.unit) ?? 0) + 1);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0];
  // One candidate per value: the sentence in the reader's language, then the most on topic.
  const byValue = new Map<number, Candidate>();
  for (const c of withoutTotals(values.filter((c) => c.value.unit === unit))) {
    const held = byValue.get(c.value.value);
    const own = (x: Candidate) => x.sentence.source.lang === language;
    if (!held || (own(c) && !own(held)) || (own(c) === own(held) && c.topic > held.topic))
      byValue.set(c.value.value, c);
  }
  const sorted = [...byValue.values()].sort((a, b) => a.value.value - b.value.value);
  if (sorted.length < 2) return undefined;
  const ends = { max: sorted.at(-1)!, min: sorted[0]! };
  const order = query.structure.extremes[0] === 'min' ? (['min', 'max'] as const) : (['max', 'min'] as const);
  return order.map((end) => ({ kind: 'extreme', end, value: ends[end].value, sentence: ends[end].sentence }));
}

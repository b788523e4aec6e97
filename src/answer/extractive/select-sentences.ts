/**
 * Sentence selection for the offline answerer: which sentences of the context answer the
 * question, and how sure we are.
 *
 * Sentences are scored against the question's words (score-sentences.ts); the answer is
 * decided on what the chosen sentences support together, against `MIN_SUPPORT`. The
 * question's structure (query.ts) picks how they are chosen:
 *
 * - several coordinated entities whose values are asked ("A와 B는 각각 얼마", "compare A
 *   with B"): the best sentence for each, on its own words and the shared ones, unless the
 *   best sentences already answer for each; an entity no sentence names is said to be missing;
 * - a superlative ("which loan is the largest"): the largest and smallest of the values the
 *   sources state for the topic (extremes.ts);
 * - an exclusion ("apart from X, what else"): the sentences naming the most other things;
 * - otherwise the best sentence, completed by sentences that cover what it misses, on the
 *   same topic (a further sentence must itself name what the question asks about).
 *
 * When the asked kind is a specific attribute no sentence states (a rate, a maturity), or
 * the question asks for names and the sources only describe them ("major portal
 * companies"), nothing answers.
 */
import type { ChatMessage, Lang } from '../../types.js';
import type { ContextSource } from '../context.js';
import type { Quantity } from '../../text/numbers.js';
import { isSpecificType, satisfiesType, type AnswerType } from './answer-type.js';
import { contextGlossary, type GlossaryPair } from './glossary.js';
import { buildQuery, type Query } from './query.js';
import type { Extreme } from './question-shape.js';
import {
  isBonus,
  scoreSentences,
  sentencesOf,
  supportOn,
  TITLE_WEIGHT,
  type ScoredSentence,
  type Scores,
} from './score-sentences.js';
import { selectExtremes } from './extremes.js';
import { nameChecker, newNames } from './names.js';

export type { ScoredSentence } from './score-sentences.js';
export { buildQuery } from './query.js';

/**
 * Below this support no sentence answers the question and the answerer refuses.
 * Calibrated on held-out questions (see the README, "Answering"): between the support of
 * answerable questions' best sentences and that of questions the sources cannot answer.
 */
export const MIN_SUPPORT = 0.5;
/** Sentences this close to the best are interchangeable: recency decides. */
const NEAR_BEST = 0.85;
/** A sentence in the reader's language this close to the best is preferred: quoting beats converting. */
const LANGUAGE_TIE = 0.7;
/** …provided it covers every question word the best covers, at least as a title would (half). */
const COVERED = 0.5;
/** A further sentence must add at least this share of the question's weight, or a new value for a list question. */
const MIN_GAIN = 0.12;
const MAX_SENTENCES = 3;
/** The best single sentence must carry this share of MIN_SUPPORT before others may complete it. */
export const SEED_SHARE = 0.6;
const MAX_LIST_SENTENCES = 4;
/** An entity of a coordinated question is named by a sentence covering this share of its own words' weight. */
const NAMED_SHARE = 0.5;

/** One piece of an answer, in order. */
export type AnswerPart =
  | { kind: 'sentence'; sentence: ScoredSentence }
  /** The largest or smallest value stated for the topic, with the sentence stating it. */
  | { kind: 'extreme'; end: Extreme; value: Quantity; sentence: ScoredSentence }
  /** An entity of the question that no sentence of the context names (its words, and their indexes in the query). */
  | { kind: 'missing'; words: string[]; indexes: number[] };

export interface Selection {
  parts: AnswerPart[];
  /** Every sentence the answer quotes, in order; empty when the answerer refuses. */
  sentences: ScoredSentence[];
  query: Query;
  /** Translation pairs of the context, for writing about foreign sentences. */
  glossary: GlossaryPair[];
  /** What the chosen sentences support together (or the best sentence alone): compared with MIN_SUPPORT. */
  bestSupport: number;
  /**
   * An older announcement that answers the same question with other figures: the answer
   * uses the newest and says the figure changed.
   */
  superseded?: ScoredSentence;
  /** When refusing a question about names the sources do not give: what they say instead. */
  unnamed?: ScoredSentence;
}

const newer = (a: ScoredSentence, b: ScoredSentence) => (b.source.date ?? '').localeCompare(a.source.date ?? '');

/** Values of the asked kind a sentence states, as comparable keys. */
export function valueKeys(s: ScoredSentence, type: AnswerType): string[] {
  return s.quantities
    .filter((q) => type === 'other' || satisfiesType(type, q.text, [q]))
    .map((q) => `${q.kind}:${q.unit}:${q.value}`);
}

/** What the chosen sentences support together on the words `include` accepts: each word counts as covered by its best sentence. */
function combinedSupport(
  chosen: ScoredSentence[],
  weights: number[],
  query: Query,
  include: (i: number) => boolean = () => true,
): number {
  const coverage = weights.map((_w, i) => Math.max(...chosen.map((s) => s.coverage[i]!)));
  return supportOn({ coverage, satisfies: chosen.some((s) => s.satisfies) }, weights, query, include);
}

/** Context shared by the selection steps. */
interface Ranking {
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
function leadSentence(
  candidates: ScoredSentence[],
  support: (s: ScoredSentence) => number,
  { query, scores, language, minSupport }: Ranking,
): ScoredSentence | undefined {
  const ranked = [...candidates].sort(
    (a, b) => support(b) - support(a) || newer(a, b) || a.source.n - b.source.n || a.position - b.position,
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

/**
 * The best sentence, then further ones that cover question words it misses (a second
 * company, the second half of a two-part question) or, for list questions ("각각", "each"),
 * state another value of the asked kind.
 */
function completeAnswer(candidates: ScoredSentence[], ranking: Ranking): ScoredSentence[] {
  const { query, scores, minSupport } = ranking;
  const { weights } = scores;
  const first = leadSentence(candidates, (s) => s.support, ranking);
  if (!first || first.support < minSupport * SEED_SHARE) return [];
  const ranked = [...candidates].sort((a, b) => b.support - a.support || newer(a, b));
  const chosen = [first];
  const covered = [...first.coverage];
  const values = new Set(valueKeys(first, query.type));
  const limit = query.wantsList ? MAX_LIST_SENTENCES : MAX_SENTENCES;
  const floor = Math.max(minSupport * SEED_SHARE, first.support * 0.5);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  // The heaviest question word the first sentence itself names: what the answer is about.
  const named = weights.flatMap((w, i) =>
    !isBonus(query.words[i]!) && w > 0 && first.coverage[i]! >= 0.99 ? [i] : [],
  );
  const anchor = named.sort((a, b) => weights[b]! - weights[a]!)[0];
  // In a follow-up, a further sentence must match the new question, not only the carried topic.
  const ownWordAt = (i: number) => !query.words[i]!.carried && weights[i]! > 0;
  const followUp = query.words.some((w) => w.carried) && weights.some((_w, i) => ownWordAt(i));

  for (const candidate of ranked) {
    if (chosen.length >= limit) break;
    if (chosen.includes(candidate) || candidate.support < floor) continue;
    if (candidate.source.lang !== first.source.lang && valueKeys(candidate, query.type).length === 0) continue;
    // The question names one of a series (2호 펀드): a sentence on another one is not about it.
    if (query.words.some((w, i) => w.identifier && weights[i]! > 0 && candidate.coverage[i]! < 1)) continue;
    // Once the asked value is stated, a sentence without one is context, not answer.
    if (query.type !== 'other' && first.satisfies && !candidate.satisfies) continue;
    // Only what the sentence itself says counts as new: a word its title covers is context.
    const gainOn = (i: number) => (candidate.coverage[i]! >= 0.99 ? weights[i]! * (1 - covered[i]!) : 0);
    const gain = weights.reduce((sum, _w, i) => sum + gainOn(i), 0) / totalWeight;

    const keys = valueKeys(candidate, query.type);
    const newValue = keys.length > 0 && keys.some((k) => !values.has(k));
    // A sentence restating the same values in the other language adds nothing.
    const restates = keys.length > 0 && keys.every((k) => values.has(k));
    const adds = candidate.satisfies ? gain >= MIN_GAIN || (query.wantsList && newValue) : gain >= 2 * MIN_GAIN;
    // From another document, a sentence must be on the first one's topic: name the most
    // specific question word the first names (퓨처그래프, not 대출). Sharing only a verb (지원,
    // receive) or a common word makes it another company's story.
    const otherDocument = !chosen.some((c) => c.source.title === candidate.source.title);
    const onTopic = anchor === undefined || candidate.coverage[anchor]! >= 0.99;
    // …or answer the other half of a two-part question: a kind of value none chosen states.
    const completes = query.types.some(
      (type) =>
        satisfiesType(type, candidate.text, candidate.quantities, query.currency) &&
        !chosen.some((c) => satisfiesType(type, c.text, c.quantities, query.currency)),
    );
    const ownWord = !followUp || query.words.some((_w, i) => ownWordAt(i) && candidate.coverage[i]! >= 0.5);
    if (restates || !adds || !ownWord || (otherDocument && !onTopic && !completes)) continue;
    chosen.push(candidate);
    candidate.coverage.forEach((c, i) => (covered[i] = Math.max(covered[i]!, c)));
    for (const k of keys) values.add(k);
  }
  return chosen;
}

/** Does a sentence name a coordinated entity (cover that share of its own words' weight)? */
function names(s: ScoredSentence, slot: number[], weights: number[]): boolean {
  const weight = slot.reduce((sum, i) => sum + weights[i]!, 0);
  // Every word of the entity at least in the sentence's heading: "국민성장펀드 누적 승인" is not
  // named by a sentence on the fund's Upstage approval, which lacks 누적.
  const all = slot.every((i) => weights[i] === 0 || s.coverage[i]! >= TITLE_WEIGHT);
  return weight > 0 && all && slot.reduce((sum, i) => sum + weights[i]! * s.coverage[i]!, 0) >= NAMED_SHARE * weight;
}

/** Does a sentence answer for some coordinated entity: name it and state the asked kind of value? */
function answersFor(s: ScoredSentence, { query, scores }: Ranking): boolean {
  return states(s, query) && query.shape.slots.some((slot) => names(s, slot, scores.weights));
}

/** Does a sentence state what is asked of each entity: the asked kind of value, or for a bare comparison, a figure? */
function states(s: ScoredSentence, query: Query): boolean {
  return s.satisfies && (!query.compares || query.type !== 'other' || s.quantities.some((q) => q.kind !== 'date'));
}

/** Those that state what is asked (`states`), when any does. */
function preferStating(sentences: ScoredSentence[], query: Query): ScoredSentence[] {
  const stating = sentences.filter((s) => states(s, query));
  return stating.length > 0 ? stating : sentences;
}

/** Does some chosen sentence answer for each coordinated entity? */
function answersEvery(chosen: ScoredSentence[], { query, scores }: Ranking): boolean {
  return query.shape.slots.every((slot) => chosen.some((s) => states(s, query) && names(s, slot, scores.weights)));
}

/**
 * One sentence per coordinated entity, each chosen on the entity's own words and the
 * shared ones. Undefined when no entity is named by any sentence (the coordination was
 * probably misread: "업스테이지와 협력하는 포털" is not two entities).
 */
function answerEachEntity(
  candidates: ScoredSentence[],
  ranking: Ranking,
  givesNames: (s: ScoredSentence) => boolean,
): AnswerPart[] | undefined {
  const { query, scores, minSupport } = ranking;
  const { slots } = query.shape;
  const inSlot = new Set(slots.flat());
  const parts: AnswerPart[] = [];
  let named = 0;
  for (const slot of slots) {
    const own = new Set(slot);
    const onSlot = (i: number) => own.has(i) || !inSlot.has(i);
    const support = (s: ScoredSentence) => supportOn(s, scores.weights, query, onSlot);
    const lead = leadSentence(
      preferStating(
        candidates.filter((s) => names(s, slot, scores.weights)),
        query,
      ),
      support,
      ranking,
    );
    // A sentence naming the entity without its value ("이 공장은 … 배터리 음극재를 …") takes
    // the value from the sentence before it in the same passage that states one.
    const before = lead && !states(lead, query) ? statingBefore(lead, scores.sentences, query) : undefined;
    const chosen = [before, lead].filter((s): s is ScoredSentence => s !== undefined);
    const together = chosen.length > 0 ? combinedSupport(chosen, scores.weights, query, onSlot) : 0;
    // Asked for names ("which companies…"), an entity's part must give one.
    if (together < minSupport * SEED_SHARE || !chosen.some(givesNames)) {
      parts.push({ kind: 'missing', words: slot.map((i) => query.words[i]!.text), indexes: slot });
      continue;
    }
    named++;
    for (const sentence of chosen) {
      if (!parts.some((p) => p.kind === 'sentence' && p.sentence === sentence))
        parts.push({ kind: 'sentence', sentence });
    }
  }
  return named > 0 ? parts : undefined;
}

/** How far back in its passage a sentence may take its value from. */
const VALUE_REACH = 2;

/** The nearest sentence before `s` in its passage (within VALUE_REACH) that states what is asked. */
function statingBefore(s: ScoredSentence, all: ScoredSentence[], query: Query): ScoredSentence | undefined {
  return all
    .filter((o) => o.source === s.source && o.position < s.position && s.position - o.position <= VALUE_REACH)
    .sort((a, b) => b.position - a.position)
    .find((o) => states(o, query));
}

/**
 * "Apart from Upstage, what else was approved?": the sentences naming the most other things,
 * each adding names the answer does not have yet, in the reader's language when a source in
 * it names nearly as much. A name counts by how rare it is in the context: the actors of
 * every announcement (the commission, the fund) are not what else was approved. A sentence
 * on the excluded thing joins only as the lead (a list that names it too).
 */
function answerWithOthers(
  candidates: ScoredSentence[],
  ranking: Ranking,
  namesOf: (s: ScoredSentence) => string[],
): ScoredSentence[] {
  const { query, language, minSupport } = ranking;
  const all = ranking.scores.sentences;
  const rarity = (name: string) => {
    const lower = name.toLowerCase();
    const count = all.filter((s) => s.text.toLowerCase().includes(lower)).length;
    return Math.log(1 + all.length / Math.max(1, count));
  };
  const excluded = query.shape.excluded;
  const onExcluded = (s: ScoredSentence) => excluded.some((i) => s.coverage[i]! >= 0.99);
  const pool = candidates
    .filter((s) => s.support >= minSupport * SEED_SHARE)
    .map((s) => {
      const names = new Set(namesOf(s));
      const worth = [...names].reduce((sum, n) => sum + rarity(n), 0);
      return { s, names, worth };
    })
    .filter((c) => c.worth > 0)
    .sort((a, b) => b.worth - a.worth || b.s.support - a.s.support);
  const most = pool[0]?.worth ?? 0;
  const lead = pool.find((c) => c.s.source.lang === language && c.worth >= most * LANGUAGE_TIE) ?? pool[0];
  if (!lead) return [];
  const chosen = [lead.s];
  const seen = new Set(lead.names);
  for (const c of pool) {
    if (chosen.length >= MAX_LIST_SENTENCES) break;
    if (chosen.includes(c.s) || c.s.source.lang !== lead.s.source.lang || onExcluded(c.s)) continue;
    const added = [...c.names].filter((n) => !seen.has(n));
    if (added.length === 0) continue;
    chosen.push(c.s);
    for (const n of added) seen.add(n);
  }
  return chosen;
}

const sentencesIn = (parts: AnswerPart[]): ScoredSentence[] =>
  parts.flatMap((p) => (p.kind === 'sentence' || p.kind === 'extreme' ? [p.sentence] : []));

/**
 * Picks the sentences that answer the question, or none when together they do not reach
 * `minSupport` (see the module comment).
 */
export function selectSentences(
  question: string,
  sources: ContextSource[],
  language: Lang,
  history: ChatMessage[] = [],
  minSupport = MIN_SUPPORT,
): Selection {
  const query = buildQuery(question, history);
  const glossary = contextGlossary(sources, question);
  const scores = scoreSentences(query, sentencesOf(sources), sources, glossary);
  const none: Selection = { parts: [], sentences: [], query, glossary, bestSupport: 0 };
  const scored = scores.sentences;
  if (isSpecificType(query.type) && !scored.some((s) => s.satisfies)) return none;
  const ranking: Ranking = { query, scores, language, minSupport };

  // A question asking for names is answered only by sentences that give one.
  let candidates = scored;
  let unnamed: ScoredSentence | undefined;
  let givesNames = (_s: ScoredSentence) => true;
  if (query.shape.namedKind.length > 0) {
    const { names, describesUnnamed } = nameChecker(query, scores, glossary);
    givesNames = names;
    candidates = scored.filter(names);
    // The sentence most about the question describes the kind without naming anyone
    // ("private investors supply the rest"): the sources do not name them. A less relevant
    // sentence that happens to hold a name is not the answer.
    const best = [...scored].sort((a, b) => b.support - a.support)[0];
    const plain = query.shape.extremes.length === 0 && query.shape.slots.length < 2;
    if (plain && best && describesUnnamed(best) && best.support >= minSupport) return { ...none, unnamed: best };
    if (best && !names(best)) unnamed = best;
  }

  const extremes =
    query.shape.extremes.length > 0
      ? selectExtremes(candidates, { query, scores, language, floor: minSupport * SEED_SHARE })
      : undefined;
  const asSentences = (chosen: ScoredSentence[]) =>
    chosen.map((sentence): AnswerPart => ({ kind: 'sentence', sentence }));
  const others = () => {
    const namesOf = newNames(query, scores, glossary);
    return asSentences(answerWithOthers(candidates, ranking, (s) => namesOf(s).map((n) => s.text.slice(n.at, n.end))));
  };
  // Several entities whose values are asked ("A와 B는 각각 얼마", "compare A with B"): one
  // sentence each, unless the best sentences already answer for each. Coordinated topics of
  // an open question ("특징 및 기능을 설명") are better served by the best sentences overall.
  const perEntity = query.shape.slots.length >= 2 && (query.type !== 'other' || query.wantsList);
  const eachEntity = () => {
    // Of the best sentences, those answering for some entity (naming it, with the asked value).
    const completed = completeAnswer(candidates, ranking).filter((s) => answersFor(s, ranking));
    return completed.length > 0 && answersEvery(completed, ranking)
      ? asSentences(completed)
      : answerEachEntity(scored, ranking, givesNames);
  };
  const parts =
    extremes ??
    // "Apart from X, what else…" lists others; "beyond its capital, how much in loans" asks a value.
    (query.shape.excluded.length > 0 && query.type === 'other' ? others() : undefined) ??
    (perEntity ? eachEntity() : undefined) ??
    asSentences(completeAnswer(candidates, ranking));
  const chosen = sentencesIn(parts);
  if (chosen.length === 0) return { ...none, ...(unnamed && unnamed.support >= minSupport ? { unnamed } : {}) };

  // An entity no sentence names counts against the answer like any missing word.
  const support = extremes ? Math.max(...chosen.map((s) => s.support)) : combinedSupport(chosen, scores.weights, query);
  if (support < minSupport) return { ...none, bestSupport: support, ...(unnamed ? { unnamed } : {}) };
  const superseded = extremes ? undefined : olderFigures(chosen[0]!, scored, query.type);
  return {
    parts,
    sentences: chosen,
    query,
    glossary,
    bestSupport: support,
    ...(superseded ? { superseded } : {}),
  };
}

/** A nearly as relevant sentence from an older announcement whose values of the asked kind differ. */
function olderFigures(first: ScoredSentence, scored: ScoredSentence[], type: AnswerType): ScoredSentence | undefined {
  if (type === 'other' || !first.source.date) return undefined;
  const current = new Set(valueKeys(first, type));
  if (current.size === 0) return undefined;
  return [...scored]
    .sort((a, b) => b.support - a.support)
    .find(
      (s) =>
        s.support >= first.support * NEAR_BEST &&
        s.source.date !== undefined &&
        s.source.date < first.source.date! &&
        valueKeys(s, type).length > 0 &&
        valueKeys(s, type).every((k) => !current.has(k)),
    );
}

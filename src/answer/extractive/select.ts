/**
 * Which sentences of the context answer the question, or why none does. The decision takes
 * the general signals in turn, each refusing for its own class of failure:
 *
 * 1. entity presence (entities.ts): a name or specific term no source mentions → refused,
 *    naming it (with several entities, the known ones are answered, the others said missing);
 * 2. answer-type match (answer-type.ts): only sentences stating a value of the asked kind may
 *    answer; when none does, refused, quoting what the sources say instead;
 * 3. term support and proximity (support.ts) choose the sentences: the best one (in the
 *    reader's language and from the newest announcement among near-equals), then those that
 *    cover what it misses; one per entity for a question about several; the largest and the
 *    smallest value for a superlative (extremes.ts);
 * 4. the calibrated threshold: what the chosen sentences support together must reach
 *    `MIN_SUPPORT`, or the answerer refuses.
 */
import type { ChatMessage, Lang } from '../../types.js';
import type { ContextSource } from '../context.js';
import type { Quantity } from '../../text/numbers.js';
import type { Extreme } from '../../text/question-structure.js';
import { tokenize } from '../../text/tokenize.js';
import { satisfiesType, type AnswerType } from './answer-type.js';
import { contextGlossary, isDomainNoun, spellingsOf, type GlossaryPair } from './glossary.js';
import { buildQuery, type Query, type QueryWord } from './query.js';
import { sentencesOf } from './sentences.js';
import { isBonus, scoreSentences, supportOn, TITLE_WEIGHT, type ScoredSentence, type Scores } from './support.js';
import { namesGiven, namesNotInSources, termsNotInSources } from './entities.js';
import { namesAsked } from '../../text/names.js';
import { selectExtremes } from './extremes.js';

/**
 * Below this support no selection answers and the answerer refuses. Calibrated by
 * `npm run bench:answer` on questions nobody tuned on (docs/answerer.md): the upper end of
 * the plateau of balanced accuracy, since for a finance team a wrong answer costs more than
 * a refusal.
 */
export const MIN_SUPPORT = 0.5;
/** The best single sentence must carry this share of MIN_SUPPORT before others may complete it. */
export const SEED_SHARE = 0.6;
/** Sentences this close to the best are interchangeable: language, then recency decides. */
const NEAR_BEST = 0.85;
/** A sentence in the reader's language this close to the best is preferred: quoting beats converting. */
const LANGUAGE_TIE = 0.7;
/** How much proximity can lower a sentence's rank (never its support). */
const PROXIMITY_WEIGHT = 0.2;
/** A further sentence must add at least this share of the question's weight (twice that without the asked value). */
const MIN_GAIN = 0.12;
const MAX_SENTENCES = 3;
/** A list answer ("각각", "each") quotes at most this many sentences. */
const MAX_LIST_SENTENCES = 4;
/** A release answers the parts of a two-part question side by side: this many sentences apart at most. */
const NEXT_TO = 2;
/** An entity of a coordinated question is named by a sentence covering this share of its own words' weight. */
const NAMED_SHARE = 0.5;

/** One piece of an answer, in order. */
export type AnswerPart =
  | { kind: 'sentence'; sentence: ScoredSentence }
  /** The largest or smallest value stated for the topic, with the sentence stating it. */
  | { kind: 'extreme'; end: Extreme; value: Quantity; sentence: ScoredSentence }
  /** An entity of the question that no sentence of the context names. */
  | { kind: 'missing'; words: string[] };

export type { ScoredSentence } from './support.js';

export interface Selection {
  parts: AnswerPart[];
  /** Every sentence the answer quotes, in order; empty when the answerer refuses. */
  sentences: ScoredSentence[];
  query: Query;
  glossary: GlossaryPair[];
  /** What the chosen sentences support together: compared with MIN_SUPPORT. */
  bestSupport: number;
  /** An older announcement with other figures for the same question: the answer says they changed. */
  superseded?: ScoredSentence;
  /** Refusing for want of the asked kind of value (or name): what the sources say instead. */
  valueless?: ScoredSentence;
  /** Refusing a question about names or terms no source mentions: them. */
  absent?: string[];
  /** Which signal refused: a trace for debugging refusals. */
  refusedBy?: 'absent-name' | 'absent-term' | 'no-typed-value' | 'nothing-chosen' | 'low-support';
}

/** Shared by the selection steps. */
export interface Ranking {
  query: Query;
  scores: Scores;
  language: Lang;
  minSupport: number;
  /** What a sentence is worth beyond its support (for a question asking names, the names it gives): 0.5 to 1. */
  worth: (s: ScoredSentence) => number;
}

const newer = (a: ScoredSentence, b: ScoredSentence) => (b.source.date ?? '').localeCompare(a.source.date ?? '');
const rank = (s: ScoredSentence, support = s.support) => support * (1 - PROXIMITY_WEIGHT * (1 - s.proximity));

/**
 * For a question asking names, what the names a sentence gives are worth, each by how rare it
 * is in the context (the commission and the fund named by every release tell little):
 * from 0.5 (none) to 1 (the most of any sentence).
 */
function namesWorth(sentences: ScoredSentence[]): (s: ScoredSentence) => number {
  const rarity = (name: string) =>
    Math.log(1 + sentences.length / Math.max(1, sentences.filter((s) => s.text.includes(name)).length));
  const worth = new Map(sentences.map((s) => [s, s.names.reduce((sum, n) => sum + rarity(n), 0)]));
  const most = Math.max(0, ...worth.values());
  return (s) => (most > 0 ? 0.5 + (0.5 * worth.get(s)!) / most : 1);
}
const asParts = (chosen: ScoredSentence[]) => chosen.map((sentence): AnswerPart => ({ kind: 'sentence', sentence }));

/** Values of the asked kind a sentence states (names, for a question asking names), as comparable keys. */
export function valueKeys(s: ScoredSentence, query: Query): string[] {
  if (query.type === 'name') return s.names;
  return s.quantities
    .filter((q) => query.type === 'other' || satisfiesType(query.type, q.text, [q], query))
    .map((q) => `${q.kind}:${q.unit}:${q.value}`);
}

/** What sentences support together, each word counted as covered by its best sentence. */
const together = (chosen: ScoredSentence[], { query, scores }: Ranking, include?: (i: number) => boolean) => {
  const coverage = scores.weights.map((_w, i) => Math.max(...chosen.map((s) => s.coverage[i]!)));
  return supportOn(coverage, scores.weights, query, include);
};

/**
 * The sentence to lead with: the best by rank (support, lowered by spread-out words), or
 * among near-equals one in the reader's language that misses nothing the best covers, then
 * one from the newest announcement.
 */
function leadSentence(candidates: ScoredSentence[], ranking: Ranking, support = (s: ScoredSentence) => s.support) {
  const { query, scores, language, worth } = ranking;
  const score = (s: ScoredSentence) => rank(s, support(s)) * worth(s);
  // Among equals, a sentence opening with a topic word is about it (업스테이지는 …, Norvex is …), not passing by.
  const topic = scores.models.filter((_m, i) => query.words[i]!.kind === 'content' && !isBonus(query.words[i]!));
  const opensWithName = (s: ScoredSentence) => {
    const first = tokenize(/^[-•·*]?\s*([^\s,]+)/.exec(s.text)?.[1] ?? '');
    return (
      first.length > 0 && topic.some((m) => m.weight > 0 && m.variants.some((v) => first.every((t) => v.includes(t))))
    );
  };
  const ranked = [...candidates].sort(
    (a, b) =>
      score(b) - score(a) ||
      Number(opensWithName(b)) - Number(opensWithName(a)) ||
      b.breadth - a.breadth ||
      newer(a, b) ||
      a.source.n - b.source.n ||
      a.position - b.position,
  );
  const best = ranked[0];
  if (!best) return undefined;
  const missesNothing = (s: ScoredSentence) =>
    scores.weights.every(
      (w, i) => w === 0 || isBonus(query.words[i]!) || s.coverage[i]! >= Math.min(best.coverage[i]!, TITLE_WEIGHT),
    );
  // A foreign best sentence without a value to convert can only be quoted: any answering sentence in the reader's language is better.
  const quoteOnly = best.source.lang !== language && valueKeys(best, query).length === 0;
  const floor = quoteOnly ? Math.min(score(best) * LANGUAGE_TIE, ranking.minSupport) : score(best) * LANGUAGE_TIE;
  const own = ranked.find((s) => s.source.lang === language && score(s) >= floor && missesNothing(s)) ?? best;
  const pool = ranked.filter((s) => s.source.lang === own.source.lang && score(s) >= score(own) * NEAR_BEST);
  return [...pool].sort((a, b) => newer(a, b) || score(b) - score(a))[0] ?? own;
}

/**
 * The best sentence of `leads`, then sentences that cover question words it misses (a second
 * company, the second half of a question) or, for a list question, state another value; from
 * another document only on the lead's topic (its most specific word).
 */
function completeAnswer(candidates: ScoredSentence[], leads: ScoredSentence[], ranking: Ranking): ScoredSentence[] {
  const { query, scores, minSupport } = ranking;
  const { weights } = scores;
  const first = leadSentence(leads, ranking);
  if (!first || first.support < minSupport * SEED_SHARE) return [];
  // A description or an explanation goes on in the next sentence when it continues the lead's subject
  // ("업스테이지는 … 유니콘이다. 기업과 정부 기관을 위한 … 언어모델을 만든다.").
  const next = scores.sentences.find((s) => s.source === first.source && s.position === first.position + 1);
  const chosen = query.type === 'other' && !query.wantsList && next?.antecedent ? [first, next] : [first];
  const covered = first.coverage.map((c, i) => Math.max(...chosen.map((s) => s.coverage[i]!), c));
  const values = new Set(chosen.flatMap((s) => valueKeys(s, query)));
  const floor = Math.max(minSupport * SEED_SHARE, first.support * 0.5);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const named = weights.flatMap((w, i) =>
    !isBonus(query.words[i]!) && w > 0 && first.coverage[i]! >= 0.99 ? [i] : [],
  );
  const anchor = named.sort((a, b) => weights[b]! - weights[a]!)[0];
  // In a follow-up, a further sentence must match the new question, not only the carried topic.
  const ownWord = (s: ScoredSentence) =>
    !query.words.some((w) => w.carried) ||
    query.words.some((w, i) => !w.carried && weights[i]! > 0 && s.coverage[i]! >= 0.5);
  const states = (s: ScoredSentence, type: AnswerType) => satisfiesType(type, s.text, s.quantities, query);
  // The other part of a two-part question: a sentence stating a kind of value asked that none
  // chosen states, or one beside the lead (releases answer the parts side by side), covering on
  // its own enough of what the chosen ones miss.
  const otherPart = (s: ScoredSentence) =>
    (query.types.some((t) => t !== 'name' && t !== 'other' && states(s, t) && !chosen.some((c) => states(c, t))) ||
      (s.source === first.source && Math.abs(s.position - first.position) <= NEXT_TO)) &&
    weights.some((w, i) => w > 0 && !isBonus(query.words[i]!) && covered[i]! < 0.5 && s.coverage[i]! >= 0.99) &&
    supportOn(s.coverage, weights, query, (i) => covered[i]! < 0.5 || isBonus(query.words[i]!)) >= floor;
  // An exclusion sets aside the sentences about what it excludes ("apart from Upstage").
  const excluded = (s: ScoredSentence) => query.structure.excluded.some((i) => s.coverage[i]! >= 0.99);
  for (const s of [...candidates].sort(
    (a, b) => rank(b) * ranking.worth(b) - rank(a) * ranking.worth(a) || newer(a, b),
  )) {
    if (chosen.length >= (query.wantsList ? MAX_LIST_SENTENCES : MAX_SENTENCES)) break;
    const other = otherPart(s);
    if (chosen.includes(s) || (s.support < floor && !other) || !ownWord(s) || excluded(s)) continue;
    if (s.source.lang !== first.source.lang && valueKeys(s, query).length === 0) continue;
    // Only what the sentence itself says counts as new: a word its title covers is context.
    const gain = weights.reduce((sum, w, i) => sum + (s.coverage[i]! >= 0.99 ? w * (1 - covered[i]!) : 0), 0) / total;
    const keys = valueKeys(s, query);
    const newValue = keys.some((k) => !values.has(k));
    const restates = keys.length > 0 && !newValue;
    const adds = other || (s.satisfies ? gain >= MIN_GAIN || (query.wantsList && newValue) : gain >= 2 * MIN_GAIN);
    const onTopic =
      anchor === undefined || s.coverage[anchor]! >= 0.99 || chosen.some((c) => c.source.title === s.source.title);
    if (restates || !adds || !(onTopic || other)) continue;
    chosen.push(s);
    s.coverage.forEach((c, i) => (covered[i] = Math.max(covered[i]!, c)));
    for (const k of keys) values.add(k);
  }
  return chosen;
}

/** Does a sentence name a coordinated entity: every word at least in its heading, most of the weight in it? */
function namesEntity(s: ScoredSentence, slot: number[], weights: number[]): boolean {
  const weight = slot.reduce((sum, i) => sum + weights[i]!, 0);
  const all = slot.every((i) => weights[i] === 0 || s.coverage[i]! >= TITLE_WEIGHT);
  return weight > 0 && all && slot.reduce((sum, i) => sum + weights[i]! * s.coverage[i]!, 0) >= NAMED_SHARE * weight;
}

/**
 * One sentence per coordinated entity ("A와 B는 각각 얼마", "compare A with B"), chosen on its
 * own words and the shared ones, preferring one stating the asked value (a bare comparison
 * compares figures); an entity no sentence names is said to be missing. Undefined when none is
 * named (the coordination was probably misread).
 */
function answerEachEntity(sentences: ScoredSentence[], ranking: Ranking): AnswerPart[] | undefined {
  const { query, scores, minSupport } = ranking;
  const { slots } = query.structure;
  const inSlot = new Set(slots.flat());
  const states = (s: ScoredSentence) =>
    s.satisfies && (!query.compares || query.type !== 'other' || s.quantities.some((q) => q.kind !== 'date'));
  const parts: AnswerPart[] = [];
  for (const slot of slots) {
    const onSlot = (i: number) => slot.includes(i) || !inSlot.has(i);
    const naming = sentences.filter((s) => namesEntity(s, slot, scores.weights));
    const stating = naming.filter(states);
    const lead = leadSentence(stating.length > 0 ? stating : naming, ranking, (s) =>
      supportOn(s.coverage, scores.weights, query, onSlot),
    );
    // A sentence naming the entity without its value ("이 공장은 … 소재를 만든다") takes it from the one before.
    const before = lead && sentences.find((s) => s.source === lead.source && s.position === lead.position - 1);
    const chosen = lead ? (states(lead) || !before || !states(before) ? [lead] : [before, lead]) : [];
    const answers = chosen.some(states) || query.type === 'other';
    if (!answers || together(chosen, ranking, onSlot) < minSupport * SEED_SHARE) {
      parts.push({ kind: 'missing', words: slot.map((i) => query.words[i]!.text) });
    } else parts.push(...asParts(chosen.filter((s) => !parts.some((p) => p.kind === 'sentence' && p.sentence === s))));
  }
  return parts.some((p) => p.kind === 'sentence') ? parts : undefined;
}

/** A nearly as relevant sentence from an older announcement whose values of the asked kind all differ. */
function olderFigures(first: ScoredSentence, scored: ScoredSentence[], query: Query): ScoredSentence | undefined {
  const current = new Set(valueKeys(first, query));
  if (query.type === 'other' || !first.source.date || current.size === 0) return undefined;
  const older = (s: ScoredSentence) =>
    s.support >= first.support * NEAR_BEST && (s.source.date ?? '9') < first.source.date!;
  const other = (keys: string[]) => keys.length > 0 && keys.every((k) => !current.has(k));
  return [...scored].sort((a, b) => b.support - a.support).find((s) => older(s) && other(valueKeys(s, query)));
}

/** Picks the sentences that answer the question, or none, saying why (see the module comment). */
export function selectSentences(
  question: string,
  sources: ContextSource[],
  language: Lang,
  history: ChatMessage[] = [],
  minSupport = MIN_SUPPORT,
): Selection {
  const query = buildQuery(question, history);
  const glossary = contextGlossary(sources, question);
  const none: Selection = { parts: [], sentences: [], query, glossary, bestSupport: 0 };
  const { structure, reading } = query;
  const perEntity = structure.slots.length >= 2 && (query.type !== 'other' || query.wantsList);
  // Unknown words that leave some entity of a per-entity question known are said missing there instead.
  const refusesFor = (unknown: Set<number>) =>
    !perEntity || structure.slots.every((slot) => slot.some((w) => unknown.has(w)));
  const absent = namesNotInSources(reading, sources, glossary);
  if (absent.length > 0 && refusesFor(new Set(absent.flatMap((n) => n.words)))) {
    return { ...none, absent: absent.map((n) => n.text), refusedBy: 'absent-name' };
  }
  const scores = scoreSentences(query, sentencesOf(sources), sources, glossary, namesGiven(query, glossary));
  const unknown = termsNotInSources(query, scores);
  if (unknown.length > 0 && refusesFor(new Set(unknown.map((u) => u.word)))) {
    return { ...none, absent: unknown.map((u) => u.text), refusedBy: 'absent-term' };
  }
  const all = scores.sentences;
  const typed = query.type !== 'other' && !query.confirms;
  const candidates = typed ? all.filter((s) => s.satisfies) : all;
  const best = [...all].sort((a, b) => b.support - a.support)[0];
  const valueless = (why: Selection['refusedBy'], support = 0): Selection => ({
    ...none,
    bestSupport: support,
    refusedBy: why,
    ...(typed && best && best.support >= minSupport && !best.satisfies ? { valueless: best } : {}),
  });
  // The sentence most about the question mentions the kind of entity asked and names none of it
  // ("private investors supply the rest"): the sources do not name them.
  const kind = structure.namedKind;
  const plain = structure.slots.length < 2 && structure.extremes.length === 0;
  const unnamed = best && kind.length > 0 && best.mentionsKind && best.names.length === 0;
  if (typed && plain && unnamed && best.support >= minSupport) return valueless('no-typed-value');

  // Listing the others ("apart from X, what else…"), more names are more answer.
  const lists = query.type === 'name' && (query.wantsList || structure.excluded.length > 0);
  const ranking: Ranking = { query, scores, language, minSupport, worth: lists ? namesWorth(all) : () => 1 };
  // A question about a named company is led by a sentence about it (in its words, heading or antecedent).
  // Names: those the question's form shows, and words the context pairs with a proper name (후성 = Housung).
  const proper = glossary.filter((p) => /^[A-Z]/.test(p.en));
  const asked = new Set(namesAsked(reading, isDomainNoun).flatMap((n) => n.words));
  const isName = (w: QueryWord, i: number) => asked.has(i) || spellingsOf(w.text, w.terms, proper, true).length > 0;
  const named = query.words.flatMap((w, i) =>
    w.kind === 'content' && !w.carried && w.factor > 0 && scores.weights[i]! > 0 && isName(w, i) ? [i] : [],
  );
  const about = candidates.filter((s) => named.every((i) => s.coverage[i]! >= TITLE_WEIGHT));
  const leads =
    structure.extremes.length === 0 && about.some((s) => s.support >= minSupport * SEED_SHARE) ? about : candidates;
  const extremes =
    structure.extremes.length > 0
      ? selectExtremes(candidates, { query, scores, language, floor: minSupport * SEED_SHARE })
      : undefined;
  const parts =
    extremes ??
    (perEntity ? answerEachEntity(typed ? all : candidates, ranking) : undefined) ??
    asParts(completeAnswer(candidates, leads, ranking));
  const chosen = parts.flatMap((p) => (p.kind === 'missing' ? [] : [p.sentence]));
  if (chosen.length === 0) return valueless('nothing-chosen');
  const support = extremes ? Math.max(...chosen.map((s) => s.support)) : together(chosen, ranking);
  if (support < minSupport) return valueless('low-support', support);
  const superseded = extremes ? undefined : olderFigures(chosen[0]!, all, query);
  return { parts, sentences: chosen, query, glossary, bestSupport: support, ...(superseded ? { superseded } : {}) };
}

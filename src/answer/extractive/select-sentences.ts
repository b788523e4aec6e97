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
import { isSpecificType, satisfiesType, type AnswerType } from './answer-type.js';
import { contextGlossary, type GlossaryPair } from './glossary.js';
import { buildQuery, type Query } from './query.js';
import { scoreSentences, sentencesOf, TITLE_WEIGHT, type ScoredSentence, type Scores } from './score-sentences.js';
import {
  combinedSupport,
  MIN_SUPPORT,
  NEAR_BEST,
  SEED_SHARE,
  valueKeys,
  type AnswerPart,
  type Ranking,
} from './ranking.js';
import { completeAnswer } from './complete-answer.js';
import { answerEachEntity, answersEvery, answersFor } from './each-entity.js';
import { answerWithOthers } from './others.js';
import { selectExtremes } from './extremes.js';
import { isProperName, nameChecker, newNames } from './names.js';
import { describeSubject } from './describe.js';
import { namesAsked, namesNotInSources, termsNotInSources } from './absent-names.js';

export type { ScoredSentence } from './score-sentences.js';
export type { AnswerPart } from './ranking.js';
export { MIN_SUPPORT } from './ranking.js';

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
  /** When refusing a question whose asked value (a count, an amount, a date) no sentence states: what they say instead. */
  valueless?: ScoredSentence;
  /** When refusing a question about a company, person or place no source mentions: its name(s). */
  absent?: string[];
  /** Which rule refused (absent-name, absent-term, no-typed-value, …): a trace for debugging refusals. */
  refusedBy?: string;
}

/**
 * Where something is (어느 지역에 있는, 어디에 위치한, where is … located): a place answers, a
 * sentence on the topic naming none does not. ("Where does it get its data from" asks a source.)
 */
const ASKS_LOCATION =
  /어느 ?(지역|곳|도시|시도|나라)|어디에 ?(있|위치|설치|들어서|세워)|\bwhere (is|are|was|were|will)\b.*\b(located|built|based|held|set up)\b|\bin which (region|city|province|area)\b/i;

/** A number naming one of a series (2호, 3차, 2단계): no value. */
const NUMBERED = /^\s?(호|차|기|번째|단계|회차)/;

/** Kinds of value an answer must state; a sentence without one does not answer. */
const MEASURED: ReadonlySet<AnswerType> = new Set(['count', 'money', 'date']);

/**
 * Does the sentence state some value a measured question could be asking for? "얼마나" asks
 * an amount, a count or a ratio alike (6,100여 대, 4.8배), so any figure or time will do,
 * except that a count of a named unit ("몇 명") needs that unit.
 */
function statesValue(s: ScoredSentence, query: Query): boolean {
  if (s.satisfies) return true;
  if ((query.type === 'count' && query.countUnit) || query.type === 'place') return false;
  if (query.type === 'date') return s.quantities.length > 0 || satisfiesType('date', s.text, []);
  // A time is no amount, nor a number naming one of a series: "How much did X commit?" is not
  // answered by "from 2023 Q1, fund No. 2".
  return s.quantities.some((q) => q.kind !== 'date' && !NUMBERED.test(s.text.slice(q.index + q.text.length)));
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
  const none: Selection = { parts: [], sentences: [], query, glossary, bestSupport: 0 };
  // A name no source mentions: whatever else matches is about someone else. With several
  // entities, those the sources do mention are answered and the others said to be missing.
  const { reading } = query;
  // Several entities whose values are asked ("A와 B는 각각 얼마", "compare A with B"): one
  // sentence each, unless the best sentences already answer for each. Coordinated topics of
  // an open question ("특징 및 기능을 설명") are better served by the best sentences overall.
  const perEntity = query.shape.slots.length >= 2 && (query.type !== 'other' || query.wantsList);
  /** Unknown words that leave some entity of a per-entity question known are said missing there instead. */
  const refusesFor = (unknownWords: Set<number>) =>
    !perEntity || query.shape.slots.every((slot) => slot.some((w) => unknownWords.has(w)));
  const absent = namesNotInSources(reading, sources, glossary);
  if (absent.length > 0 && refusesFor(new Set(absent.flatMap((n) => n.words)))) {
    return { ...none, absent: absent.map((n) => n.text), refusedBy: 'absent-name' };
  }
  const scores = scoreSentences(query, sentencesOf(sources), sources, glossary);
  const scored = scores.sentences;
  // Likewise a specific term (a programme, a law) that no source writes.
  const unknown = termsNotInSources(query, scores);
  if (unknown.length > 0 && refusesFor(new Set(unknown.map((u) => u.word)))) {
    return { ...none, absent: unknown.map((u) => u.text), refusedBy: 'absent-term' };
  }
  if (isSpecificType(query.type) && !scored.some((s) => s.satisfies)) return { ...none, refusedBy: 'no-typed-value' };

  const ranking: Ranking = { query, scores, language, minSupport };

  // A question about a named company is answered by a sentence about it (in its words, its
  // heading or the sentence it continues), not by one that only shares the other words;
  // further sentences may complete it as usual.
  const about = new Set(
    aboutNamed(
      query,
      scores,
      glossary,
      minSupport,
      namesAsked(reading).flatMap((n) => n.words),
    ),
  );
  let candidates = scored;
  // A question asking for names is answered only by sentences that give one.
  let unnamed: ScoredSentence | undefined;
  let givesNames = (_s: ScoredSentence) => true;
  if (query.shape.namedKind.length > 0) {
    const { names, describesUnnamed } = nameChecker(query, scores, glossary);
    givesNames = names;
    candidates = candidates.filter(names);
    // The sentence most about the question describes the kind without naming anyone
    // ("private investors supply the rest"): the sources do not name them. A less relevant
    // sentence that happens to hold a name is not the answer.
    const best = [...scored].sort((a, b) => b.support - a.support)[0];
    const plain = query.shape.extremes.length === 0 && query.shape.slots.length < 2;
    if (plain && best && describesUnnamed(best) && best.support >= minSupport) {
      return { ...none, unnamed: best, refusedBy: 'unnamed-kind' };
    }
    if (best && !names(best)) unnamed = best;
  }

  const leads = candidates.filter((s) => about.has(s));
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
  let completion: ScoredSentence[] | undefined;
  const completed = () => (completion ??= completeAnswer(candidates, ranking, leads));
  const eachEntity = () => {
    // Of the best sentences, those answering for some entity (naming it, with the asked value).
    const answering = completed().filter((s) => answersFor(s, ranking));
    return answering.length > 0 && answersEvery(answering, ranking)
      ? asSentences(answering)
      : answerEachEntity(scored, ranking, givesNames);
  };
  // "어떤 회사인가요": the sentence with the company as its subject, and what follows on it.
  const described = query.shape.describes ? describeSubject(leads, ranking) : [];
  const parts =
    extremes ??
    (described.length > 0 ? asSentences(described) : undefined) ??
    // "Apart from X, what else…" lists others; "beyond its capital, how much in loans" asks a value.
    (query.shape.excluded.length > 0 && query.type === 'other' ? others() : undefined) ??
    (perEntity ? eachEntity() : undefined) ??
    asSentences(completed());
  const chosen = sentencesIn(parts);
  if (chosen.length === 0) {
    return { ...none, refusedBy: 'nothing-chosen', ...(unnamed && unnamed.support >= minSupport ? { unnamed } : {}) };
  }
  // The question gives a figure and asks another of its kind ("Out of the 15,000 chips, how
  // many are GPUs?"): an answer that only restates the user's figure does not give the parts.
  const asksBeyondGiven = query.given.some((g) => query.types.some((type) => satisfiesType(type, g.text, [g])));
  if (asksBeyondGiven && !chosen.some((s) => s.satisfies)) return { ...none, refusedBy: 'restates-given' };
  // "몇 명을 배치하나요?", "얼마를 출자했나요?", "언제 지정되나요?": a sentence on the topic that
  // states no number, amount or date of the asked kind is related, not the answer. The
  // refusal quotes what the sources do say.
  const asksValue = MEASURED.has(query.type) || (query.type === 'place' && ASKS_LOCATION.test(question));
  if (asksValue && !query.confirms && !chosen.some((s) => statesValue(s, query))) {
    const best = chosen[0]!;
    return {
      ...none,
      bestSupport: 0,
      refusedBy: 'valueless',
      ...(best.support >= minSupport * SEED_SHARE ? { valueless: best } : {}),
    };
  }

  // An entity no sentence names counts against the answer like any missing word.
  const support = extremes ? Math.max(...chosen.map((s) => s.support)) : combinedSupport(chosen, scores.weights, query);
  if (support < minSupport) {
    return { ...none, bestSupport: support, refusedBy: 'low-support', ...(unnamed ? { unnamed } : {}) };
  }
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

/**
 * The sentences that name every company or person the question names (at least in their
 * heading, or in the sentence they continue), when any of them could lead an answer; all
 * sentences otherwise. Questions about several entities, superlatives and exclusions choose
 * per entity instead.
 */
function aboutNamed(
  query: Query,
  scores: Scores,
  glossary: GlossaryPair[],
  minSupport: number,
  asked: number[],
): ScoredSentence[] {
  const { shape, words } = query;
  if (shape.slots.length >= 2 || shape.extremes.length > 0 || shape.excluded.length > 0) return scores.sentences;
  // Names: those the question's form shows (absent-names.ts) and those the context pairs with a proper name (후성 = Housung).
  const proper = new Set(
    glossary.filter((p) => isProperName(p.en)).flatMap((p) => [p.koTerms.join(' '), p.enTerms.join(' ')]),
  );
  const named = words.flatMap((w, i) => {
    const own = !w.carried && w.factor > 0 && w.kind === 'content' && scores.weights[i]! > 0;
    const name = asked.includes(i) || scores.models[i]!.variants.some((v) => proper.has(v.join(' ')));
    return own && name ? [i] : [];
  });
  if (named.length === 0) return scores.sentences;
  const about = scores.sentences.filter((s) => named.every((i) => s.coverage[i]! >= TITLE_WEIGHT));
  return about.some((s) => s.support >= minSupport * SEED_SHARE) ? about : scores.sentences;
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

/**
 * Questions about several coordinated entities whose values are asked ("A와 B는 각각 얼마",
 * "compare A with B"): one sentence for each entity, chosen on its own words and the words
 * the entities share.
 */
import type { Query } from './query.js';
import { combinedSupport, leadSentence, SEED_SHARE, type AnswerPart, type Ranking } from './ranking.js';
import { supportOn, TITLE_WEIGHT, type ScoredSentence } from './score-sentences.js';

/** An entity of a coordinated question is named by a sentence covering this share of its own words' weight. */
const NAMED_SHARE = 0.5;

/** Does a sentence name a coordinated entity (cover that share of its own words' weight)? */
function names(s: ScoredSentence, slot: number[], weights: number[]): boolean {
  const weight = slot.reduce((sum, i) => sum + weights[i]!, 0);
  // Every word of the entity at least in the sentence's heading: "국민성장펀드 누적 승인" is not
  // named by a sentence on the fund's Upstage approval, which lacks 누적.
  const all = slot.every((i) => weights[i] === 0 || s.coverage[i]! >= TITLE_WEIGHT);
  return weight > 0 && all && slot.reduce((sum, i) => sum + weights[i]! * s.coverage[i]!, 0) >= NAMED_SHARE * weight;
}

/** Does a sentence answer for some coordinated entity: name it and state the asked kind of value? */
export function answersFor(s: ScoredSentence, { query, scores }: Ranking): boolean {
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
export function answersEvery(chosen: ScoredSentence[], { query, scores }: Ranking): boolean {
  return query.shape.slots.every((slot) => chosen.some((s) => states(s, query) && names(s, slot, scores.weights)));
}

/**
 * One sentence per coordinated entity, each chosen on the entity's own words and the
 * shared ones. Undefined when no entity is named by any sentence (the coordination was
 * probably misread: "업스테이지와 협력하는 포털" is not two entities).
 */
export function answerEachEntity(
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
      parts.push({ kind: 'missing', words: slot.map((i) => query.words[i]!.text) });
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

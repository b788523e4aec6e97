/**
 * The answer to a plain question: the best sentence, completed by sentences that cover what
 * it misses, on the same topic.
 */
import { satisfiesType } from './answer-type.js';
import { leadSentence, MAX_LIST_SENTENCES, newer, SEED_SHARE, valueKeys, type Ranking } from './ranking.js';
import { isBonus, supportOn, type ScoredSentence } from './score-sentences.js';

/** A further sentence must add at least this share of the question's weight, or a new value for a list question. */
const MIN_GAIN = 0.12;
const MAX_SENTENCES = 3;
/** A release answers the parts of a two-part question side by side: this many sentences apart at most. */
const NEXT_TO = 2;

/**
 * The best sentence (of `leads`, the sentences fit to lead), then further ones that cover question words it misses (a second
 * company, the second half of a two-part question) or, for list questions ("각각", "each"),
 * state another value of the asked kind.
 */
export function completeAnswer(
  candidates: ScoredSentence[],
  ranking: Ranking,
  leads: ScoredSentence[] = candidates,
): ScoredSentence[] {
  const { query, scores, minSupport } = ranking;
  const { weights } = scores;
  const first = leadSentence(leads, (s) => s.support, ranking);
  if (!first || first.support < minSupport * SEED_SHARE) return [];
  const ranked = [...candidates].sort((a, b) => b.support - a.support || b.breadth - a.breadth || newer(a, b));
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
    // The other part of a two-part question ("…을 설명하고, 그 성과는 무엇인가"): a sentence of the
    // first one's passage that answers, on the words the chosen ones miss, as well as a
    // further sentence must on all of them; on the whole question it scores as half of it.
    const missing = (i: number) => !isBonus(query.words[i]!) && covered[i]! < 0.5;
    const otherPart =
      candidate.source === first.source &&
      Math.abs(candidate.position - first.position) <= NEXT_TO &&
      candidate.support < floor &&
      candidate.quantities.length > 0 &&
      weights.some((_w, i) => missing(i) && candidate.coverage[i]! >= 0.99) &&
      supportOn(candidate, weights, query, (i) => missing(i) || isBonus(query.words[i]!)) >= floor;
    if (chosen.includes(candidate) || (candidate.support < floor && !otherPart)) continue;
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
    const adds =
      otherPart || (candidate.satisfies ? gain >= MIN_GAIN || (query.wantsList && newValue) : gain >= 2 * MIN_GAIN);
    // From another document, a sentence must be on the first one's topic: name the most
    // specific question word the first names (퓨처그래프, not 대출). Sharing only a verb (지원,
    // receive) or a common word makes it another company's story.
    const otherDocument = !chosen.some((c) => c.source.title === candidate.source.title);
    const onTopic = anchor === undefined || candidate.coverage[anchor]! >= 0.99;
    // …or answer the other half of a two-part question: a kind of value none chosen states.
    const completes = query.types.some(
      (type) =>
        satisfiesType(type, candidate.text, candidate.quantities, query.currency, query.countUnit) &&
        !chosen.some((c) => satisfiesType(type, c.text, c.quantities, query.currency, query.countUnit)),
    );
    const ownWord = !followUp || query.words.some((_w, i) => ownWordAt(i) && candidate.coverage[i]! >= 0.5);
    if (restates || !adds || !ownWord || (otherDocument && !onTopic && !completes)) continue;
    chosen.push(candidate);
    candidate.coverage.forEach((c, i) => (covered[i] = Math.max(covered[i]!, c)));
    for (const k of keys) values.add(k);
  }
  return chosen;
}

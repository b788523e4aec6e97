/**
 * Questions that set one thing aside and ask for the rest ("apart from Upstage, what else
 * was approved?").
 */
import { LANGUAGE_TIE, MAX_LIST_SENTENCES, SEED_SHARE, type Ranking } from './ranking.js';
import type { ScoredSentence } from './score-sentences.js';

/**
 * "Apart from Upstage, what else was approved?": the sentences naming the most other things,
 * each adding names the answer does not have yet, in the reader's language when a source in
 * it names nearly as much. A name counts by how rare it is in the context: the actors of
 * every announcement (the commission, the fund) are not what else was approved. A sentence
 * on the excluded thing joins only as the lead (a list that names it too).
 */
export function answerWithOthers(
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

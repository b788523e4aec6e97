/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): score(d) = Σ 1 / (k + rank),
 * with k = 60 as in the paper. Ranks, not scores, are combined, so BM25 and cosine need no
 * calibration against each other.
 */
export const RRF_K = 60;

/** Fuses rankings of chunk ordinals (best first) into one, best first. */
export function reciprocalRankFusion(rankings: readonly (readonly number[])[]): { doc: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((doc, i) => scores.set(doc, (scores.get(doc) ?? 0) + 1 / (RRF_K + i + 1)));
  }
  return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}

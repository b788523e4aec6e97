/**
 * Ranking metrics for the retrieval benchmark. A question may have several gold passages
 * (DESIGN.md: retrieving any one counts as a hit), so R@k is the share of questions with a
 * gold passage in the top k, MRR@10 uses the first gold passage, and nDCG@10 credits every
 * gold passage with binary relevance.
 */

export interface RankedQuestion {
  gold: readonly string[];
  /** Passage ids, best first, without repeats. */
  ranked: readonly string[];
}

export interface RankingMetrics {
  'R@1': number;
  'R@5': number;
  'R@10': number;
  'MRR@10': number;
  'nDCG@10': number;
}

function firstGoldRank(q: RankedQuestion, k: number): number {
  const gold = new Set(q.gold);
  const limit = Math.min(k, q.ranked.length);
  for (let i = 0; i < limit; i++) if (gold.has(q.ranked[i]!)) return i + 1;
  return 0;
}

function ndcgAt10(q: RankedQuestion): number {
  const gold = new Set(q.gold);
  let dcg = 0;
  for (let i = 0; i < Math.min(10, q.ranked.length); i++) if (gold.has(q.ranked[i]!)) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(10, gold.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** The metrics over a set of questions, each in [0, 1]; all zero for no questions. */
export function rankingMetrics(questions: readonly RankedQuestion[]): RankingMetrics {
  const n = questions.length || 1;
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  let ndcg = 0;
  for (const q of questions) {
    const rank = firstGoldRank(q, 10);
    if (rank === 1) r1++;
    if (rank >= 1 && rank <= 5) r5++;
    if (rank >= 1) {
      r10++;
      mrr += 1 / rank;
    }
    ndcg += ndcgAt10(q);
  }
  return { 'R@1': r1 / n, 'R@5': r5 / n, 'R@10': r10 / n, 'MRR@10': mrr / n, 'nDCG@10': ndcg / n };
}

/** The value at quantile `p` (0..1) of unsorted numbers, by the nearest-rank method. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

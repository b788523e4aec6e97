/**
 * Summary metrics over graded cases (DESIGN.md, "Eval JSON"). Each share is computed over
 * the cases it can be measured on, and is `null` when there are none:
 *
 * - `hit@1`, `hit@5`, `mrr@10`: answerable cases that name gold sources. The ranking is
 *   the documents the answer was built from (in process: the pipeline's passages in
 *   retrieval order; over HTTP: the cited documents in citation order), so these measure
 *   what reached the answer, not a deeper candidate list.
 * - `fact_recall`: expected facts found in the answer, over all facts of answerable cases.
 * - `answer_accuracy`: answerable cases with facts where the answer holds every fact.
 * - `citation_precision`: cited documents that are gold sources, over all documents cited
 *   in answerable cases that name gold sources.
 * - `refusal_accuracy`: all cases; unanswerable ones refused, answerable ones not.
 * - `language_match`: all cases; the answer text is in the question's language.
 * - `latency_ms_p50`, `latency_ms_p95`: nearest-rank percentiles over all cases.
 */
import type { CaseResult, EvalSummary, Metrics } from './types.js';

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

function share(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator);
}

const mean = (values: number[]) =>
  share(
    values.reduce((a, b) => a + b, 0),
    values.length,
  );

/** Nearest-rank percentile (p in 0..100) of a list of numbers; null for an empty list. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return round(sorted[rank - 1]!, 1);
}

/** Figures for one group of graded cases. */
export function computeMetrics(cases: CaseResult[]): Metrics {
  const ranked = cases.filter((c) => c.answerable && c.sources.length > 0);
  const withFacts = cases.filter((c) => c.answerable && c.facts.length > 0);
  const factCount = withFacts.reduce((n, c) => n + c.facts.length, 0);
  const factsFound = withFacts.reduce((n, c) => n + c.facts_found.length, 0);
  const cited = ranked.reduce((n, c) => n + c.citations.length, 0);
  const citedGold = ranked.reduce((n, c) => n + c.cited_gold, 0);
  const latencies = cases.map((c) => c.latency_ms);
  const hitAt = (k: number) => mean(ranked.map((c) => (c.gold_rank !== null && c.gold_rank <= k ? 1 : 0)));

  const metrics: Metrics = {
    cases: cases.length,
    errors: cases.filter((c) => c.error !== undefined).length,
    'hit@1': hitAt(1),
    'hit@5': hitAt(5),
    'mrr@10': mean(ranked.map((c) => (c.gold_rank !== null && c.gold_rank <= 10 ? 1 / c.gold_rank : 0))),
    fact_recall: share(factsFound, factCount),
    answer_accuracy: mean(withFacts.map((c) => (c.facts_missing.length === 0 && !c.refused && !c.error ? 1 : 0))),
    citation_precision: share(citedGold, cited),
    refusal_accuracy: mean(cases.map((c) => (c.refusal_correct ? 1 : 0))),
    language_match: mean(cases.map((c) => (c.language_match ? 1 : 0))),
    latency_ms_p50: percentile(latencies, 50),
    latency_ms_p95: percentile(latencies, 95),
  };

  const judged = cases.flatMap((c) => (c.judge && !('error' in c.judge) ? [c.judge] : []));
  if (cases.some((c) => c.judge)) {
    metrics.judge_faithfulness = mean(judged.map((j) => j.faithfulness));
    metrics.judge_correctness = mean(judged.map((j) => j.correctness));
  }
  return metrics;
}

/** The summary of a run: overall figures plus the same figures per category (in first-seen order). */
export function summarize(cases: CaseResult[]): EvalSummary {
  const groups = new Map<string, CaseResult[]>();
  for (const c of cases) groups.set(c.category, [...(groups.get(c.category) ?? []), c]);
  const by_category: Record<string, Metrics> = {};
  for (const [category, members] of groups) by_category[category] = computeMetrics(members);
  return { ...computeMetrics(cases), by_category };
}

/** Number formatting shared by the terminal table and the reports. */
import { LOWER_IS_BETTER, type AnyMetricKey } from './types.js';

/** `0.953`, `12.4 ms`, or `–` for a metric nothing could measure. */
export function formatMetric(metric: AnyMetricKey, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (LOWER_IS_BETTER.has(metric)) return `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
  return value.toFixed(3);
}

/** A signed change: `+0.012`, `−3.1 ms`. */
export function formatDelta(metric: AnyMetricKey, delta: number | null): string {
  if (delta === null) return '–';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = Math.abs(delta);
  return LOWER_IS_BETTER.has(metric) ? `${sign}${magnitude.toFixed(1)} ms` : `${sign}${magnitude.toFixed(3)}`;
}

/** Short column headings for the per-category table. */
export const METRIC_LABELS: Record<AnyMetricKey, string> = {
  'hit@1': 'hit@1',
  'hit@5': 'hit@5',
  'mrr@10': 'mrr@10',
  fact_recall: 'fact recall',
  answer_accuracy: 'answer acc.',
  citation_precision: 'citation prec.',
  refusal_accuracy: 'refusal acc.',
  language_match: 'language',
  latency_ms_p50: 'p50',
  latency_ms_p95: 'p95',
  judge_faithfulness: 'judge: faithful',
  judge_correctness: 'judge: correct',
};

/**
 * `--compare previous.json`: what got better or worse since an earlier run, per metric
 * (overall and per category) and per case (newly failing, newly passing).
 */
import * as z from 'zod';
import {
  JUDGE_METRIC_KEYS,
  LOWER_IS_BETTER,
  METRIC_KEYS,
  type AnyMetricKey,
  type EvalRunResult,
  type Metrics,
} from './types.js';

/**
 * Latency on a shared machine moves by a few percent from run to run; only a change
 * beyond this share is called better or worse.
 */
export const LATENCY_NOISE = 0.1;
/** Shares are rounded to 4 digits; smaller differences are rounding, not change. */
const SHARE_EPSILON = 1e-4;

const metricValue = z.number().nullable().optional();
const metricsSchema = z.record(z.string(), z.unknown());

/** The parts of an earlier eval JSON a comparison reads; anything else in it is ignored. */
export const previousRunSchema = z.object({
  summary: z.looseObject({
    by_category: z.record(z.string(), metricsSchema).optional(),
  }),
  meta: z.looseObject({ ranking: z.string().optional() }).optional(),
  cases: z.array(z.looseObject({ id: z.string(), passed: z.boolean().optional() })).optional(),
});

export type PreviousRun = z.infer<typeof previousRunSchema>;

export type Verdict = 'better' | 'worse' | 'same' | 'n/a';

export interface MetricChange {
  metric: AnyMetricKey;
  previous: number | null;
  current: number | null;
  delta: number | null;
  verdict: Verdict;
}

export interface Comparison {
  overall: MetricChange[];
  byCategory: Record<string, MetricChange[]>;
  /** Cases that passed before and fail now. */
  newlyFailing: string[];
  /** Cases that failed before and pass now. */
  newlyPassing: string[];
  /** Why some figures are not compared (e.g. the runs ranked documents differently). */
  notes: string[];
}

const RETRIEVAL_METRICS: ReadonlySet<AnyMetricKey> = new Set(['hit@1', 'hit@5', 'mrr@10']);

function numberOrNull(value: unknown): number | null {
  const parsed = metricValue.safeParse(value);
  return parsed.success && typeof parsed.data === 'number' ? parsed.data : null;
}

/** Is the change from `previous` to `current` an improvement, a regression, or noise? */
export function verdictOf(metric: AnyMetricKey, previous: number | null, current: number | null): Verdict {
  if (previous === null || current === null) return 'n/a';
  const delta = current - previous;
  const lowerBetter = LOWER_IS_BETTER.has(metric);
  const tolerance = lowerBetter ? Math.abs(previous) * LATENCY_NOISE : SHARE_EPSILON;
  if (Math.abs(delta) <= tolerance) return 'same';
  return delta > 0 !== lowerBetter ? 'better' : 'worse';
}

function changes(
  current: Metrics,
  previous: Record<string, unknown> | undefined,
  skip: ReadonlySet<AnyMetricKey>,
): MetricChange[] {
  const keys: AnyMetricKey[] = [...METRIC_KEYS, ...JUDGE_METRIC_KEYS.filter((k) => k in current)];
  return keys.map((metric) => {
    const now = numberOrNull(current[metric]);
    const before = skip.has(metric) ? null : numberOrNull(previous?.[metric]);
    const delta = now !== null && before !== null ? Math.round((now - before) * 10_000) / 10_000 : null;
    return { metric, previous: before, current: now, delta, verdict: verdictOf(metric, before, now) };
  });
}

/**
 * Compares a run with an earlier run's JSON (already validated by `previousRunSchema`).
 *
 * @example compareRuns(run, previousRunSchema.parse(JSON.parse(text))).overall
 */
export function compareRuns(current: EvalRunResult, previous: PreviousRun): Comparison {
  const notes: string[] = [];
  let skip: ReadonlySet<AnyMetricKey> = new Set();
  const before = previous.meta?.ranking;
  if (before && before !== current.meta.ranking) {
    // In process hits count retrieved passages; over HTTP only cited documents are visible.
    skip = RETRIEVAL_METRICS;
    notes.push(`hit@k and mrr@10 are not compared: measured on ${before} before and on ${current.meta.ranking} now`);
  }
  const byCategory: Record<string, MetricChange[]> = {};
  for (const [category, metrics] of Object.entries(current.summary.by_category)) {
    byCategory[category] = changes(metrics, previous.summary.by_category?.[category], skip);
  }
  const passedBefore = new Map((previous.cases ?? []).map((c) => [c.id, c.passed]));
  const newlyFailing = current.cases.filter((c) => !c.passed && passedBefore.get(c.id) === true).map((c) => c.id);
  const newlyPassing = current.cases.filter((c) => c.passed && passedBefore.get(c.id) === false).map((c) => c.id);
  return { overall: changes(current.summary, previous.summary, skip), byCategory, newlyFailing, newlyPassing, notes };
}

/**
 * Per-case baselines of the offline answer sets (issue 17, "honest gates"). A baseline is
 * committed beside the golden files (`evals/baselines/<set>.json`): which cases passed and
 * the aggregate figures of the run that recorded it. The gate fails when a case that passed
 * now fails (naming it) or an aggregate falls below its floor; a case that now passes is
 * reported, and recorded only by `npm run eval:baseline`, whose diff shows in review.
 */
import * as z from 'zod';
import type { EvalRunResult, Metrics } from './types.js';

/** The shares a baseline keeps a floor on (latencies vary with the machine). */
export const FLOOR_METRICS = [
  'hit@5',
  'fact_recall',
  'answer_accuracy',
  'citation_precision',
  'refusal_accuracy',
  'language_match',
] as const;
type FloorMetric = (typeof FLOOR_METRICS)[number];

/**
 * How far an aggregate may fall below its baseline: failing cases may lose part of a figure
 * (one fact of two, a citation) without a passing case failing, and that is the room left.
 */
export const FLOOR_SLACK = 0.02;

const baselineSchema = z.object({
  set: z.string(),
  golden: z.string(),
  corpus: z.string(),
  summary: z.record(z.string(), z.number().nullable()),
  cases: z.record(z.string(), z.boolean()),
});
export type Baseline = z.infer<typeof baselineSchema>;

/** The baseline a run records: its aggregate shares (3 decimals) and each case's pass. */
export function baselineOf(run: EvalRunResult, where: { set: string; golden: string; corpus: string }): Baseline {
  const summary: Record<string, number | null> = { cases: run.summary.cases };
  for (const metric of FLOOR_METRICS) {
    const value = run.summary[metric];
    summary[metric] = value === null ? null : Number(value.toFixed(3));
  }
  const cases = Object.fromEntries(run.cases.map((c) => [c.id, c.passed]));
  return { ...where, summary, cases };
}

/** A baseline as committed: two-space JSON, one case a line, so a review diff shows each flip. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads a committed baseline. @throws naming the file when it is not one. */
export function parseBaseline(text: string, file: string): Baseline {
  const parsed = baselineSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not an answer-set baseline: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

export interface BaselineCheck {
  /** Passed in the baseline, fail now: each fails the gate. */
  newlyFailing: string[];
  /** Failed in the baseline, pass now: recorded by the next `npm run eval:baseline`. */
  newlyPassing: string[];
  /** In the run and not in the baseline, or the reverse: the golden file changed without a new baseline. */
  unrecorded: string[];
  /** Aggregates below their floor, in words. */
  belowFloor: string[];
}

/** Compares a run with its baseline (see the module comment). */
export function checkBaseline(run: Pick<EvalRunResult, 'summary' | 'cases'>, baseline: Baseline): BaselineCheck {
  const ids = new Set(run.cases.map((c) => c.id));
  const newlyFailing = run.cases.filter((c) => !c.passed && baseline.cases[c.id] === true).map((c) => c.id);
  const newlyPassing = run.cases.filter((c) => c.passed && baseline.cases[c.id] === false).map((c) => c.id);
  const unrecorded = [
    ...run.cases.filter((c) => !(c.id in baseline.cases)).map((c) => c.id),
    ...Object.keys(baseline.cases).filter((id) => !ids.has(id)),
  ];
  const belowFloor = FLOOR_METRICS.flatMap((metric: FloorMetric) => {
    const recorded = baseline.summary[metric];
    const value = (run.summary as Metrics)[metric];
    if (recorded === null || recorded === undefined) return [];
    const floor = Number((recorded - FLOOR_SLACK).toFixed(3));
    return value === null || value < floor ? [`${metric} ${value ?? 'unmeasured'} is below its floor ${floor}`] : [];
  });
  return { newlyFailing, newlyPassing, unrecorded, belowFloor };
}

/**
 * The offline answer-set gates (issue 17): run a set in process and hold it to its committed
 * per-case baseline (src/eval/baseline.ts). A case that passed and now fails, or an aggregate
 * below its floor, fails the test with the category table and those cases; a case that now
 * passes is printed, for `npm run eval:baseline` to record.
 */
import { expect } from 'vitest';
import { readBaseline, runAnswerSet, type AnswerSet } from '../../src/cli/answer-sets.js';
import { checkBaseline } from '../../src/eval/baseline.js';
import { checkThresholds, type Threshold } from '../../src/eval/thresholds.js';
import { categoryTable } from '../../src/eval/report-markdown.js';

/** Lower bounds, one per metric: `minimums({ 'hit@5': 0.95 })`. */
export function minimums(bounds: Partial<Record<Threshold['metric'], number>>): Threshold[] {
  return Object.entries(bounds).map(([metric, value]) => ({ metric, bound: 'min', value }) as Threshold);
}

/** Runs `set` and expects its baseline held, and any `targets` (absolute product targets) met. */
export async function expectBaselineHeld(set: AnswerSet, targets: Threshold[] = []) {
  const baseline = readBaseline(set);
  const run = await runAnswerSet(set);
  expect(run.summary.errors).toBe(0);
  const check = checkBaseline(run, baseline);
  if (check.newlyPassing.length > 0) {
    console.info(`${set.name}: now passing ${check.newlyPassing.join(', ')} (record with npm run eval:baseline)`);
  }
  const problems = (ids: string[]) =>
    run.cases.filter((c) => ids.includes(c.id)).map((c) => `${c.id} (${c.category}): ${c.problems.join('; ')}`);
  const misses = [
    ...check.newlyFailing.map((id) => `${id} passed in the baseline and fails now`),
    ...check.unrecorded.map((id) => `${id} is not in both the golden file and the baseline: run npm run eval:baseline`),
    ...check.belowFloor,
    ...checkThresholds(run.summary, targets),
  ];
  expect(misses, `${categoryTable(run.summary)}\n\nnewly failing:\n${problems(check.newlyFailing).join('\n')}`).toEqual(
    [],
  );
}

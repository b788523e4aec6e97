/** The offline eval gates: run a golden file in process and fail with the table and failing cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { AnswerDeps } from '../../src/answer/pipeline.js';
import { parseGolden } from '../../src/eval/golden.js';
import { runEval } from '../../src/eval/runner.js';
import { inProcessTarget } from '../../src/eval/targets.js';
import { checkThresholds, type Threshold } from '../../src/eval/thresholds.js';
import { categoryTable } from '../../src/eval/report-markdown.js';

/** Lower bounds, one per metric: `minimums({ 'hit@5': 0.95 })`. */
export function minimums(bounds: Partial<Record<Threshold['metric'], number>>): Threshold[] {
  return Object.entries(bounds).map(([metric, value]) => ({ metric, bound: 'min', value }) as Threshold);
}

/** Asks every case of `file` (a path from the project root) and expects every bound met. */
export async function expectGoldenMeets(file: string, deps: AnswerDeps, corpusLabel: string, thresholds: Threshold[]) {
  const golden = parseGolden(readFileSync(join(PROJECT_ROOT, file), 'utf8'), file);
  const run = await runEval(golden, { target: inProcessTarget(deps, corpusLabel) });
  expect(run.summary.errors).toBe(0);
  const misses = checkThresholds(run.summary, thresholds);
  const failing = run.cases.filter((c) => !c.passed).map((c) => `${c.id} (${c.category}): ${c.problems.join('; ')}`);
  expect(misses, `${categoryTable(run.summary)}\n\nfailing cases:\n${failing.join('\n')}`).toEqual([]);
}

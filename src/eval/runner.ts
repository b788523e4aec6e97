/**
 * Runs every golden case against a target, `concurrency` at a time, grades each as it
 * finishes and summarizes. One failing case (an HTTP 502, a timeout) is recorded as that
 * case's failure; the run goes on, so the report shows how many failed and why.
 */
import type { GoldenCase } from './golden.js';
import { gradeCase, type CaseOutcome } from './grader.js';
import { summarize } from './metrics.js';
import type { EvalTarget } from './targets.js';
import type { Judge } from './judge.js';
import type { CaseResult, EvalMeta, EvalRunResult } from './types.js';

/** Enough to keep a remote deployment busy without tripping a modest rate limit. */
export const DEFAULT_CONCURRENCY = 4;

export interface RunOptions {
  target: EvalTarget;
  /** Cases asked at the same time. */
  concurrency?: number;
  judge?: Judge;
  /** Called after each case with the number done so far. */
  onProgress?: (done: number, total: number, result: CaseResult) => void;
  signal?: AbortSignal;
  /** For the report header. */
  golden?: string;
  model?: string;
  now?: () => number;
}

async function askOne(
  target: EvalTarget,
  golden: GoldenCase,
  now: () => number,
  signal?: AbortSignal,
): Promise<CaseOutcome> {
  const started = now();
  try {
    const reply = await target.ask(golden, signal);
    return { reply, latencyMs: now() - started };
  } catch (error) {
    return { error: (error as Error).message || String(error), latencyMs: now() - started };
  }
}

/** Runs `items` through `work` with at most `limit` in flight; results keep the input order. */
export async function mapConcurrent<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Asks, grades and (when a judge is given) judges every case.
 *
 * @example
 * const run = await runEval(cases, { target: inProcessTarget(deps, 'corpus corpus/') });
 * run.summary['hit@5']; // 0.97
 */
export async function runEval(cases: GoldenCase[], options: RunOptions): Promise<EvalRunResult> {
  const now = options.now ?? (() => performance.now());
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const startedAt = new Date();
  const started = now();
  let done = 0;

  const results = await mapConcurrent(cases, concurrency, async (golden) => {
    const outcome = await askOne(options.target, golden, now, options.signal);
    const result = gradeCase(golden, outcome);
    if (options.judge && outcome.reply) {
      try {
        result.judge = await options.judge.assess(golden, outcome.reply);
      } catch (error) {
        result.judge = { error: (error as Error).message };
      }
    }
    options.onProgress?.(++done, cases.length, result);
    return result;
  });

  const meta: EvalMeta = {
    golden: options.golden ?? '',
    target: options.target.describe,
    ranking: options.target.ranking,
    model: options.model ?? '',
    started_at: startedAt.toISOString(),
    duration_ms: Math.round(now() - started),
    concurrency,
    ...(options.judge ? { judge: options.judge.describe } : {}),
  };
  return { summary: summarize(results), cases: results, meta };
}

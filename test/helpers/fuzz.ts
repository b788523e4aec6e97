/**
 * Settings for property and fuzz runs (fast-check): the seed is printed, so any failure can
 * be replayed with `FUZZ_SEED=<seed> npx vitest run <file>`, and `FUZZ_RUNS` scales a run
 * up (the closing-note counts come from larger runs than `npm test`'s).
 */
import type { Parameters } from 'fast-check';

export function fuzzParameters(
  name: string,
  defaultRuns: number,
  env: Record<string, unknown> = globalThis.process?.env ?? {},
): Parameters<unknown> {
  const seed = Number(env.FUZZ_SEED) || Date.now() % 2 ** 31;
  const numRuns = Number(env.FUZZ_RUNS) || defaultRuns;
  console.log(`${name}: ${numRuns} runs, seed ${seed} (replay: FUZZ_SEED=${seed})`);
  return { seed, numRuns };
}

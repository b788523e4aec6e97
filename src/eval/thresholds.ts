/**
 * CI gates: `--min-<metric> X` (and `--max-<metric> X`, for latencies) on the command
 * line. The flag names come from the metric keys, so they are read before the fixed
 * flags are parsed: `--min-hit@5 0.95`, `--min-fact_recall=0.85`, `--max-latency_ms_p95 2000`.
 */
import { JUDGE_METRIC_KEYS, METRIC_KEYS, type AnyMetricKey, type Metrics } from './types.js';

export interface Threshold {
  metric: AnyMetricKey;
  bound: 'min' | 'max';
  value: number;
}

export class ThresholdError extends Error {
  override name = 'ThresholdError';
}

const KNOWN: ReadonlySet<string> = new Set([...METRIC_KEYS, ...JUDGE_METRIC_KEYS]);
const FLAG = /^--(min|max)-([^=]+)(?:=(.*))?$/;

/**
 * Takes the threshold flags out of `argv`, returning them and the other arguments.
 * @throws ThresholdError naming an unknown metric or a value that is not a number.
 */
export function extractThresholds(argv: string[]): { thresholds: Threshold[]; rest: string[] } {
  const thresholds: Threshold[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = FLAG.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const [, bound, metric, inline] = match;
    const flag = `--${bound}-${metric}`;
    if (!KNOWN.has(metric!))
      throw new ThresholdError(`${flag}: unknown metric "${metric}"; known: ${[...KNOWN].join(', ')}`);
    const raw = inline ?? argv[++i];
    const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(value))
      throw new ThresholdError(`${flag} needs a number (got ${raw === undefined ? 'nothing' : JSON.stringify(raw)})`);
    thresholds.push({ metric: metric as AnyMetricKey, bound: bound as 'min' | 'max', value });
  }
  return { thresholds, rest };
}

/** The thresholds a summary misses, in words; empty when all are met. An unmeasured metric misses. */
export function checkThresholds(summary: Metrics, thresholds: Threshold[]): string[] {
  const failures: string[] = [];
  for (const { metric, bound, value } of thresholds) {
    const actual = summary[metric];
    if (actual === null || actual === undefined) {
      failures.push(`${metric} was not measured (needs ${bound === 'min' ? '≥' : '≤'} ${value})`);
    } else if (bound === 'min' ? actual < value : actual > value) {
      failures.push(`${metric} ${actual} is ${bound === 'min' ? 'below' : 'above'} the ${bound}imum ${value}`);
    }
  }
  return failures;
}

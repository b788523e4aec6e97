import { describe, expect, it } from 'vitest';
import { checkThresholds, extractThresholds } from './thresholds.js';
import { summarize } from './metrics.js';

describe('extractThresholds', () => {
  it('takes --min-/--max- flags in both spellings and leaves the rest', () => {
    const { thresholds, rest } = extractThresholds([
      '--golden',
      'g.jsonl',
      '--min-hit@5',
      '0.95',
      '--min-fact_recall=0.85',
      '--max-latency_ms_p95',
      '2000',
    ]);
    expect(rest).toEqual(['--golden', 'g.jsonl']);
    expect(thresholds).toEqual([
      { metric: 'hit@5', bound: 'min', value: 0.95 },
      { metric: 'fact_recall', bound: 'min', value: 0.85 },
      { metric: 'latency_ms_p95', bound: 'max', value: 2000 },
    ]);
  });

  it('names an unknown metric or a missing number', () => {
    expect(() => extractThresholds(['--min-hit@3', '0.9'])).toThrow(
      /--min-hit@3: unknown metric "hit@3"; known: hit@1, hit@5/,
    );
    expect(() => extractThresholds(['--min-fact_recall'])).toThrow('--min-fact_recall needs a number (got nothing)');
    expect(() => extractThresholds(['--min-fact_recall', 'high'])).toThrow(
      '--min-fact_recall needs a number (got "high")',
    );
  });
});

describe('checkThresholds', () => {
  const summary = { ...summarize([]), fact_recall: 0.8, latency_ms_p95: 120 };

  it('lists every missed threshold and passes the met ones', () => {
    expect(
      checkThresholds(summary, [
        { metric: 'fact_recall', bound: 'min', value: 0.85 },
        { metric: 'fact_recall', bound: 'min', value: 0.8 },
        { metric: 'latency_ms_p95', bound: 'max', value: 100 },
      ]),
    ).toEqual(['fact_recall 0.8 is below the minimum 0.85', 'latency_ms_p95 120 is above the maximum 100']);
  });

  it('fails a threshold on a metric that was not measured', () => {
    expect(checkThresholds(summary, [{ metric: 'hit@5', bound: 'min', value: 0.9 }])).toEqual([
      'hit@5 was not measured (needs ≥ 0.9)',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { compareRuns, previousRunSchema, verdictOf } from './compare.js';
import { summarize } from './metrics.js';
import type { CaseResult, EvalRunResult } from './types.js';

describe('verdictOf', () => {
  it('knows that higher shares and lower latencies are better', () => {
    expect(verdictOf('fact_recall', 0.8, 0.9)).toBe('better');
    expect(verdictOf('fact_recall', 0.9, 0.8)).toBe('worse');
    expect(verdictOf('latency_ms_p95', 100, 50)).toBe('better');
    expect(verdictOf('latency_ms_p95', 100, 150)).toBe('worse');
  });

  it('calls rounding and latency noise "same", and a missing side "n/a"', () => {
    expect(verdictOf('hit@5', 0.95, 0.95)).toBe('same');
    expect(verdictOf('latency_ms_p50', 100, 105)).toBe('same');
    expect(verdictOf('hit@5', null, 0.9)).toBe('n/a');
  });
});

const result = (id: string, passed: boolean, category = 'number') =>
  ({
    id,
    passed,
    category,
    answerable: true,
    sources: [],
    facts: [],
    facts_found: [],
    citations: [],
    latency_ms: 5,
  }) as unknown as CaseResult;

describe('compareRuns', () => {
  it('shows per metric and per case what changed', () => {
    const cases = [result('q1', true), result('q2', false), result('q3', true)];
    const run: EvalRunResult = {
      summary: { ...summarize(cases), refusal_accuracy: 0.9 },
      cases,
      meta: {} as EvalRunResult['meta'],
    };
    const previous = previousRunSchema.parse({
      summary: { refusal_accuracy: 0.8, 'hit@5': null, by_category: { number: { refusal_accuracy: 1 } } },
      cases: [
        { id: 'q1', passed: false },
        { id: 'q2', passed: true },
        { id: 'q3', passed: true },
      ],
    });
    const comparison = compareRuns(run, previous);
    expect(comparison.overall.find((c) => c.metric === 'refusal_accuracy')).toEqual({
      metric: 'refusal_accuracy',
      previous: 0.8,
      current: 0.9,
      delta: 0.1,
      verdict: 'better',
    });
    expect(comparison.byCategory.number!.find((c) => c.metric === 'refusal_accuracy')!.previous).toBe(1);
    expect(comparison.newlyFailing).toEqual(['q2']);
    expect(comparison.newlyPassing).toEqual(['q1']);
  });

  it('does not compare hits measured on cited documents with hits measured on retrieved passages', () => {
    const cases = [result('q1', true)];
    const run: EvalRunResult = {
      summary: summarize(cases),
      cases,
      meta: { ranking: 'cited documents' } as EvalRunResult['meta'],
    };
    const previous = previousRunSchema.parse({
      summary: { 'hit@5': 0.9, refusal_accuracy: 0.5 },
      meta: { ranking: 'retrieved passages' },
    });
    const comparison = compareRuns(run, previous);
    expect(comparison.notes).toEqual([
      'hit@k and mrr@10 are not compared: measured on retrieved passages before and on cited documents now',
    ]);
    expect(comparison.overall.find((c) => c.metric === 'hit@5')).toMatchObject({ previous: null, verdict: 'n/a' });
    expect(comparison.overall.find((c) => c.metric === 'refusal_accuracy')).toMatchObject({ previous: 0.5 });
  });

  it('rejects a file that is not an eval result', () => {
    expect(previousRunSchema.safeParse({ cases: [] }).success).toBe(false);
  });
});

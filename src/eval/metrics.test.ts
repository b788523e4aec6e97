import { describe, expect, it } from 'vitest';
import { computeMetrics, percentile, summarize } from './metrics.js';
import { METRIC_KEYS, type CaseResult } from './types.js';

/** A graded case with only what metrics read; defaults describe a perfect answerable case. */
function graded(fields: Partial<CaseResult> = {}): CaseResult {
  return {
    id: 'q',
    category: 'number',
    lang: 'ko',
    question: '질문',
    answerable: true,
    sources: ['a'],
    facts: ['x'],
    answer: 'x [1]',
    refused: false,
    answer_language: 'ko',
    citations: ['a'],
    retrieved: ['a'],
    latency_ms: 10,
    gold_rank: 1,
    facts_found: ['x'],
    facts_missing: [],
    cited_gold: 1,
    refusal_correct: true,
    language_match: true,
    problems: [],
    passed: true,
    ...fields,
  };
}

describe('percentile', () => {
  it('uses nearest rank', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('computeMetrics', () => {
  it('computes retrieval, fact, citation, refusal and language figures', () => {
    const m = computeMetrics([
      graded({ gold_rank: 1 }),
      graded({
        gold_rank: 3,
        facts: ['x', 'y'],
        facts_found: ['x'],
        facts_missing: ['y'],
        citations: ['a', 'b'],
        cited_gold: 1,
      }),
      graded({
        gold_rank: null,
        refused: true,
        refusal_correct: false,
        facts_found: [],
        facts_missing: ['x'],
        citations: [],
        cited_gold: 0,
      }),
      graded({
        answerable: false,
        sources: [],
        facts: [],
        facts_found: [],
        gold_rank: null,
        citations: [],
        cited_gold: 0,
        refused: true,
        language_match: false,
      }),
    ]);
    expect(m).toMatchObject({
      cases: 4,
      errors: 0,
      'hit@1': 0.3333,
      'hit@5': 0.6667,
      'mrr@10': 0.4444, // (1 + 1/3 + 0) / 3
      fact_recall: 0.5, // 2 of 4 facts
      answer_accuracy: 0.3333,
      citation_precision: 0.6667, // 2 of 3 cited documents
      refusal_accuracy: 0.75,
      language_match: 0.75,
      latency_ms_p50: 10,
    });
  });

  it('reports null, not a perfect score, for what no case measures', () => {
    const m = computeMetrics([
      graded({ answerable: false, sources: [], facts: [], facts_found: [], citations: [], cited_gold: 0 }),
    ]);
    expect(m['hit@5']).toBeNull();
    expect(m.fact_recall).toBeNull();
    expect(m.answer_accuracy).toBeNull();
    expect(m.citation_precision).toBeNull();
    expect(m.refusal_accuracy).toBe(1);
  });

  it('adds judge figures only when a judge ran', () => {
    expect(computeMetrics([graded()])).not.toHaveProperty('judge_faithfulness');
    const m = computeMetrics([
      graded({ judge: { faithfulness: 1, correctness: 0.5, reason: '' } }),
      graded({ judge: { error: 'bad reply' } }),
    ]);
    expect(m).toMatchObject({ judge_faithfulness: 1, judge_correctness: 0.5 });
  });
});

describe('summarize', () => {
  it('has every contract key overall and per category', () => {
    const summary = summarize([
      graded({ category: 'number' }),
      graded({ category: 'unanswerable', answerable: false }),
    ]);
    for (const key of ['cases', ...METRIC_KEYS]) {
      expect(summary).toHaveProperty([key]);
      expect(summary.by_category.number).toHaveProperty([key]);
    }
    expect(Object.keys(summary.by_category)).toEqual(['number', 'unanswerable']);
  });
});

import { describe, expect, it } from 'vitest';
import { quantile, rankingMetrics } from './retrieval-metrics.js';
import { parseJsonl } from './jsonl.js';
import { benchQuestionSchema, questionHalf } from './retrieval-bench.js';

describe('rankingMetrics', () => {
  it('scores hits at 1, 5 and 10, reciprocal rank and nDCG', () => {
    const m = rankingMetrics([
      { gold: ['a'], ranked: ['a', 'b'] },
      { gold: ['c'], ranked: ['x', 'y', 'c'] },
      { gold: ['z'], ranked: ['x', 'y'] },
      { gold: ['p', 'q'], ranked: ['q', 'x', 'p'] },
    ]);
    expect(m['R@1']).toBe(0.5);
    expect(m['R@5']).toBe(0.75);
    expect(m['R@10']).toBe(0.75);
    expect(m['MRR@10']).toBeCloseTo((1 + 1 / 3 + 0 + 1) / 4);
    const ndcgTwoGold = (1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3));
    expect(m['nDCG@10']).toBeCloseTo((1 + 1 / Math.log2(4) + 0 + ndcgTwoGold) / 4);
  });

  it('counts a gold passage below rank 10 as a miss and gives zeros for no questions', () => {
    const ranked = Array.from({ length: 12 }, (_, i) => `p${i}`);
    expect(rankingMetrics([{ gold: ['p11'], ranked }])['R@10']).toBe(0);
    expect(rankingMetrics([])['MRR@10']).toBe(0);
  });
});

describe('quantile', () => {
  it('uses the nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('benchmark files', () => {
  it('names the file and line of a bad question', () => {
    const text = '{"id":"q1","question":"?","passage_id":"p1"}\n\n{"id":"q2","question":"?"}\n';
    expect(() => parseJsonl(text, benchQuestionSchema, 'questions.jsonl')).toThrow(
      /questions\.jsonl:3: needs "passage_id"/,
    );
    expect(() => parseJsonl('{oops', benchQuestionSchema, 'q.jsonl')).toThrow(/q\.jsonl:1: not valid JSON/);
  });

  it('splits questions into two stable halves of similar size', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `q${i}`);
    const first = ids.filter((id) => questionHalf(id) === 0).length;
    expect(first).toBeGreaterThan(400);
    expect(first).toBeLessThan(600);
    expect(questionHalf('autorag_0_finance')).toBe(questionHalf('autorag_0_finance'));
  });
});

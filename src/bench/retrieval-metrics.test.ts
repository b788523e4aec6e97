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

describe('runRetrievalBench', () => {
  it('writes exactly the DESIGN.md keys, scored over the local index', async () => {
    const { runRetrievalBench } = await import('./retrieval-bench.js');
    const passages = [
      { id: 'p1', title: '지방은행 전환', text: '지방은행이 시중은행으로 전환하려면 인가를 받아야 한다.' },
      { id: 'p2', title: '핀테크 펀드', text: '핀테크 혁신펀드를 5천억 원 규모로 조성한다.' },
      { id: 'p3', title: '교육 계획', text: '학교도서관 장서를 늘린다.' },
    ];
    const questions = [
      { id: 'q1', question: '시중은행 전환 인가 절차는?', passage_id: 'p1' },
      { id: 'q2', question: '핀테크 혁신펀드 규모는 얼마인가요?', all_gold_passage_ids: ['p2', 'p3'] },
    ];
    const progress: number[] = [];
    const report = await runRetrievalBench(passages, questions, { onProgress: (done) => progress.push(done) });
    expect(Object.keys(report.result).sort()).toEqual(
      [
        'passages',
        'questions',
        'R@1',
        'R@5',
        'R@10',
        'MRR@10',
        'nDCG@10',
        'build_ms',
        'query_ms_p50',
        'query_ms_p95',
        'heap_mb',
      ].sort(),
    );
    expect(report.result).toMatchObject({ passages: 3, questions: 2, 'R@1': 1, 'MRR@10': 1 });
    expect(progress).toEqual([1, 2]);
    expect(report.details[0]).toMatchObject({ id: 'q1', gold: ['p1'], ranked: expect.arrayContaining(['p1']) });
  });
});

describe('syntheticCorpus', () => {
  it('builds the asked number of chunks from real sentences, the same for the same seed', async () => {
    const { sourceSentences, syntheticCorpus } = await import('./synthetic-corpus.js');
    const sentences = sourceSentences(['첫 번째 문장은 충분히 길다. 두 번째 문장도 충분히 길다.\n짧다']);
    expect(sentences).toEqual(['첫 번째 문장은 충분히 길다.', '두 번째 문장도 충분히 길다.']);
    const a = syntheticCorpus(sentences, ['제목'], { chunks: 20, chunksPerDocument: 8, chunkChars: 100, seed: 3 });
    const b = syntheticCorpus(sentences, ['제목'], { chunks: 20, chunksPerDocument: 8, chunkChars: 100, seed: 3 });
    expect(a).toEqual(b);
    expect(a.chunks).toHaveLength(20);
    expect(a.documents).toHaveLength(3);
    expect(a.chunks.every((c) => c.text.length >= 100)).toBe(true);
    expect(() => syntheticCorpus([], [], { chunks: 1 })).toThrow(/no source sentences/);
  });
});

import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { Bm25, Bm25Builder } from './bm25.js';
import { documentVector, queryVector, termDimension, type SparseVector } from './sparse-vectors.js';
import { TermStatsBuilder, decodeShard, encodeShards, shardCountFor } from './term-stats.js';

const dot = (a: SparseVector, b: SparseVector) => {
  const values = new Map(a.indices.map((i, k) => [i, a.values[k]!]));
  return b.indices.reduce((sum, i, k) => sum + (values.get(i) ?? 0) * b.values[k]!, 0);
};

const chunks = [
  {
    title: '국민성장펀드, 업스테이지에 5조6천억 원 투자',
    body: '금융위원회는 국민성장펀드가 업스테이지에 5조6천억 원을 투자하는 안건을 승인하였다.',
  },
  {
    title: '해남 국가AI컴퓨팅센터',
    body: '민관 합작 특수목적법인이 AI 반도체 1만5천 장을 도입한다. 센터는 2028년 완공이 목표다.',
  },
  {
    title: 'Low-interest loans',
    body: 'Estigen Bio receives a low-interest loan of 850 billion won. Upstage receives 5.6 trillion won.',
  },
  { title: '핀테크 투자 생태계', body: '금융위원회는 핀테크 기업에 대한 투자 생태계를 활성화한다.' },
];

describe('termDimension', () => {
  it('is 32-bit FNV-1a of the UTF-8 bytes, kept to 31 bits', () => {
    // FNV-1a("a") = 0xe40c292c (http://www.isthe.com/chongo/tech/comp/fnv/)
    expect(termDimension('a')).toBe(0xe40c292c & 0x7fffffff);
    expect(termDimension('업스')).toBe(termDimension('업스'));
    expect(termDimension('업스')).not.toBe(termDimension('스테'));
  });

  it('gives a Korean amount and its English wording the same dimension', () => {
    const korean = tokenize('5조6천억 원').map(termDimension);
    const english = tokenize('5.6 trillion won').map(termDimension);
    expect(korean.length).toBeGreaterThan(0);
    expect(english).toEqual(expect.arrayContaining(korean));
  });
});

describe('BM25F as two sparse halves', () => {
  const stats = new TermStatsBuilder();
  const analyzed = chunks.map((c) => ({ body: tokenize(c.body), title: tokenize(c.title) }));
  const bm25 = new Bm25Builder();
  for (const { body, title } of analyzed) {
    stats.add([...body, ...title].map(termDimension), body.length, title.length);
    bm25.add(body, title);
  }
  const corpus = stats.build();
  const local = new Bm25(bm25.build());
  const documents = analyzed.map(({ body, title }) => documentVector(body, title, corpus));

  it.each(['업스테이지 투자 금액', '5.6 trillion won', '금융위원회 핀테크', 'AI 반도체 센터 완공'])(
    'scores %s as the local index does',
    (query) => {
      const weights = new Map<string, number>();
      for (const term of tokenize(query, { query: true })) weights.set(term, (weights.get(term) ?? 0) + 1);
      const sparse = queryVector(weights, (d) => corpus.df.get(d) ?? 0, corpus.documents);
      const expected = local.search(weights, chunks.length);
      expect(expected.length).toBeGreaterThan(0);
      for (const { doc, score } of expected) expect(dot(sparse, documents[doc]!)).toBeCloseTo(score, 4);
    },
  );

  it('leaves out terms no chunk holds', () => {
    const sparse = queryVector(new Map([['없는말', 1]]), (d) => corpus.df.get(d) ?? 0, corpus.documents);
    expect(sparse).toEqual({ indices: [], values: [] });
  });
});

describe('term statistics shards', () => {
  it('round-trip every document frequency, each in the shard its dimension picks', () => {
    const df = new Map<number, number>();
    for (let i = 1; i <= 2000; i++) df.set(termDimension(`term${i}`), i % 7 || 300);
    const shards = encodeShards(df, shardCountFor(df.size));
    expect(shards).toHaveLength(4);
    const decoded = new Map(shards.flatMap((s) => [...decodeShard(s)]));
    expect(decoded).toEqual(df);
    shards.forEach((s, i) => {
      for (const dimension of decodeShard(s).keys()) expect(dimension % shards.length).toBe(i);
    });
  });
});

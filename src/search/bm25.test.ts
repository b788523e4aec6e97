import { describe, expect, it } from 'vitest';
import { Bm25, Bm25Builder, checkPostings, topK } from './bm25.js';

function build(chunks: { body: string[]; title?: string[] }[]): Bm25 {
  const builder = new Bm25Builder();
  for (const c of chunks) builder.add(c.body, c.title ?? []);
  return new Bm25(builder.build());
}

const q = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

describe('Bm25', () => {
  it('ranks the chunk that holds the rarer query terms first', () => {
    const index = build([
      { body: ['fund', 'loan', 'bank'] },
      { body: ['fund', 'upstage', 'ai'] },
      { body: ['fund', 'bank', 'bank'] },
    ]);
    expect(index.search(q('fund', 'upstage'), 3).map((h) => h.doc)).toEqual([1, 0, 2]);
    expect(index.search(q('bank'), 3).map((h) => h.doc)).toEqual([2, 0]);
    expect(index.search(q('missing'), 3)).toEqual([]);
  });

  it('prefers the shorter chunk for the same matches (length normalization)', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `w${i}`);
    const index = build([{ body: ['loan', ...filler] }, { body: ['loan', 'bank'] }]);
    expect(index.search(q('loan'), 2).map((h) => h.doc)).toEqual([1, 0]);
  });

  it('counts title terms as a field of their own', () => {
    const index = build([
      { body: ['fund', 'approved'], title: ['notice'] },
      { body: ['fund', 'approved'], title: ['upstage'] },
    ]);
    expect(index.search(q('upstage'), 2).map((h) => h.doc)).toEqual([1]);
  });

  it('weighs a query term by how often the query asks for it', () => {
    const index = build([{ body: ['loan', 'x'] }, { body: ['bank', 'x'] }]);
    const weighted = new Map([
      ['loan', 1],
      ['bank', 2],
    ]);
    expect(index.search(weighted, 2)[0]!.doc).toBe(1);
  });

  it('applies the accept filter and the limit', () => {
    const index = build([{ body: ['a'] }, { body: ['a', 'a'] }, { body: ['a'] }]);
    expect(index.search(q('a'), 2, (doc) => doc !== 1).map((h) => h.doc)).toEqual([0, 2]);
    expect(index.search(q('a'), 1)).toHaveLength(1);
    expect(index.search(q('a'), 0)).toEqual([]);
  });

  it('ranks the same whichever order a chunk’s terms come in', () => {
    const index = build([{ body: ['b', 'a', 'b'] }, { body: ['a', 'c'] }]);
    const reordered = build([{ body: ['a', 'b', 'b'] }, { body: ['c', 'a'] }]);
    expect(reordered.search(q('a', 'b'), 2)).toEqual(index.search(q('a', 'b'), 2));
    expect(index.documentFrequency('b')).toBe(1);
  });

  it('handles an empty index', () => {
    const index = build([]);
    expect(index.search(q('a'), 5)).toEqual([]);
    expect(index.size).toBe(0);
  });
});

describe('checkPostings', () => {
  const postings = () => {
    const builder = new Bm25Builder();
    builder.add(['a', 'b'], []);
    builder.add(['a'], ['t']);
    return builder.build();
  };

  it('accepts what the builder made', () => {
    expect(() => checkPostings(postings(), 2)).not.toThrow();
  });

  it('rejects postings that do not fit the chunks or are out of order', () => {
    expect(() => checkPostings(postings(), 1)).toThrow(RangeError);
    const missing = postings();
    missing.docs[1] = 7;
    expect(() => checkPostings(missing, 2)).toThrow(/missing chunk/);
    const unordered = postings();
    unordered.docs.set([1, 0], 0);
    expect(() => checkPostings(unordered, 2)).toThrow(/out of order/);
    expect(() => checkPostings({ ...postings(), bodyTf: new Uint8Array(1) }, 2)).toThrow(/frequencies/);
  });
});

describe('topK', () => {
  it('keeps the best k, ties broken by the lower ordinal', () => {
    const scores = [1, 5, 3, 5, 0.5];
    expect(topK([0, 1, 2, 3, 4], scores, 3)).toEqual([
      { doc: 1, score: 5 },
      { doc: 3, score: 5 },
      { doc: 2, score: 3 },
    ]);
    expect(topK([4, 3, 2, 1, 0], scores, 2).map((h) => h.doc)).toEqual([1, 3]);
  });
});

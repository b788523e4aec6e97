import { describe, expect, it } from 'vitest';
import { PROXIMITY_WINDOW, proximityScore } from './proximity.js';
import { WordPositions, WordPositionsBuilder } from './word-positions.js';

const words = [
  { id: 1, weight: 2 },
  { id: 2, weight: 1 },
];

describe('proximityScore', () => {
  it('rewards query words that stand close, more when closer', () => {
    const adjacent = proximityScore(words, [1, 2, 9, 9]);
    const twoApart = proximityScore(words, [1, 9, 2, 9]);
    expect(adjacent).toBeGreaterThan(twoApart);
    expect(twoApart).toBeGreaterThan(0);
  });

  it('ignores words outside the window, single words and absent words', () => {
    const far = [1, ...Array<number>(PROXIMITY_WINDOW).fill(9), 2];
    expect(proximityScore(words, far)).toBe(0);
    expect(proximityScore([words[0]!], [1, 1, 1])).toBe(0);
    expect(proximityScore(words, [1, 1, 3])).toBe(0);
  });

  it('is bounded by the lighter word of each pair', () => {
    const many = Array.from({ length: 200 }, (_, i) => (i % 2) + 1);
    // Saturation: (k1 + 1) · tpi / (k1 + tpi) < k1 + 1, times the lighter weight (1).
    expect(proximityScore(words, many)).toBeLessThan(2.2);
  });
});

describe('WordPositions', () => {
  it('gives back each chunk’s word ids after serialization', () => {
    const builder = new WordPositionsBuilder();
    builder.add(['국민성장펀드', '투자', '#krw5600000000000']);
    builder.add([]);
    builder.add(['투자', ...Array.from({ length: 300 }, (_, i) => `w${i}`)]);
    const positions = WordPositions.fromData(JSON.parse(JSON.stringify(builder.toData())), 3);
    const invest = positions.idOf('투자')!;
    expect([...positions.sequence(0)]).toEqual([0, invest, 2]);
    expect([...positions.sequence(1)]).toEqual([]);
    const third = positions.sequence(2);
    expect(third).toHaveLength(301);
    expect(third[0]).toBe(invest);
    expect(third[300]).toBe(positions.idOf('w299'));
    expect(positions.idOf('없음')).toBeUndefined();
  });

  it('rejects truncated data', () => {
    const builder = new WordPositionsBuilder();
    builder.add(['a', 'b']);
    const data = builder.toData();
    expect(() => WordPositions.fromData({ ...data, ids: '' }, 1)).toThrow(RangeError);
  });
});

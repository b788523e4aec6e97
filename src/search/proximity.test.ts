import { describe, expect, it } from 'vitest';
import { PROXIMITY_WINDOW, proximityScore } from './proximity.js';
import { WordPositions, WordPositionsBuilder } from './word-positions.js';

const words = [
  { id: 1, weight: 2 },
  { id: 2, weight: 1 },
];

describe('proximityScore', () => {
  it('rewards query words that stand close, more when closer', () => {
    const adjacent = proximityScore(words, [[0], [1]]);
    const twoApart = proximityScore(words, [[0], [2]]);
    expect(adjacent).toBeGreaterThan(twoApart);
    expect(twoApart).toBeGreaterThan(0);
  });

  it('ignores words outside the window, single words and absent words', () => {
    expect(proximityScore(words, [[0], [PROXIMITY_WINDOW + 1]])).toBe(0);
    expect(proximityScore([words[0]!], [[0, 1, 2]])).toBe(0);
    expect(proximityScore(words, [[0, 1], []])).toBe(0);
  });

  it('is bounded by the lighter word of each pair', () => {
    const even = Array.from({ length: 100 }, (_, i) => 2 * i);
    const many = [even, even.map((p) => p + 1)];
    // Saturation: (k1 + 1) · tpi / (k1 + tpi) < k1 + 1, times the lighter weight (1).
    expect(proximityScore(words, many)).toBeLessThan(2.2);
  });
});

describe('WordPositions', () => {
  it('tells where the asked words stand in each chunk', () => {
    const builder = new WordPositionsBuilder();
    builder.add(['국민성장펀드', '투자', '#krw5600000000000']);
    builder.add([]);
    builder.add(['투자', ...Array.from({ length: 300 }, (_, i) => `w${i}`), '투자']);
    const positions = builder.build();
    const invest = positions.idOf('투자')!;
    const last = positions.idOf('w299')!;
    expect(positions.positionsOf(0, [invest, last])).toEqual([[1], []]);
    expect(positions.positionsOf(1, [invest])).toEqual([[]]);
    // Ids past 127 take two varint bytes: positions still count words, not bytes.
    expect(positions.positionsOf(2, [last, invest])).toEqual([[300], [0, 301]]);
    expect(positions.idOf('없음')).toBeUndefined();
  });

  it('rejects positions that do not fit the chunks', () => {
    const built = new WordPositionsBuilder();
    built.add(['a', 'b']);
    const { words, counts, starts, bytes } = built.build();
    expect(() => WordPositions.checked(words, counts, starts, bytes, 1)).not.toThrow();
    expect(() => WordPositions.checked(words, counts, starts, bytes.subarray(1), 1)).toThrow(RangeError);
    expect(() => WordPositions.checked(words, counts, starts, bytes, 2)).toThrow(RangeError);
  });
});

/**
 * The text analysis every question and document goes through never throws and stays fast
 * on any input (issue 10): random Unicode, Korean number words, digits and separators,
 * and long inputs. Amounts keep their value across the Korean and English forms.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  detectLanguage,
  extractQuantities,
  factMatches,
  formatMoney,
  normalizeText,
  tokenize,
} from '../../src/text/index.js';
import { fuzzParameters } from '../helpers/fuzz.js';

/** Pieces the parsers react to, so random text often looks like a figure or a date. */
const PIECES = [
  '조',
  '억',
  '만',
  '천',
  '원',
  '달러',
  '명',
  '개',
  '%',
  '년',
  '월',
  '일',
  '.',
  ',',
  ' ',
  '-',
  '/',
  '~',
  'trillion',
  'billion',
  'million',
  'won',
  'USD',
  'KRW',
  'April',
  '2026',
  '0',
  '5',
  '9',
  '제65조',
  '업스테이지',
  '은',
  '는',
  '에',
  '(',
  ')',
  '\u200b',
  '\u202e',
  '\n',
  '１',
  'Ⅱ',
  '一',
];
const textLike = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.nat({ max: 99_999 }).map(String)), { maxLength: 60 })
    .map((p) => p.join('')),
);

/** Longest any one call may take on these inputs: generous for a noisy shared machine. */
const MAX_MS = 250;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(MAX_MS);
  return result;
}

describe('text analysis on any input', () => {
  it('tokenizes, reads quantities and detects the language without throwing, in bounded time', () => {
    fc.assert(
      fc.property(textLike, (text) => {
        timed(() => normalizeText(text));
        timed(() => tokenize(text));
        timed(() => tokenize(text, { query: true }));
        timed(() => extractQuantities(text));
        expect(['ko', 'en', 'mixed']).toContain(timed(() => detectLanguage(text)));
        timed(() => factMatches(text.slice(0, 20), text));
      }),
      fuzzParameters('text analysis', 400),
    );
  });

  it('stays linear on long inputs (a pasted document)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 2_000, maxLength: 8_000 }), (parts) => {
        const text = parts.join('');
        timed(() => tokenize(text));
        timed(() => extractQuantities(text));
      }),
      fuzzParameters('text analysis, long inputs', 20),
    );
  });

  it('reads an amount it wrote, in either language, as the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.constantFrom('ko', 'en'), (units, lang) => {
        const value = units * 1e6; // 1백만 원 .. ~10조 원
        const written = formatMoney(value, 'KRW', lang as 'ko' | 'en');
        const read = extractQuantities(written).filter((q) => q.kind === 'money');
        expect(read, written).toHaveLength(1);
        expect(Math.abs(read[0]!.value - value) / value, written).toBeLessThan(0.01);
      }),
      fuzzParameters('amount round trip', 300),
    );
  });
});

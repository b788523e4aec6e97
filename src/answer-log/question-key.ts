import { normalizeText } from '../text/normalize.js';

/**
 * Sentence-final marks a question may or may not end with (ASCII after NFKC, plus the
 * CJK and ellipsis forms NFKC keeps), and the spaces around them.
 */
const TRAILING_MARKS = /[\s?!.,;:~…。、]+$/u;

/**
 * The text questions are grouped by in the admin report: NFKC (full-width and
 * compatibility forms, as everywhere in src/text), case-folded, runs of whitespace as one
 * space, and no trailing punctuation, so `업스테이지 투자 규모는?` and `업스테이지  투자 규모는`
 * count as one question.
 *
 * @example questionKey('  What is the LOAN rate？ ') // 'what is the loan rate'
 */
export function questionKey(question: string): string {
  return normalizeText(question).toLowerCase().replace(/\s+/g, ' ').trim().replace(TRAILING_MARKS, '');
}

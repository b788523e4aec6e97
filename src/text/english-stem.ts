/**
 * English stemming, one home for both uses:
 * - `stemEnglish`, the "S" stemmer (Harman, 1991), folds plurals for the index: `chips`/`chip`
 *   and `companies`/`company` meet, without the over-stemming of Porter (`policy`/`police`).
 * - `verbStem`, the beginning a verb's forms share (build/built → buil, finish/finished →
 *   finish), for finding where a sentence uses a question's verb by prefix.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/(?:aes|ees|oes)$/.test(word)) return word.slice(0, -1);
  if (/(?:us|ss)$/.test(word)) return word;
  return word.slice(0, -1);
}

/** @example verbStem('built') // 'buil' */
export function verbStem(word: string): string {
  if (!/^[a-z]/.test(word)) return word;
  const base = word.replace(/(ing|ed|es|s)$/, '');
  return base.length >= 4 ? base.slice(0, Math.max(4, base.length - 1)) : word.slice(0, Math.max(3, word.length - 1));
}

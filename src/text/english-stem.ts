/**
 * The "S" stemmer (Harman, 1991): folds English plurals so `chips`/`chip` and
 * `companies`/`company` meet, without the over-stemming of Porter (`policy`/`police`).
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/(?:aes|ees|oes)$/.test(word)) return word.slice(0, -1);
  if (/(?:us|ss)$/.test(word)) return word;
  return word.slice(0, -1);
}

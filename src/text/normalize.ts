/**
 * Unicode normalization shared by indexing, queries and grading.
 * NFKC folds full-width forms (ＡＢＣ１２３ → ABC123) and compatibility jamo; the result is
 * NFC, so 업스테이지 typed on macOS (NFD) meets the same word from Windows.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u3000]/g, ' ');
}

/** Text made literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

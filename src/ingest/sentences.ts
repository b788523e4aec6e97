/**
 * Sentence splitting for Korean and English announcements.
 * Korean sentences end in 다. / 요. / 음. / 함. (and ?, !); English ones in . ? ! followed by
 * a space and a capital, digit or Hangul. Decimal points (5.6조) and dates (2026.4.30.) stay whole.
 */
const SENTENCE_END = /(?<=[다요음함됨임][.!?]|[.!?]["'”’)]?)\s+(?=["'“‘(\[]?[A-Z0-9\uac00-\ud7a3□○◦•·※▶◆■-])/u;

export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter(Boolean);
}

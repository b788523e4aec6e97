/**
 * Private-use code points are font-specific symbols (Wingdings arrows, Hangul's own
 * circled numbers) that read as nothing anywhere else; soft hyphens and zero-width
 * characters only split words for search.
 */
const INVISIBLE = /[\ue000-\uf8ff\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/** Text as a reader sees it: NFC, without private-use symbols and invisible characters. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '');
}

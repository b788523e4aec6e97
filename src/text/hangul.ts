/**
 * Hangul syllables and their jamo (Unicode 15.0, ch. 3.12 "Conjoining Jamo Behavior"): one
 * home for the syllable range and the final consonants that Korean grammar reads (the ㄴ/ㄹ of
 * a verb's adnominal form, the ㅆ of a past tense).
 */

/** A Hangul syllable, for building patterns: `new RegExp(`${HANGUL}+`)`. */
export const HANGUL = '[\\uac00-\\ud7a3]';

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;

/** Final consonants by their index in a syllable. */
export const FINAL = { none: 0, n: 4, l: 8, m: 16, b: 17, ss: 20 } as const;
/** Initial consonants by their index. */
export const INITIAL = { r: 5, none: 11 } as const;

export interface Syllable {
  initial: number;
  vowel: number;
  final: number;
}

/** Splits a precomposed Hangul syllable into its jamo indexes, or undefined for other characters. */
export function decomposeSyllable(ch: string): Syllable | undefined {
  const code = ch.charCodeAt(0);
  if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return undefined;
  const offset = code - FIRST_SYLLABLE;
  return { initial: Math.floor(offset / 588), vowel: Math.floor((offset % 588) / 28), final: offset % 28 };
}

export function isHangulSyllable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= FIRST_SYLLABLE && code <= LAST_SYLLABLE;
}

/** Is the whole text Hangul syllables (at least one)? */
export const isHangulWord = (text: string) => text.length > 0 && [...text].every(isHangulSyllable);

/** The final consonant of a word's last syllable (FINAL.none when open or not Hangul). */
export const finalOf = (word: string): number => decomposeSyllable(word.slice(-1))?.final ?? FINAL.none;

/** The word with its last syllable's final consonant removed: 만든 → 만드, 들여올 → 들여오. */
export function withoutFinal(word: string): string {
  const final = finalOf(word);
  return word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) - final);
}

/** The syllable of these jamo indexes. */
export const composeSyllable = ({ initial, vowel, final }: Syllable) =>
  String.fromCharCode(FIRST_SYLLABLE + initial * 588 + vowel * 28 + final);

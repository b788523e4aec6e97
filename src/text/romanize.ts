/**
 * Revised Romanization of Korean (문화체육관광부 고시 2000-8), as used for place and company
 * names in English releases: 해남 -> haenam, 울산 -> ulsan, 새만금 -> saemangeum,
 * 전라남도 -> jeollanamdo. Names are romanized letter by letter with the common sound
 * changes at syllable joins (ㄴ+ㄹ, ㄹ+ㄹ -> ll; a final consonant before a vowel moves over).
 */

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
/** Finals before a consonant or at the end of a word (index 0 = none). */
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
/** Finals carried over to a following vowel (곡우 -> gogu, 울어 -> ureo). */
const FINALS_BEFORE_VOWEL = [
  '',
  'g',
  'kk',
  'ks',
  'n',
  'nj',
  'nh',
  'd',
  'r',
  'lg',
  'lm',
  'lb',
  'ls',
  'lt',
  'lp',
  'lh',
  'm',
  'b',
  'bs',
  's',
  'ss',
  'ng',
  'j',
  'ch',
  'k',
  't',
  'p',
  'h',
];

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const FINAL_L = 8;
const FINAL_N = 4;
const INITIAL_R = 5;
const INITIAL_NONE = 11;

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

/**
 * A Hangul word in Revised Romanization, lower-case; other characters pass through.
 *
 * @example romanize('해남') // 'haenam'
 * @example romanize('전라남도') // 'jeollanamdo'
 */
export function romanize(word: string): string {
  const syllables = [...word].map((ch) => decomposeSyllable(ch) ?? ch);
  let out = '';
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i]!;
    if (typeof s === 'string') {
      out += s.toLowerCase();
      continue;
    }
    const previous = syllables[i - 1];
    const next = syllables[i + 1];
    let initial = INITIALS[s.initial]!;
    if (typeof previous === 'object') {
      // ㄴ+ㄹ and ㄹ+ㄹ are both pronounced [ll] (신라 Silla, 전라 Jeolla).
      if (s.initial === INITIAL_R && (previous.final === FINAL_L || previous.final === FINAL_N)) initial = 'l';
      // A final carried over to this vowel was already written by the previous syllable.
      if (s.initial === INITIAL_NONE && previous.final !== 0) initial = '';
    }
    if (i === 0 && s.initial === INITIAL_R) initial = 'r';
    let final = FINALS[s.final]!;
    if (typeof next === 'object' && s.final !== 0) {
      if (next.initial === INITIAL_NONE) final = FINALS_BEFORE_VOWEL[s.final]!;
      else if (s.final === FINAL_N && next.initial === INITIAL_R) final = 'l';
    }
    out += initial + VOWELS[s.vowel]! + final;
  }
  return out;
}

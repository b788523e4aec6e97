/**
 * Revised Romanization of Korean (문화체육관광부 고시 2000-8), as used for place and company
 * names in English releases: 해남 -> haenam, 울산 -> ulsan, 새만금 -> saemangeum,
 * 전라남도 -> jeollanamdo. Names are romanized letter by letter with the common sound
 * changes at syllable joins (ㄴ+ㄹ, ㄹ+ㄹ -> ll; a final consonant before a vowel moves over).
 */
import { decomposeSyllable, FINAL, INITIAL } from './hangul.js';

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
      if (s.initial === INITIAL.r && (previous.final === FINAL.l || previous.final === FINAL.n)) initial = 'l';
      // A final carried over to this vowel was already written by the previous syllable.
      if (s.initial === INITIAL.none && previous.final !== 0) initial = '';
    }
    if (i === 0 && s.initial === INITIAL.r) initial = 'r';
    let final = FINALS[s.final]!;
    if (typeof next === 'object' && s.final !== 0) {
      if (next.initial === INITIAL.none) final = FINALS_BEFORE_VOWEL[s.final]!;
      else if (s.final === FINAL.n && next.initial === INITIAL.r) final = 'l';
    }
    out += initial + VOWELS[s.vowel]! + final;
  }
  return out;
}

/**
 * Finds the Hangul spelling of a romanized name among the words of the index, so an English
 * question about `Haenam` or `Saemangeum` reaches Korean documents that write 해남, 새만금.
 *
 * The English word is segmented into syllable romanizations (Revised Romanization plus the
 * older or looser spellings names often keep: Pusan, Kumi, Jeolla) by a search that only
 * follows Hangul bigrams present in the index, so it proposes words the corpus contains and
 * nothing else.
 */
import { decomposeSyllable, isHangulSyllable } from '../text/hangul.js';

const INITIALS: string[][] = [
  ['g', 'k'],
  ['kk', 'gg'],
  ['n'],
  ['d', 't'],
  ['tt'],
  ['r', 'l'],
  ['m'],
  ['b', 'p'],
  ['pp'],
  ['s', 'sh'],
  ['ss'],
  [''],
  ['j', 'ch'],
  ['jj'],
  ['ch'],
  ['k'],
  ['t'],
  ['p'],
  ['h'],
];
const VOWELS: string[][] = [
  ['a'],
  ['ae', 'e'],
  ['ya'],
  ['yae'],
  ['eo', 'o', 'u'],
  ['e'],
  ['yeo', 'yo'],
  ['ye'],
  ['o'],
  ['wa'],
  ['wae'],
  ['oe'],
  ['yo'],
  ['u', 'oo'],
  ['wo'],
  ['we'],
  ['wi'],
  ['yu'],
  ['eu', 'u'],
  ['ui', 'i'],
  ['i'],
];
/** Finals as written at the end of a syllable, before a consonant or a vowel. */
const FINALS: string[][] = [
  [''],
  ['k', 'g'],
  ['k', 'kk'],
  ['k'],
  ['n', 'l'],
  ['n'],
  ['n'],
  ['t', 'd'],
  ['l', 'r'],
  ['k'],
  ['m'],
  ['l'],
  ['l'],
  ['l'],
  ['p'],
  ['l'],
  ['m'],
  ['p', 'b'],
  ['p'],
  ['t', 's'],
  ['t', 'ss'],
  ['ng'],
  ['t', 'j'],
  ['t', 'ch'],
  ['k'],
  ['t'],
  ['p'],
  ['t', 'h'],
];
const MIN_LETTERS = 4;
/** Bounds the search on long or unlucky words. */
const MAX_STEPS = 5_000;
const MAX_RESULTS = 4;

export class RomanizedNames {
  private readonly bySpelling = new Map<string, string[]>();
  private readonly bigrams = new Set<string>();
  private longest = 0;

  /** `vocabulary`: index terms; its Hangul bigrams say which syllable pairs exist. */
  constructor(vocabulary: Iterable<string>) {
    const syllables = new Set<string>();
    for (const term of vocabulary) {
      if (term.length === 2 && isHangulSyllable(term[0]!) && isHangulSyllable(term[1]!)) {
        this.bigrams.add(term);
        syllables.add(term[0]!);
        syllables.add(term[1]!);
      }
    }
    for (const syllable of syllables) {
      const { initial, vowel, final } = decomposeSyllable(syllable)!;
      for (const i of INITIALS[initial]!) {
        for (const v of VOWELS[vowel]!) {
          for (const f of FINALS[final]!) {
            const spelling = i + v + f;
            const list = this.bySpelling.get(spelling);
            if (!list) this.bySpelling.set(spelling, [syllable]);
            else if (!list.includes(syllable)) list.push(syllable);
            this.longest = Math.max(this.longest, spelling.length);
          }
        }
      }
    }
  }

  /**
   * Hangul words of two or more syllables, all of whose bigrams are in the index, that
   * romanize to `word` (lower-case letters).
   *
   * @example names.find('haenam') // ['해남'] when the index holds 해남
   */
  find(word: string): string[] {
    if (word.length < MIN_LETTERS || !/^[a-z]+$/.test(word)) return [];
    const results: string[] = [];
    let steps = 0;
    const walk = (at: number, built: string) => {
      if (results.length >= MAX_RESULTS || ++steps > MAX_STEPS) return;
      if (at === word.length) {
        if (built.length >= 2 && !results.includes(built)) results.push(built);
        return;
      }
      for (let length = 1; length <= this.longest && at + length <= word.length; length++) {
        for (const syllable of this.bySpelling.get(word.slice(at, at + length)) ?? []) {
          const previous = built[built.length - 1];
          if (previous !== undefined && !this.bigrams.has(previous + syllable)) continue;
          walk(at + length, built + syllable);
        }
      }
    };
    walk(0, '');
    return results;
  }
}

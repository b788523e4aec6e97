/**
 * What the form of a word says about it being a name, without a dictionary: a Korean
 * organisation's ending (삼성전자, 국세청), a transcription of a foreign name (네이버, 리벨리온:
 * a syllable no Chinese character reads), an acronym of a common noun (AI, GPU: nobody's name).
 */
import { isHangulSyllable } from './hangul.js';
import {
  COMMON_ACRONYMS,
  COMMON_BODIES,
  COMMON_KIND_PREFIXES,
  ORGANIZATION_ENDINGS,
  SINO_KOREAN_SYLLABLES,
} from './data/names.js';

const ACRONYMS: ReadonlySet<string> = new Set(COMMON_ACRONYMS);
const BODIES: ReadonlySet<string> = new Set(COMMON_BODIES);
const ORGANIZATION = new RegExp(`^[\\uac00-\\ud7a3]{2,}(${ORGANIZATION_ENDINGS.join('|')})$`);
const COMMON_KIND = new RegExp(`^(${COMMON_KIND_PREFIXES.join('|')})`);

/** Is the acronym (or word) that of a common noun (AI, GPU, SPC)? */
export const isCommonAcronym = (word: string) => ACRONYMS.has(word);

/**
 * Does the Hangul word end like an organisation's name (삼성전자, 신한은행, 국세청), and not like
 * a kind of one (시중은행, 중소기업, 교육청)?
 */
export const hasOrganizationEnding = (word: string) =>
  ORGANIZATION.test(word) && !COMMON_KIND.test(word) && !BODIES.has(word);

/**
 * Does the Hangul word contain a syllable no Chinese character reads (a transcription)?
 * Native words (당근) and Sino-Korean names (삼성) are not told apart by this.
 *
 * @example looksTranscribed('카카오') // true
 * @example looksTranscribed('삼성') // false
 */
export function looksTranscribed(word: string): boolean {
  const hangul = [...word].filter(isHangulSyllable);
  return hangul.length >= 2 && hangul.some((c) => !SINO_KOREAN_SYLLABLES.has(c));
}

import { normalizeText } from './normalize.js';
import { stripParticle } from './particles.js';

const WORD = /[\p{L}\p{N}]+/gu;
const ENDS_IN_HANGUL = /[\uac00-\ud7a3]$/;

/**
 * A text reduced for containment checks: NFKC, lower-cased, without spaces or punctuation,
 * each Korean word without its trailing particle, so `국민성장펀드의 투자` contains
 * `국민성장펀드 투자` and `업스테이지는` meets `업스테이지가`.
 */
export function factText(input: string): string {
  let out = '';
  for (const match of normalizeText(input).toLowerCase().matchAll(WORD)) {
    const word = match[0];
    out += ENDS_IN_HANGUL.test(word) ? stripParticle(word) : word;
  }
  return out;
}

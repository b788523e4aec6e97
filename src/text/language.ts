import type { Lang } from '../types.js';

export type DetectedLang = Lang | 'mixed';

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/g;
const LATIN = /[A-Za-z]/g;

/**
 * Guesses the language of a text from its letters: Hangul syllables weigh three Latin
 * letters (a syllable carries about as much as a short English word part). Text with
 * neither is reported as `en`.
 *
 * @example detectLanguage('업스테이지(Upstage)에 투자') // 'ko'
 */
export function detectLanguage(text: string): DetectedLang {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  const koWeight = hangul * 3;
  if (koWeight === 0 && latin === 0) return 'en';
  const share = koWeight / (koWeight + latin);
  if (share >= 0.6) return 'ko';
  if (share <= 0.25) return 'en';
  return 'mixed';
}

/** The language to answer in: mixed text is answered in Korean when Hangul is present. */
export function primaryLanguage(text: string): Lang {
  const detected = detectLanguage(text);
  if (detected === 'mixed') return 'ko';
  return detected;
}

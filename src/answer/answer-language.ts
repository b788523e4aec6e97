/**
 * The language to answer in. A question in one script is answered in it; a mixed one
 * ("How much is the 퓨처그래프 loan?", "Upstage 투자에서 민간 몫은 얼마?") in the language of
 * its grammar, which the end of the question shows: Korean puts the predicate last (얼마?,
 * 있나요?), English questions end on an English word.
 */
import type { Lang } from '../types.js';
import { detectLanguage } from '../text/language.js';

/** @example answerLanguageOf('How much is the 퓨처그래프 loan?') // 'en' */
export function answerLanguageOf(question: string): Lang {
  const detected = detectLanguage(question);
  if (detected !== 'mixed') return detected;
  const last = question.match(/[\uac00-\ud7a3]+|[A-Za-z]+/g)?.at(-1) ?? '';
  return /^[A-Za-z]/.test(last) ? 'en' : 'ko';
}

/**
 * Deciding `refused`: whether an answer says the corpus does not hold what was asked.
 *
 * The prompts ask a model to open with a fixed sentence (REFUSAL_TEXT) when the sources
 * lack the answer, but hosted models paraphrase ("The documents do not mention…",
 * "자료에 나와 있지 않습니다"). An answer counts as a refusal when its *first* sentence
 * says so: "Housung gets 165 billion won [1]; the rate is not stated" still answers,
 * while "The rate is not stated. Housung gets 165 billion won [1]" declines the question
 * and adds context.
 */
import type { Lang } from '../types.js';
import { splitSentences } from '../ingest/sentences.js';

export const REFUSAL_TEXT: Record<Lang, string> = {
  ko: '제공된 공고 자료에서는 답을 찾을 수 없습니다.',
  en: 'The announcements provided do not contain this information.',
};

const KO_DECLINES =
  /(찾을 ?수 ?없|찾지 ?못|확인(할 ?수 ?없|되지 ?않|하기 ?어렵)|알 ?수 ?없|답(할|을 ?드릴) ?수 ?없|(나와|적혀|포함되어|언급되어|명시되어|기재되어|제시되어|담겨) ?있지 ?않|(언급|명시|기재|제시|공개|포함|제공)되지 ?않|(정보|내용|자료|언급|수치)[가는이]? ?없)/;
const EN_DECLINES =
  /\b(do(es)?n['’]?t|do(es)? not|did not|didn['’]t) (contain|include|mention|state|specify|say|provide|give|disclose|cover|report)\b|\b(is|are|was|were)(n['’]t| not) (mentioned|stated|specified|provided|included|given|disclosed|available|reported)\b|\bno (information|mention|details?|data|figures?)\b|\b(cannot|can['’]t|could not|couldn['’]t|unable to) (find|answer|determine|confirm|locate)\b|\bnot (found|available) in\b/i;

/** Does the text open by saying the sources lack the answer? */
export function isRefusal(answer: string): boolean {
  const text = answer.replace(/\[\d+(?:\s*,\s*\d+)*\]/g, '').trim();
  if (!text) return true;
  const first = splitSentences(text)[0] ?? text;
  return KO_DECLINES.test(first) || EN_DECLINES.test(first);
}

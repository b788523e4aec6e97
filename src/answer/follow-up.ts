import type { ChatMessage } from '../types.js';
import { tokenize } from '../text/tokenize.js';

/** A question this short (in analyzer terms) probably leans on the previous turn. */
const SHORT_QUESTION_TERMS = 6;
const REFERRING =
  /\b(it|its|they|their|them|that|this|those|these|the same)\b|그것|그곳|그 회사|그 기업|이 회사|해당|그거|거기|이곳|그럼|그러면|그리고|또/i;

/**
 * Offline follow-up resolution: when the question is short or refers back ("그럼 대출은?",
 * "What about its completion date?"), the previous user question is appended so search and
 * the answerer see the entities it named. A configured LLM can rewrite instead (answer issue).
 */
export function resolveFollowUp(question: string, history: ChatMessage[]): string {
  const previous = [...history].reverse().find((m) => m.role === 'user');
  if (!previous) return question;
  const isFollowUp = REFERRING.test(question) || tokenize(question).length <= SHORT_QUESTION_TERMS;
  return isFollowUp ? `${question} (${previous.content})` : question;
}

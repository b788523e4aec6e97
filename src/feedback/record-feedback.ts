import { HttpError } from '../errors.js';
import type { Lang } from '../types.js';
import type { AnswerLog, FeedbackEntry } from '../answer-log/types.js';

/**
 * The answer log is written after the answer is sent (record-answer.ts), so a rating sent
 * the moment an answer ends can arrive before its row: look again a few times, about a
 * second in all, before calling the id unknown.
 */
export const UNKNOWN_ANSWER_RETRY_MS = [100, 300, 600];

/**
 * Records a rating on a logged answer.
 *
 * @returns the answer's language (to thank the rater in it).
 * @throws HttpError 404 `unknown_answer` when no answer has the id.
 */
export async function recordFeedback(log: AnswerLog, feedback: FeedbackEntry): Promise<{ language: Lang }> {
  for (const waitMs of [0, ...UNKNOWN_ANSWER_RETRY_MS]) {
    if (waitMs) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const rated = await log.rate(feedback);
    if (rated) return rated;
  }
  throw new HttpError(404, 'unknown_answer', `no answer has the id ${feedback.answerId}`);
}

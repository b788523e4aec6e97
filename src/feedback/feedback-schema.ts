import * as z from 'zod';
import { COMPLETION_ID_PREFIX } from '../channels/openai/completion.js';
import { MAX_COMMENT_CHARS } from './feedback-limits.js';
/** Answer ids are 32 hex digits (answer/answer-id.ts); this leaves room for other schemes, not for junk. */
const MAX_ID_CHARS = 100;

const ANSWER_ID = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_ID_CHARS}}$`);

/** Whether `id` is shaped like an answer id (or `chatcmpl-` and one). */
export function isAnswerId(id: string): boolean {
  return ANSWER_ID.test(id);
}

/**
 * `POST /api/feedback` (DESIGN.md): `{"id","rating":"up"|"down","comment"?}`. The id is
 * the answer's `id`, or the `chatcmpl-…` id a `/v1` client saw; a blank comment is none.
 */
export const feedbackRequestSchema = z.object({
  id: z
    .string({ message: 'must be the id of an answer' })
    .trim()
    .regex(ANSWER_ID, 'must be the id of an answer')
    .transform((id) => (id.startsWith(COMPLETION_ID_PREFIX) ? id.slice(COMPLETION_ID_PREFIX.length) : id)),
  rating: z.enum(['up', 'down'], { message: 'must be "up" or "down"' }),
  comment: z
    .string({ message: 'must be a string' })
    .max(MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS} characters`)
    .transform((comment) => comment.trim() || undefined)
    .optional(),
});

export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

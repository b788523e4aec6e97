/**
 * `POST /api/feedback` (DESIGN.md, issue 16): thumbs up or down on an answer, with an
 * optional comment; 204 when recorded. It sits under `/api/*`, so the API guard applies
 * (keys, origins, rate limits) as for `/api/chat`.
 *
 * A later rating of the same answer replaces the earlier one: a reader who changes their
 * mind counts once, with their last word (and comment).
 */
import { Hono } from 'hono';
import type { AppServices } from '../services.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../channels/json-body.js';
import { feedbackRequestSchema } from './feedback-schema.js';
import { recordFeedback } from './record-feedback.js';

/** Web and API ratings have no rater identity: an answer id reaches one client only. */
export const ANONYMOUS_RATER = '';

export function feedbackRoute(services: AppServices) {
  const app = new Hono();
  app.post('/api/feedback', async (c) => {
    const body = await readJsonBody(c, feedbackRequestSchema);
    const log = services.answerLog;
    if (!log) {
      throw new AppError(503, 'answer_log_off', 'feedback is kept in the answer log, which needs the DB D1 binding');
    }
    await recordFeedback(log, {
      answerId: body.id,
      rating: body.rating,
      ...(body.comment ? { comment: body.comment } : {}),
      rater: ANONYMOUS_RATER,
      ratedAt: Date.now(),
    });
    return c.body(null, 204);
  });
  return app;
}

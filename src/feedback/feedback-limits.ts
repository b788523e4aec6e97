/**
 * The limits of `POST /api/feedback`, apart from its zod schema so the browser UI and the
 * Slack modal can respect them without bundling zod (as chat-limits.ts for `/api/chat`).
 */

/** A comment says what was wrong in a few sentences; longer text belongs in a ticket. */
export const MAX_COMMENT_CHARS = 2000;

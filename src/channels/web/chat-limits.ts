/**
 * Limits of a `/api/chat` request, apart from its schema so the browser UI can respect them
 * without bundling zod.
 */

/** Longest message accepted: a long pasted paragraph, not a document. */
export const MAX_MESSAGE_CHARS = 8_000;
export const MAX_MESSAGES = 50;

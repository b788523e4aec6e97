/**
 * A new answer id (issue 16): 128 random bits as 32 hex digits. No dashes, so the `/v1`
 * completion id built from it (`chatcmpl-<id>`) has the shape OpenAI's have and clients
 * may expect (`chatcmpl-` and word characters).
 */
export function newAnswerId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

import type { Context } from 'hono';
import type * as z from 'zod';
import { HttpError } from '../errors.js';

/**
 * Reads and validates a JSON body: 415 for another content type, 400 naming the first
 * invalid field. Its size is bounded before it gets here (the app's `bodyLimit`).
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : 'body';
    throw new HttpError(400, 'invalid_request', `${field}: ${issue.message}`);
  }
  return parsed.data;
}

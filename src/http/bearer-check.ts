/**
 * A Bearer token check (hono's `bearerAuth`: constant-time comparison) whose refusal is the
 * app's JSON 401 with `WWW-Authenticate: Bearer` (RFC 6750 §3), not hono's plain-text one.
 * Used by the API guard (API_KEYS) and the admin API (ADMIN_API_KEY).
 */
import type { Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { HttpError } from '../errors.js';

/**
 * @example const check = bearerCheck(config.apiKeys, 'send a valid API key as Authorization: Bearer <key>');
 * await check(c); // throws HttpError 401 with that message
 */
export function bearerCheck(tokens: string | string[], refusal: string): (c: Context) => Promise<void> {
  const check = bearerAuth({ token: tokens });
  return async function bearerCheck(c) {
    try {
      await check(c, async () => undefined);
    } catch (error) {
      if (!(error instanceof HTTPException)) throw error;
      throw new HttpError(401, 'unauthorized', refusal, { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
  };
}

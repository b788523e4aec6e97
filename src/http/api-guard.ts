/**
 * Who may call `/api/*` and `/v1/*` (issue 10), in one middleware after CORS:
 *
 * - A call with `Authorization: Bearer <key>` must hold one of `API_KEYS` (hono's
 *   `bearerAuth`, compared in constant time); it is rate-limited per key.
 * - A browser call carries `Origin`. From the worker's own pages or a `WIDGET_ORIGINS`
 *   site it needs no key (a key can never live in a page), and is rate-limited per IP;
 *   from any other origin it is refused (403), key or not.
 * - With `API_KEYS` set, anything else gets 401. Without it the API is open, as in the
 *   embedded default, and rate-limited per IP when `RATE_LIMIT_PER_MINUTE` is set.
 *
 * `Origin` is not a secret: a non-browser client can send any. So the browser path is
 * bounded by the per-IP limit, and deployments that must not be open to it leave
 * `WIDGET_ORIGINS` empty and keep staff on the Slack bot or keyed clients (README).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { HttpError } from '../errors.js';
import { bearerCheck } from './bearer-check.js';
import type { RateLimiter } from './rate-limit.js';

export interface ApiGuardOptions {
  apiKeys: string[];
  /** Sites whose pages may call the API from a browser; `*` any (only without keys). */
  widgetOrigins: string[];
  /** Absent: no limit. */
  rateLimiter?: RateLimiter;
}

/** A preflight's answer is cached this long by browsers (seconds). */
const PREFLIGHT_MAX_AGE = 600;

function originAllowed(origin: string, c: Context, widgetOrigins: string[]): boolean {
  if (origin === new URL(c.req.url).origin) return true;
  return widgetOrigins.includes('*') || widgetOrigins.includes(origin);
}

/** A stable, non-reversible name for a key: limiter names never hold the key itself. */
async function keyId(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

/**
 * The CORS middleware and the guard, to mount on each API prefix.
 *
 * @example for (const p of ['/api/*', '/v1/*']) app.use(p, ...apiGuard({ apiKeys, widgetOrigins }));
 */
export function apiGuard(options: ApiGuardOptions): MiddlewareHandler[] {
  const { apiKeys, widgetOrigins, rateLimiter } = options;
  const corsMiddleware = cors({
    origin: (origin, c) => (originAllowed(origin, c, widgetOrigins) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Accept'],
    exposeHeaders: ['Retry-After'],
    maxAge: PREFLIGHT_MAX_AGE,
  });
  const checkKey =
    apiKeys.length > 0 ? bearerCheck(apiKeys, 'send a valid API key as Authorization: Bearer <key>') : undefined;

  async function guard(c: Context, next: () => Promise<void>) {
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin, c, widgetOrigins)) {
      throw new HttpError(403, 'origin_not_allowed', `calls from ${origin} are not allowed (WIDGET_ORIGINS)`);
    }
    const token = bearerToken(c);
    let client: string;
    if (checkKey && (token !== undefined || origin === undefined)) {
      await checkKey(c);
      client = `key:${await keyId(token!)}`;
    } else {
      client = `ip:${c.req.header('cf-connecting-ip') ?? 'unknown'}`;
    }
    if (rateLimiter) {
      const decision = await rateLimiter.take(client);
      if (!decision.allowed) {
        throw new HttpError(429, 'rate_limited', `too many requests; retry in ${decision.retryAfterSeconds} s`, {
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        });
      }
    }
    await next();
  }

  return [corsMiddleware, guard];
}

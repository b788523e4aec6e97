/**
 * Upstash Vector failures as `UpstreamError`s (502/503/504 with a code). The SDK's own HTTP
 * client (the worker's) keeps only the body's `error` text of a failed response, not its
 * status, so the documented texts are recognized: `Unauthorized: Invalid auth token` for a
 * 401 (https://upstash.com/docs/vector/api/get-started) and Upstash's `ERR max … limit
 * exceeded` for a spent quota. A client that knows the status (the ingest CLI's requester)
 * attaches it, and the status decides.
 */
import { UpstreamError, toUpstreamError } from '../errors.js';

export const UPSTASH = 'Upstash Vector';

const AUTH = /unauthori[sz]ed|invalid auth token|forbidden/i;
const RATE_LIMIT = /limit exceeded|too many requests|rate.?limit/i;

/**
 * @example upstashError(new UpstashError('Unauthorized: Invalid auth token')).status // 502, code upstream_auth
 */
export function upstashError(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = (error ?? {}) as { name?: string; message?: string; status?: number };
  if (typeof e.status !== 'number' && e.name === 'UpstashError') {
    const message = e.message ?? '';
    if (AUTH.test(message)) {
      return new UpstreamError(`${UPSTASH} rejected UPSTASH_VECTOR_REST_TOKEN`, 502, 'upstream_auth', { cause: error });
    }
    if (RATE_LIMIT.test(message)) {
      return new UpstreamError(
        `${UPSTASH} is rate-limiting requests (its quota is spent); try again later`,
        503,
        'upstream_rate_limited',
        {
          cause: error,
        },
      );
    }
    return new UpstreamError(`${UPSTASH} refused the request`, 502, 'upstream_error', { cause: error });
  }
  return toUpstreamError(error, UPSTASH);
}

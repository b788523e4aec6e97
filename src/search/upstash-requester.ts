/**
 * A transport for `@upstash/vector` for bulk work (ingest): the same wire format as the
 * SDK's own HTTP client (POST `{url}/{command}/{namespace}`, bearer token, JSON, answers
 * `{result}` or `{error}`), but a failure keeps its HTTP status, and 429s, 5xx and timeouts
 * are retried with backoff. The SDK's client only retries network errors and reduces every
 * failure to its error text.
 *
 * @example new Index(createUpstashRequester({ url, token })) // Index from '@upstash/vector'
 */
import type { Requester, UpstashRequest, UpstashResponse } from '@upstash/vector';
import { INGEST_RETRY, retryAfterMs, withRetries, type RetryPolicy } from './backoff.js';
import { UPSTASH_TIMEOUT_MS } from './upstash-connect.js';
import { EndpointError } from './endpoint-error.js';

/** A failed Upstash request, with the status it answered. */
export class UpstashHttpError extends EndpointError {
  override name = 'UpstashHttpError';
}

export interface UpstashRequesterOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
}

export function createUpstashRequester(options: UpstashRequesterOptions): Requester {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? UPSTASH_TIMEOUT_MS;

  async function once<T>(req: UpstashRequest): Promise<UpstashResponse<T>> {
    const res = await doFetch([base, ...(req.path ?? [])].join('/'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: { result?: T; error?: string } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // A proxy's error page: the status says what happened.
    }
    if (!res.ok || body === undefined) {
      const detail = typeof body?.error === 'string' ? `: ${body.error}` : '';
      throw new UpstashHttpError(
        `Upstash Vector ${req.path?.[0] ?? ''} failed (HTTP ${res.status})${detail}`,
        res.ok ? 502 : res.status,
        { retryAfterMs: retryAfterMs(res.headers.get('retry-after')) },
      );
    }
    return { result: body.result, error: body.error };
  }

  return {
    request: <T>(req: UpstashRequest) => withRetries(() => once<T>(req), options.retry ?? INGEST_RETRY),
  };
}

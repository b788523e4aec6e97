/**
 * Failures of the answer model or the index, with the HTTP status they deserve:
 * 502 a bad upstream answer, 503 unavailable or rate-limited, 504 too slow.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    message: string,
    readonly status: 502 | 503 | 504,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Classifies an error thrown by a model client (openai SDK / LangChain) without leaking its body. */
export function toUpstreamError(error: unknown, what: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = error as { name?: string; status?: number; code?: string; message?: string };
  const name = e?.name ?? '';
  if (/timeout|abort/i.test(name) || /timed? ?out/i.test(e?.message ?? '')) {
    return new UpstreamError(`${what} did not answer in time`, 504, 'upstream_timeout', { cause: error });
  }
  if (e?.status === 429)
    return new UpstreamError(`${what} is rate-limiting requests`, 503, 'upstream_rate_limited', { cause: error });
  if (typeof e?.status === 'number' && e.status >= 500) {
    return new UpstreamError(`${what} failed (HTTP ${e.status})`, 502, 'upstream_error', { cause: error });
  }
  if (/connection|fetch failed|ECONNREFUSED|network/i.test(`${name} ${e?.message ?? ''}`)) {
    return new UpstreamError(`${what} is unreachable`, 503, 'upstream_unavailable', { cause: error });
  }
  return new UpstreamError(`${what} failed`, 502, 'upstream_error', { cause: error });
}

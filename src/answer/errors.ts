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

interface ClientError {
  name?: string;
  status?: number;
  message?: string;
}

/**
 * Classifies an error thrown by a model client (openai SDK / LangChain) or the index.
 * The message names the upstream and the status, never the upstream's body: an error body
 * can echo the prompt or hold account details.
 */
export function toUpstreamError(error: unknown, what: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = (error ?? {}) as ClientError;
  const name = e.name ?? '';
  const message = e.message ?? '';
  const fail = (text: string, status: 502 | 503 | 504, code: string) =>
    new UpstreamError(text, status, code, { cause: error });

  if (/timeout/i.test(name) || /timed? ?out/i.test(message))
    return fail(`${what} did not answer in time`, 504, 'upstream_timeout');
  if (name === 'AbortError') return fail(`the request to ${what} was cancelled`, 503, 'request_aborted');
  if (typeof e.status === 'number') {
    const status = e.status;
    if (status === 429)
      return fail(`${what} is rate-limiting requests; try again shortly`, 503, 'upstream_rate_limited');
    if (status === 401 || status === 403) {
      return fail(`${what} rejected the configured credentials (HTTP ${status})`, 502, 'upstream_auth');
    }
    if (status === 404)
      return fail(`${what} was not found at the configured endpoint (HTTP 404)`, 502, 'upstream_not_found');
    if (status === 503) return fail(`${what} is unavailable (HTTP 503)`, 503, 'upstream_unavailable');
    if (status === 504) return fail(`${what} did not answer in time (HTTP 504)`, 504, 'upstream_timeout');
    return fail(`${what} failed (HTTP ${status})`, 502, 'upstream_error');
  }
  // JSON.parse on a broken chunk or body.
  if (error instanceof SyntaxError) return fail(`${what} sent a malformed response`, 502, 'upstream_malformed');
  if (/^terminated$|socket|other side closed|ECONNRESET/i.test(message)) {
    return fail(`${what} closed the connection mid-answer`, 502, 'upstream_error');
  }
  if (/connection|fetch failed|ECONNREFUSED|ENOTFOUND|network/i.test(`${name} ${message}`)) {
    return fail(`${what} is unreachable`, 503, 'upstream_unavailable');
  }
  return fail(`${what} failed`, 502, 'upstream_error');
}

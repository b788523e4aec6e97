/**
 * One error hierarchy for everything that reaches an HTTP response (STYLE.md habit 13):
 * an `AppError` carries the status and a code clients can branch on, so the app's error
 * handler has one branch. Messages name what failed (which field, which upstream) and
 * never hold a secret or an upstream's body.
 */

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 502 | 503 | 504;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.headers = options?.headers;
  }
  /** Extra response headers, e.g. `Retry-After` on a 429. */
  readonly headers: Record<string, string> | undefined;
}

/** A request the API rejects (4xx): bad body, missing key, unknown route. */
export class HttpError extends AppError {
  override name = 'HttpError';
}

/** A request whose content cannot be answered as asked (400 `invalid_request`). */
export class BadRequestError extends AppError {
  override name = 'BadRequestError';
  constructor(message: string) {
    super(400, 'invalid_request', message);
  }
}

/**
 * A failure of something we call (the chat model, the index, embeddings, Slack):
 * 502 a bad upstream answer, 503 unavailable or rate-limited, 504 too slow.
 */
export class UpstreamError extends AppError {
  override name = 'UpstreamError';
  constructor(message: string, status: 502 | 503 | 504, code: string, options?: { cause?: unknown }) {
    super(status, code, message, options);
  }
}

/** The JSON error body of DESIGN.md: `{"error":{"code","message"}}`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

interface ClientError {
  name?: string;
  status?: number;
  message?: string;
}

/**
 * Classifies an error thrown by an upstream client (openai SDK / LangChain, the index,
 * embeddings) as an `UpstreamError`. The message names the upstream and the status, never
 * the upstream's body: an error body can echo the prompt or hold account details.
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
  if (name === 'ResponseTooLargeError') return fail(`${what} sent more than we read`, 502, 'upstream_too_large');
  // JSON.parse on a broken chunk or body.
  if (error instanceof SyntaxError) return fail(`${what} sent a malformed response`, 502, 'upstream_malformed');
  if (name === 'StreamCutError' || /^terminated$|mid-stream|socket|other side closed|ECONNRESET/i.test(message)) {
    return fail(`${what} closed the connection mid-answer`, 502, 'upstream_error');
  }
  if (/connection|fetch failed|ECONNREFUSED|ENOTFOUND|network/i.test(`${name} ${message}`)) {
    return fail(`${what} is unreachable`, 503, 'upstream_unavailable');
  }
  return fail(`${what} failed`, 502, 'upstream_error');
}

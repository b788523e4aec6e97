/** A request the API rejects, with the status and a code clients can branch on. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 502 | 503 | 504,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON error body of DESIGN.md: `{"error":{"code","message"}}`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

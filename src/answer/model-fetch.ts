/**
 * The `fetch` given to the OpenAI client (`configuration.fetch`): retries with backoff on
 * 429 and 5xx honouring `Retry-After`, and a timeout that also covers a stalled stream.
 *
 * Why not the client's own retries: LangChain's ChatOpenAI sets the openai SDK's
 * `maxRetries` to 0 and retries through its AsyncCaller, which waits at least 1–2 s per
 * retry, honours `Retry-After` only on 429 (not on 503), and gives up on a 429 without the
 * header. And the SDK's `timeout` stops at the response headers: a stream that stalls
 * after its first chunk would hang forever. Doing both here keeps them in one place,
 * under our tests (test/node/openai-model.test.ts drives them against a fake server).
 */

export interface ModelFetchOptions {
  /** Retries after the first attempt, for 429, 5xx and failed connections. */
  maxRetries: number;
  /** Longest wait for response headers, and for each next piece of the body. */
  timeoutMs: number;
  /** First backoff step; doubled per retry, with jitter. */
  baseDelayMs: number;
  /**
   * Longest `Retry-After` worth waiting for. Beyond it the upstream's answer is returned
   * as is (and becomes an honest 503): a chat user is better told to retry than kept waiting.
   */
  maxRetryAfterMs: number;
  /**
   * Largest response body read, in bytes: an upstream that ignores `max_tokens` (or streams
   * without end) cannot fill the worker's 128 MB. Past it the body errors with ResponseTooLargeError.
   */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  /** For tests; defaults to Math.random. */
  random?: () => number;
}

/** What every upstream failure is measured against: these are worth another attempt. */
const RETRYABLE_STATUS = (status: number) => status === 429 || (status >= 500 && status !== 501);

/** A model request that took longer than the configured timeout. */
export class ModelTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(url: string, timeoutMs: number, stage: 'headers' | 'body') {
    // "timed out" is what the openai SDK looks for to report a connection timeout.
    super(`request to ${new URL(url).origin} timed out after ${timeoutMs} ms waiting for the ${stage}`);
  }
}

/** The connection broke after the response started: the answer is cut, not unavailable (502). */
export class StreamCutError extends Error {
  override name = 'StreamCutError';
  constructor(url: string, options?: { cause?: unknown }) {
    super(`${new URL(url).origin} cut its response off mid-stream`, options);
  }
}

/** The response grew past `maxResponseBytes`. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
  constructor(url: string, limit: number) {
    super(`the response from ${new URL(url).origin} is larger than ${limit} bytes`);
  }
}

/**
 * Reads `retry-after-ms` (OpenAI's extension) or `Retry-After` as seconds or an HTTP date
 * (RFC 9110 §10.2.3), in milliseconds.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A fetch that failed before any response (refused, reset, DNS): safe to try again. Any
 * rejection of `fetch` other than our timeout or an abort is one: Node throws
 * `TypeError: fetch failed`, workerd `Error: Network connection lost.` (issue 10).
 */
function isConnectionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return !(error instanceof ModelTimeoutError) && name !== 'AbortError' && name !== 'TimeoutError';
}

/**
 * One attempt: fetch with a headers timeout, then hand back a response whose body errors
 * with ModelTimeoutError when no data arrives for `timeoutMs`.
 */
async function attempt(
  doFetch: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  timeoutMs: number,
  maxResponseBytes = Infinity,
): Promise<Response> {
  const url = urlOf(input);
  const controller = new AbortController();
  const outer = init?.signal;
  const forwardAbort = () => controller.abort(outer!.reason);
  if (outer?.aborted) forwardAbort();
  outer?.addEventListener('abort', forwardAbort, { once: true });

  let timedOut: ModelTimeoutError | undefined;
  const startTimer = (stage: 'headers' | 'body') =>
    setTimeout(() => {
      timedOut = new ModelTimeoutError(url, timeoutMs, stage);
      controller.abort(timedOut);
    }, timeoutMs);

  let timer = startTimer('headers');
  let response: Response;
  try {
    response = await doFetch(input, { ...init, signal: controller.signal });
  } catch (error) {
    outer?.removeEventListener('abort', forwardAbort);
    throw timedOut ?? error;
  } finally {
    clearTimeout(timer);
  }
  if (!response.body) {
    outer?.removeEventListener('abort', forwardAbort);
    return response;
  }

  const reader = response.body.getReader();
  let received = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      timer = startTimer('body');
      try {
        const { done, value } = await reader.read();
        if (done) {
          outer?.removeEventListener('abort', forwardAbort);
          stream.close();
          return;
        }
        received += value.byteLength;
        if (received > maxResponseBytes) {
          outer?.removeEventListener('abort', forwardAbort);
          controller.abort();
          stream.error(new ResponseTooLargeError(url, maxResponseBytes));
          return;
        }
        stream.enqueue(value);
      } catch (error) {
        outer?.removeEventListener('abort', forwardAbort);
        const aborted = controller.signal.aborted && !timedOut;
        stream.error(timedOut ?? (aborted ? error : new StreamCutError(url, { cause: error })));
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      outer?.removeEventListener('abort', forwardAbort);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Wraps `fetch` with retries and timeouts for calls to a chat model.
 *
 * The wait before retry k (from 0) is `baseDelayMs * 2^k`, scaled by a random factor in
 * [0.5, 1) so many clients do not retry in step, and never shorter than the upstream's
 * `Retry-After`.
 *
 * @example new ChatOpenAI({ configuration: { baseURL, fetch: createModelFetch(policy) }, maxRetries: 0 })
 */
export function createModelFetch(options: ModelFetchOptions): typeof fetch {
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;

  return async function modelFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    for (let retry = 0; ; retry++) {
      const backoff = options.baseDelayMs * 2 ** retry * (0.5 + random() / 2);
      const canRetry = retry < options.maxRetries;
      let response: Response;
      try {
        response = await attempt(doFetch, input, init, options.timeoutMs, options.maxResponseBytes);
      } catch (error) {
        if (!canRetry || !isConnectionFailure(error) || init?.signal?.aborted) throw error;
        await sleep(backoff, init?.signal);
        continue;
      }
      if (!canRetry || !RETRYABLE_STATUS(response.status)) return response;
      const hinted = retryAfterMs(response.headers);
      if (hinted !== undefined && hinted > options.maxRetryAfterMs) return response;
      // The body of a response we will not use still holds the connection.
      await response.body?.cancel().catch(() => undefined);
      await sleep(Math.max(backoff, hinted ?? 0), init?.signal);
    }
  };
}

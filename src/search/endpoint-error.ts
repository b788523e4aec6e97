/**
 * A failed call to an HTTP service we depend on (embeddings, rerank, Upstash in bulk work):
 * `status` when it answered, its Retry-After for backoff (backoff.ts). Subclasses name the
 * service; messages name the endpoint and the status, never the response body.
 */
import { retryAfterMs } from './backoff.js';

export class EndpointError extends Error {
  override name = 'EndpointError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
  /** The service's Retry-After, in milliseconds. */
  readonly retryAfterMs: number | undefined;
}

type EndpointErrorClass = new (
  message: string,
  status?: number,
  options?: { cause?: unknown; retryAfterMs?: number },
) => EndpointError;

export interface PostJsonOptions {
  apiKey?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Names the endpoint in messages: `the rerank endpoint https://…/rerank`. */
  where: string;
  /** Cancels the request (the asker left). */
  signal?: AbortSignal;
  /** Thrown for a refused or unreachable request, and (`timeout`) for a silent one. */
  errors: { failure: EndpointErrorClass; timeout?: EndpointErrorClass };
}

/**
 * POSTs JSON with an optional bearer key and a timeout; resolves to a 2xx response, or
 * throws the service's error naming the endpoint and the status (body discarded).
 */
export async function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<Response> {
  const { failure, timeout = failure } = options.errors;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal: options.signal
        ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal])
        : AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      throw new timeout(`${options.where} did not answer within ${options.timeoutMs} ms`, undefined, { cause: error });
    }
    throw new failure(`${options.where} is unreachable: fetch failed`, undefined, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new failure(`${options.where} failed (HTTP ${response.status})`, response.status, {
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    });
  }
  return response;
}

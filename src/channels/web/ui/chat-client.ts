/**
 * Asks `POST /api/chat` for a streamed answer (DESIGN.md, "HTTP"): `token` deltas,
 * `citations`, then `done` with the whole response, or an `error` event. Failures become
 * one error type the view can explain: the API's status and message, or the network.
 */
import type { ChatMessage, ChatResponse, Citation } from '../../../types.js';
import { readServerSentEvents } from './sse.js';

/**
 * - `http`: the API answered with an error status (401, 403, 429, 5xx…) and its message;
 * - `network`: no answer could be read, which is also how a browser reports an origin
 *   the API's CORS refuses (WIDGET_ORIGINS);
 * - `stream`: the answer began and then failed (an `error` event, or a cut connection).
 */
export type ChatFailureKind = 'http' | 'network' | 'stream';

export class ChatRequestError extends Error {
  override name = 'ChatRequestError';

  constructor(
    readonly kind: ChatFailureKind,
    message: string,
    readonly status?: number,
    /** Seconds, from the `Retry-After` of a 429 or 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The `done` event: the response, with the `id` feedback refers to (issue 16). */
export type ChatResult = ChatResponse;

export interface StreamChatOptions {
  signal?: AbortSignal;
  onToken?: (text: string) => void;
  onCitations?: (citations: Citation[]) => void;
  /** For tests: the app's own `fetch` instead of the network. */
  fetch?: typeof fetch;
}

function errorMessageOf(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

function retryAfterOf(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** The API's error response as the UI's error: its status, message and `Retry-After`. */
export async function httpError(response: Response): Promise<ChatRequestError> {
  const body: unknown = await response.json().catch(() => null);
  const message = errorMessageOf(body) ?? `${response.status} ${response.statusText}`.trim();
  return new ChatRequestError('http', message, response.status, retryAfterOf(response));
}

/**
 * Streams the answer to the last user message of `messages`, calling back with each
 * token and the citations; resolves with the `done` response.
 *
 * A stop through `signal` rejects with the `AbortError` that `fetch` raises.
 */
export async function streamChat(
  endpoint: string,
  messages: ChatMessage[],
  options: StreamChatOptions = {},
): Promise<ChatResult> {
  const send = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ messages, stream: true }),
      // A key never lives in a page: a widget call is allowed by its origin (api-guard.ts).
      credentials: 'omit',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ChatRequestError('network', (error as Error).message);
  }
  if (!response.ok) throw await httpError(response);
  if (!response.body) throw new ChatRequestError('stream', 'the response has no body');

  try {
    for await (const { event, data } of readServerSentEvents(response.body)) {
      const payload: unknown = JSON.parse(data);
      if (event === 'token') options.onToken?.((payload as { text: string }).text);
      else if (event === 'citations') options.onCitations?.((payload as { citations: Citation[] }).citations);
      else if (event === 'done') return payload as ChatResult;
      else if (event === 'error') throw new ChatRequestError('stream', errorMessageOf(payload) ?? 'the answer failed');
    }
  } catch (error) {
    if (error instanceof ChatRequestError || options.signal?.aborted) throw error;
    throw new ChatRequestError('stream', (error as Error).message);
  }
  throw new ChatRequestError('stream', 'the answer ended before it was complete');
}

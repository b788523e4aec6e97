/**
 * Sends a reader's thumbs up or down on an answer to `POST /api/feedback` (DESIGN.md,
 * issue 16): `{"id","rating","comment"?}`, answered 204. Failures are the chat's error type.
 */
import { ChatRequestError, httpError } from './chat-client.js';

export type Rating = 'up' | 'down';

export interface FeedbackRequest {
  /** The answer's id, from the `done` event. */
  id: string;
  rating: Rating;
  comment?: string;
}

export interface SendFeedbackOptions {
  /** For tests: the app's own `fetch` instead of the network. */
  fetch?: typeof fetch;
}

/** Resolves once the rating is recorded; rejects with a `ChatRequestError` otherwise. */
export async function sendFeedback(
  endpoint: string,
  feedback: FeedbackRequest,
  options: SendFeedbackOptions = {},
): Promise<void> {
  const send = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(feedback),
      // As for the chat: a widget call is allowed by its origin, never by a key in the page.
      credentials: 'omit',
    });
  } catch (error) {
    throw new ChatRequestError('network', (error as Error).message);
  }
  if (!response.ok) throw await httpError(response);
  await response.body?.cancel();
}

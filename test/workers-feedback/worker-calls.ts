/**
 * The answer-log tests' calls to the whole worker in workerd (test/helpers/worker-call.ts):
 * each waits until the answer is logged before it resolves.
 */
import type { ChatResponse } from '../../src/types.js';
import { TEST_ADMIN_KEY, type QuestionRow } from '../helpers/admin.js';
import { parseSse } from '../helpers/sse.js';
import { BASE, call, type Handler } from '../helpers/worker-call.js';

export { BASE, call, defaultWorker, type Handler } from '../helpers/worker-call.js';

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Asks `/api/chat` (JSON) and waits until the answer is logged. */
export async function ask(question: string, handler?: Handler): Promise<ChatResponse> {
  const { response, done } = await call(
    post('/api/chat', { messages: [{ role: 'user', content: question }] }),
    handler,
  );
  if (response.status !== 200) throw new Error(`POST /api/chat: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as ChatResponse;
  await done();
  return body;
}

/** Asks `/api/chat` for an SSE stream; resolves with the `done` event's response once it is logged. */
export async function askStreaming(question: string, handler?: Handler): Promise<ChatResponse> {
  const request = post('/api/chat', { messages: [{ role: 'user', content: question }], stream: true });
  const { response, done } = await call(request, handler);
  const events = parseSse(await response.text());
  await done();
  const last = events.at(-1)!;
  if (last.event !== 'done') throw new Error(`the stream ended with ${last.event}: ${JSON.stringify(last.data)}`);
  return last.data as ChatResponse;
}

export async function rate(body: unknown, handler?: Handler): Promise<Response> {
  const { response, done } = await call(post('/api/feedback', body), handler);
  await done();
  return response;
}

/** `GET /admin/api/questions` with the test's admin key. */
export async function questions(query: string, handler?: Handler): Promise<QuestionRow[]> {
  const request = new Request(`${BASE}/admin/api/questions?${query}`, {
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
  });
  const { response } = await call(request, handler);
  if (response.status !== 200) throw new Error(`GET /admin/api/questions: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { items: QuestionRow[] }).items;
}

let counter = 0;
/** A marker that makes a question its own group, whatever other tests asked. */
export function marker(): string {
  counter += 1;
  return `zq${Date.now().toString(36)}${counter}`;
}

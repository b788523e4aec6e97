/** The browser's API client against the real app in memory: what each failure looks like to the UI. */
import { describe, expect, it } from 'vitest';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { ChatResult } from '@langchain/core/outputs';
import { createApp } from '../../../app.js';
import { UpstreamError } from '../../../errors.js';
import { sampleServices } from '../../../../test/helpers/sample-services.js';
import { ChatRequestError, streamChat } from './chat-client.js';

const ENDPOINT = 'https://fa.example/api/chat';
const QUESTION = [{ role: 'user' as const, content: '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?' }];

function fetchOf(app: ReturnType<typeof createApp>, headers: Record<string, string> = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    return app.fetch(request);
  };
}

class FailingModel extends BaseChatModel {
  _llmType() {
    return 'failing';
  }
  async _generate(): Promise<ChatResult> {
    throw new UpstreamError('the model is overloaded', 503, 'upstream_unavailable');
  }
}

async function failureOf(promise: Promise<unknown>): Promise<ChatRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatRequestError);
  return error as ChatRequestError;
}

describe('streamChat', () => {
  it('streams tokens and citations, then resolves with the whole answer', async () => {
    const tokens: string[] = [];
    let cited = 0;
    const result = await streamChat(ENDPOINT, QUESTION, {
      fetch: fetchOf(createApp(sampleServices())),
      onToken: (t) => tokens.push(t),
      onCitations: (c) => (cited = c.length),
    });
    expect(tokens.join('')).toBe(result.answer);
    expect(result.answer).toContain('5조6천억 원');
    expect(cited).toBe(result.citations.length);
    expect(result.citations[0]).toMatchObject({ id: '2026-04-30-upstage-ko' });
  });

  it("reports a 429 with the API's message and its Retry-After", async () => {
    const app = createApp(sampleServices({ env: { RATE_LIMIT_PER_MINUTE: '1' } }));
    await streamChat(ENDPOINT, QUESTION, { fetch: fetchOf(app) });
    const error = await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: fetchOf(app) }));
    expect(error).toMatchObject({ kind: 'http', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/too many requests/);
  });

  it("reports a 401 and a refused origin's 403 with the API's messages", async () => {
    const keyed = createApp(sampleServices({ env: { API_KEYS: 'k' } }));
    expect(await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: fetchOf(keyed) }))).toMatchObject({
      kind: 'http',
      status: 401,
      message: expect.stringContaining('API key'),
    });
    const elsewhere = fetchOf(keyed, { origin: 'https://elsewhere.example' });
    expect(await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: elsewhere }))).toMatchObject({
      kind: 'http',
      status: 403,
      message: expect.stringContaining('WIDGET_ORIGINS'),
    });
  });

  it('reports a model failure before the first token as an HTTP error, and the network as such', async () => {
    const failing = createApp(sampleServices({ model: new FailingModel({}) }));
    const error = await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: fetchOf(failing) }));
    expect(error.kind).toBe('http');
    expect(error.status).toBeGreaterThanOrEqual(500);
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: offline }))).toMatchObject({ kind: 'network' });
  });

  it('reports an error event, and a stream cut before done', async () => {
    const sse =
      (body: string): typeof fetch =>
      async () =>
        new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const failed = sse(
      'event: token\ndata: {"text":"5조"}\n\nevent: error\ndata: {"error":{"code":"upstream_timeout","message":"the model timed out"}}\n\n',
    );
    expect(await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: failed }))).toMatchObject({
      kind: 'stream',
      message: 'the model timed out',
    });
    const cut = sse('event: token\ndata: {"text":"5조"}\n\n');
    expect(await failureOf(streamChat(ENDPOINT, QUESTION, { fetch: cut }))).toMatchObject({ kind: 'stream' });
  });
});

import { describe, expect, it } from 'vitest';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { ChatResult } from '@langchain/core/outputs';
import { createApp } from '../../src/app.js';
import { sampleServices } from '../helpers/sample-services.js';
import { parseSse } from '../helpers/sse.js';
import type { ChatResponse } from '../../src/types.js';

const app = createApp(sampleServices());

function postChat(body: unknown, init: { headers?: Record<string, string>; app?: ReturnType<typeof createApp> } = {}) {
  return (init.app ?? app).request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const ask = (content: string) => ({ messages: [{ role: 'user', content }] });

class FailingModel extends BaseChatModel {
  constructor(private readonly error: Error) {
    super({});
  }
  _llmType() {
    return 'failing';
  }
  async _generate(): Promise<ChatResult> {
    throw this.error;
  }
}

describe('GET /health', () => {
  it('reports mode and counts', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documents: number };
    expect(body).toMatchObject({ status: 'ok', mode: { index: 'local', llm: 'offline' } });
    expect(body.documents).toBe(11);
  });

  it('reports the openai-compatible mode when a model is configured', async () => {
    const configured = createApp(sampleServices({ env: { LLM_API_KEY: 'k' } }));
    expect(((await (await configured.request('/health')).json()) as { mode: unknown }).mode).toEqual({
      index: 'local',
      llm: 'openai-compatible',
    });
  });
});

describe('POST /api/chat', () => {
  it('answers a Korean question from the corpus with citations', async () => {
    const res = await postChat(ask('국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ChatResponse;
    expect(body.answer).toContain('5조6천억 원');
    expect(body.refused).toBe(false);
    expect(body.language).toBe('ko');
    expect(body.citations[0]).toMatchObject({ id: '2026-04-30-upstage-ko', date: '2026-04-30' });
    expect(body.answer).toContain(`[${body.citations[0]!.n}]`);
    expect(body.citations[0]!.snippet.length).toBeGreaterThan(20);
  });

  it('answers an English question in English', async () => {
    const body = (await (
      await postChat(ask('How many AI chips will the National AI Computing Center in Haenam bring in?'))
    ).json()) as ChatResponse;
    expect(body.language).toBe('en');
    expect(body.answer).toContain('15,000');
    expect(body.citations.map((c) => c.id)).toContain('2026-04-30-ai-computing-center-en');
  });

  it('refuses a question the corpus cannot answer', async () => {
    for (const question of [
      '후성 대출의 금리는 얼마인가요?',
      'What was the share price of the Upstage investment?',
      '오늘 서울 날씨는?',
    ]) {
      const body = (await (await postChat(ask(question))).json()) as ChatResponse;
      expect(body.refused, question).toBe(true);
    }
  });

  it('streams token events, then citations, then done, when Accept asks for SSE', async () => {
    const res = await postChat(ask('업스테이지 투자에서 IBK기업은행이 내는 금액은?'), {
      headers: { accept: 'text/event-stream' },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('token');
    expect(names.slice(-2)).toEqual(['citations', 'done']);
    const streamed = events
      .filter((e) => e.event === 'token')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    const done = events.at(-1)!.data as ChatResponse;
    expect(streamed.trim()).toBe(done.answer);
    expect(done.answer).toContain('3천억 원');
  });

  it('streams with "stream": true and answers JSON with "stream": false despite Accept', async () => {
    const sse = await postChat({ ...ask('해남 센터 완공 목표는?'), stream: true });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    const json = await postChat(
      { ...ask('해남 센터 완공 목표는?'), stream: false },
      { headers: { accept: 'text/event-stream' } },
    );
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(((await json.json()) as ChatResponse).answer).toContain('2028');
  });

  it('applies filters', async () => {
    const body = (await (
      await postChat({ ...ask('업스테이지 투자 금액'), filters: { lang: 'en' } })
    ).json()) as ChatResponse;
    expect(body.citations.every((c) => c.id.endsWith('-en'))).toBe(true);
    const none = (await (
      await postChat({ ...ask('업스테이지 투자 금액'), filters: { dateFrom: '2030-01-01' } })
    ).json()) as ChatResponse;
    expect(none.refused).toBe(true);
    expect(none.citations).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', '{"messages":', 400, 'invalid_json'],
    ['no messages', {}, 400, 'invalid_request'],
    ['a system role', { messages: [{ role: 'system', content: 'x' }] }, 400, 'invalid_request'],
    ['a last message from the assistant', { messages: [{ role: 'assistant', content: 'x' }] }, 400, 'invalid_request'],
    ['an unknown filter', { ...ask('x'), filters: { year: 2026 } }, 400, 'invalid_request'],
  ])('rejects %s with a JSON error', async (_name, body, status, code) => {
    const res = await postChat(body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('names the invalid field', async () => {
    const res = await postChat({ messages: [{ role: 'user', content: 42 }] });
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^messages\.0\.content/);
  });

  it('refuses a filter date that is no calendar day', async () => {
    const res = await postChat({
      messages: [{ role: 'user', content: '업스테이지' }],
      filters: { dateFrom: '2026-02-31' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^filters\.dateFrom/);
  });

  it('refuses a chunked body past the limit while it streams in (413), without reading it whole', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 64 MiB on offer; the server must stop asking long before that.
        if (sent >= 64 * 2 ** 20) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const res = await app.request(
      new Request('http://localhost/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(2 * 2 ** 20);
  });

  it('rejects other content types with 415 and huge bodies with 413', async () => {
    const form = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(form.status).toBe(415);
    const huge = await postChat({ messages: [{ role: 'user', content: 'x'.repeat(300_000) }] });
    expect(huge.status).toBe(413);
  });

  it('turns a model failure into a 502 and keeps serving', async () => {
    const failing = createApp(
      sampleServices({
        model: new FailingModel(Object.assign(new Error('boom: secret upstream body'), { status: 500 })),
      }),
    );
    const res = await postChat(ask('업스테이지 투자 금액은?'), { app: failing });
    expect(res.status).toBe(502);
    const body = await res.text();
    expect(body).not.toContain('secret upstream body');
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'upstream_error' } });
    expect((await failing.request('/health')).status).toBe(200);
  });

  it('answers a stream that fails before its first token with an honest status (mid-stream: test/node/openai-model.test.ts)', async () => {
    const failing = createApp(
      sampleServices({ model: new FailingModel(Object.assign(new Error('slow'), { name: 'TimeoutError' })) }),
    );
    const res = await postChat({ ...ask('업스테이지 투자 금액은?'), stream: true }, { app: failing });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
  });

  it('maps [n] markers of any chat model to citations', async () => {
    const model = new FakeListChatModel({
      responses: ['업스테이지에 5조6천억 원을 투자합니다 [1]. 출처 밖 번호 [99].'],
    });
    const body = (await (
      await postChat(ask('업스테이지 투자 금액은?'), { app: createApp(sampleServices({ model })) })
    ).json()) as ChatResponse;
    expect(body.citations.map((c) => c.n)).toEqual([1]);
    expect(body.refused).toBe(false);
  });
});

describe('routing', () => {
  it('serves the chat page, its script and a JSON 404', async () => {
    expect(await (await app.request('/')).text()).toContain('<script src="/widget.js" data-mode="page"');
    expect(await (await app.request('/widget.js')).text()).toContain('api/chat');
    const res = await app.request('/missing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

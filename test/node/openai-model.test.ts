/**
 * The hosted-model path for real: LangChain's ChatOpenAI, built by createChatModel, talks
 * HTTP to the fake OpenAI-compatible server in test/fakes, and the Hono app serves
 * /api/chat over the sample corpus. Covers JSON and SSE replies, usage, retries that honour
 * Retry-After, timeouts, broken streams, refusals, follow-up rewrites and groundedness.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { DEFAULT_LLM_MODEL, parseConfig } from '../../src/config.js';
import { createChatModel } from '../../src/answer/model-factory.js';
import { REFUSAL_TEXT } from '../../src/answer/refusal.js';
import type { ChatResponse } from '../../src/types.js';
import { sampleServices } from '../helpers/sample-services.js';
import { parseSse } from '../helpers/sse.js';
import {
  startFakeOpenAIServer,
  type ChatCompletionRequest,
  type FakeOpenAIServer,
  type FakeOpenAIServerOptions,
} from '../fakes/openai-server.js';

const API_KEY = 'sk-test-secret-key';
/** Short enough to keep the suite fast, long enough for loopback on a busy 2-core machine. */
/** The deadline of the tests that wait for one; the others get a roomy one (a loaded machine is slow). */
const TIMEOUT_MS = 400;
const ROOMY_TIMEOUT_MS = 10_000;

let fake: FakeOpenAIServer;

/** The numbered sources of the prompt, read straight from the wire. */
function sourcesOf(request: ChatCompletionRequest): Map<number, string> {
  const system = request.messages[0]!.content;
  return new Map(
    [...system.matchAll(/<source n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/source>/g)].map((m) => [Number(m[1]), m[2]!]),
  );
}

/** A well-behaved model: cites the first source that states `needle`. */
function citing(needle: string, sentence: (n: number) => string) {
  return (request: ChatCompletionRequest) => {
    const hit = [...sourcesOf(request)].find(([, text]) => text.includes(needle));
    return hit ? sentence(hit[0]) : REFUSAL_TEXT.en;
  };
}

/** A dedicated fake for tests that answer from the prompt. */
async function withServer(options: FakeOpenAIServerOptions, run: (server: FakeOpenAIServer) => Promise<void>) {
  const server = await startFakeOpenAIServer(options);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

function appFor(server: FakeOpenAIServer, env: Record<string, string> = {}) {
  const fullEnv = { LLM_BASE_URL: server.url, ...env };
  return createApp(sampleServices({ model: createChatModel(parseConfig(fullEnv)), env: fullEnv }));
}

function appWith(env: Record<string, string> = {}) {
  const fullEnv = {
    LLM_BASE_URL: fake.url,
    LLM_API_KEY: API_KEY,
    LLM_MODEL: 'solar-pro2',
    LLM_TIMEOUT_MS: String(ROOMY_TIMEOUT_MS),
    ...env,
  };
  // Short backoff steps keep retry tests fast; Retry-After still sets the real wait.
  const model = createChatModel(parseConfig(fullEnv), { retry: { baseDelayMs: 10, maxRetryAfterMs: 2_000 } });
  return createApp(sampleServices({ model, env: fullEnv }));
}

function postChat(app: ReturnType<typeof createApp>, body: Record<string, unknown>) {
  return app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeOpenAIServer({ apiKey: API_KEY });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
});

describe('answers through ChatOpenAI', () => {
  it('sends the numbered context and maps the cited [n] back to its document (JSON)', async () => {
    await withServer(
      {
        apiKey: API_KEY,
        chat: citing('5조6천억', (n) => `국민성장펀드는 업스테이지에 5조6천억 원을 투자합니다 [${n}].`),
      },
      async (server) => {
        const question = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';
        const res = await postChat(appFor(server, { LLM_API_KEY: API_KEY }), ask(question));
        expect(res.status).toBe(200);
        const body = (await res.json()) as ChatResponse;

        const [request] = server.chatRequests();
        expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
        expect(request!.model).toBe(DEFAULT_LLM_MODEL);
        expect(request!.messages[0]!.role).toBe('system');
        expect(request!.messages.at(-1)).toEqual({ role: 'user', content: question });
        const sources = sourcesOf(request!);
        expect(sources.size).toBeGreaterThan(1);
        expect([...sources.keys()]).toEqual([...Array(sources.size).keys()].map((i) => i + 1));

        expect(body.refused).toBe(false);
        expect(body.language).toBe('ko');
        expect(body.answer).toContain('5조6천억 원');
        expect(body.citations).toHaveLength(1);
        const cited = body.citations[0]!;
        expect(sources.get(cited.n)).toContain('5조6천억');
        expect(cited.id).toBe('2026-04-30-upstage-ko');
        expect(body.usage?.totalTokens).toBeGreaterThan(0);
        expect(body.usage!.totalTokens).toBe(body.usage!.promptTokens + body.usage!.completionTokens);
      },
    );
  });

  it('streams the SSE chunks as token events, asks for usage and reports it in done', async () => {
    const content = 'The SPC will bring in 15,000 advanced AI chips [1].';
    fake.enqueue({
      type: 'answer',
      content,
      chunkChars: 5,
      usage: { prompt_tokens: 321, completion_tokens: 12, total_tokens: 333 },
    });
    const res = await postChat(appWith(), ask('How many AI chips will the Haenam center bring in?', { stream: true }));
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const tokens = events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text);
    expect(tokens.length).toBeGreaterThanOrEqual(content.length / 5 - 1);
    expect(tokens.join('')).toBe(content);
    expect(events.map((e) => e.event).slice(-2)).toEqual(['citations', 'done']);
    const done = events.at(-1)!.data as ChatResponse;
    expect(done.usage).toEqual({ promptTokens: 321, completionTokens: 12, totalTokens: 333 });
    expect(done.citations.map((c) => c.n)).toEqual([1]);
    const request = fake.chatRequests()[0]!;
    expect(request.stream).toBe(true);
    expect(request.stream_options).toEqual({ include_usage: true });
  });
});

describe('retries, timeouts and broken upstreams', () => {
  it('waits out a 429 for as long as Retry-After says, then answers', async () => {
    fake.enqueue(
      { type: 'status', status: 429, headers: { 'retry-after': '1' } },
      { type: 'answer', content: 'Upstage gets 5.6 trillion won [1].' },
    );
    const res = await postChat(appWith(), ask('How much will the fund invest in Upstage?'));
    expect(res.status).toBe(200);
    const [first, second] = fake.requests;
    expect(fake.requests).toHaveLength(2);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(990);
    expect(((await res.json()) as ChatResponse).refused).toBe(false);
  });

  it('honours retry-after-ms on a 503 too', async () => {
    fake.enqueue(
      { type: 'status', status: 503, headers: { 'retry-after-ms': '300' } },
      { type: 'answer', content: 'Upstage gets 5.6 trillion won [1].' },
    );
    const res = await postChat(appWith(), ask('How much will the fund invest in Upstage?'));
    expect(res.status).toBe(200);
    expect(fake.requests[1]!.receivedAt - fake.requests[0]!.receivedAt).toBeGreaterThanOrEqual(290);
  });

  it('answers 503 at once when Retry-After asks for longer than a user should wait', async () => {
    fake.enqueue({ type: 'status', status: 429, headers: { 'retry-after': '120' } });
    const started = performance.now();
    const res = await postChat(appWith(), ask('How much will the fund invest in Upstage?'));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_rate_limited' } });
    expect(fake.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('retries a 500 twice, then answers 502 without the upstream body, and keeps serving', async () => {
    const app = appWith();
    fake.enqueue(
      ...Array.from({ length: 3 }, () => ({
        type: 'status' as const,
        status: 500,
        body: { error: { message: 'internal secret trace', type: 'server_error' } },
      })),
    );
    const res = await postChat(app, ask('How much will the fund invest in Upstage?'));
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'upstream_error' } });
    expect(text).not.toContain('internal secret trace');
    expect(fake.chatRequests()).toHaveLength(3);

    fake.enqueue({ type: 'answer', content: 'Upstage gets 5.6 trillion won [1].' });
    expect((await postChat(app, ask('How much will the fund invest in Upstage?'))).status).toBe(200);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('recovers when a 500 is followed by an answer', async () => {
    fake.enqueue({ type: 'status', status: 500 }, { type: 'answer', content: 'Upstage gets 5.6 trillion won [1].' });
    const res = await postChat(appWith(), ask('How much will the fund invest in Upstage?'));
    expect(res.status).toBe(200);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('gives up on a hanging model after LLM_TIMEOUT_MS with a 504, without retrying', async () => {
    fake.enqueue({ type: 'hang' });
    const started = performance.now();
    const res = await postChat(
      appWith({ LLM_TIMEOUT_MS: String(TIMEOUT_MS) }),
      ask('How much will the fund invest in Upstage?'),
    );
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('a hanging stream request also gets a 504 JSON error, not a dangling event stream', async () => {
    fake.enqueue({ type: 'hang' });
    const res = await postChat(
      appWith({ LLM_TIMEOUT_MS: String(TIMEOUT_MS) }),
      ask('How much will the fund invest in Upstage?', { stream: true }),
    );
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('ends a stream that stalls mid-answer with an SSE error event after the tokens', async () => {
    fake.enqueue({ type: 'stall', content: 'Upstage gets 5.6 tri' });
    const res = await postChat(
      appWith({ LLM_TIMEOUT_MS: String(TIMEOUT_MS) }),
      ask('How much will the fund invest in Upstage?', { stream: true }),
    );
    expect(res.status).toBe(200);
    const events = parseSse(await res.text());
    expect(events.some((e) => e.event === 'token')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { error: { code: 'upstream_timeout' } } });
    expect(events.some((e) => e.event === 'done')).toBe(false);
  });

  it.each([
    ['a malformed chunk', { type: 'malformed' as const, content: 'Upstage gets' }, 'upstream_malformed'],
    [
      'an error chunk',
      { type: 'stream-error' as const, content: 'Upstage gets', message: 'overloaded: trace 77' },
      'upstream_error',
    ],
    ['a dropped connection', { type: 'drop' as const, content: 'Upstage gets' }, 'upstream_error'],
  ])('ends the stream with an SSE error event on %s', async (_name, reply, code) => {
    fake.enqueue(reply);
    const res = await postChat(appWith(), ask('How much will the fund invest in Upstage?', { stream: true }));
    const text = await res.text();
    const events = parseSse(text);
    expect(events[0]).toMatchObject({ event: 'token' });
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { error: { code } } });
    expect(text).not.toContain('trace 77');
  });

  it('answers 502 naming the credentials problem on a 401, never echoing the key', async () => {
    const app = createApp(
      sampleServices({
        model: createChatModel(parseConfig({ LLM_BASE_URL: fake.url, LLM_API_KEY: 'sk-wrong-key' })),
        env: { LLM_BASE_URL: fake.url, LLM_API_KEY: 'sk-wrong-key' },
      }),
    );
    const res = await postChat(app, ask('How much will the fund invest in Upstage?'));
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'upstream_auth' } });
    expect(text).not.toContain('sk-wrong-key');
    expect(fake.chatRequests()).toHaveLength(1);
  });
});

describe('refusals, follow-ups and groundedness with a hosted model', () => {
  const RATE = 'What is the interest rate of the Housung loan?';
  it.each([
    [RATE, REFUSAL_TEXT.en, true],
    [
      RATE,
      'The announcements do not mention the interest rate of the Housung loan. They only say it is low-interest [2].',
      true,
    ],
    [
      '후성 대출 금리는?',
      '후성 대출 금리는 자료에 나와 있지 않습니다. 후성은 1,650억 원의 저리 대출을 받습니다 [1].',
      true,
    ],
    [
      'How much will Housung borrow?',
      'Housung receives a 165 billion won low-interest loan [1]. The interest rate is not stated.',
      false,
    ],
    ['후성 대출 규모는?', '후성은 1,650억 원의 저리 대출을 받습니다 [1]. 금리는 자료에 나와 있지 않습니다.', false],
  ])('decides refused from how the answer opens: %s → %s', async (question, content, refused) => {
    fake.enqueue({ type: 'answer', content });
    const body = (await (await postChat(appWith(), ask(question))).json()) as ChatResponse;
    expect(body.refused).toBe(refused);
  });

  it('an answer that cites nothing is a refusal', async () => {
    fake.enqueue({ type: 'answer', content: 'Probably around 3 percent.' });
    const body = (await (
      await postChat(appWith(), ask('What is the interest rate of the Housung loan?'))
    ).json()) as ChatResponse;
    expect(body.refused).toBe(true);
    expect(body.citations).toEqual([]);
  });

  it('asks the model to rewrite a follow-up, searches with the rewrite and adds up the usage', async () => {
    const rewritten = 'How much will the National Growth Fund lend to Housung?';
    const chat = (request: ChatCompletionRequest) =>
      request.messages[0]!.content.startsWith('Rewrite the last question')
        ? {
            type: 'answer' as const,
            content: rewritten,
            usage: { prompt_tokens: 40, completion_tokens: 10, total_tokens: 50 },
          }
        : {
            type: 'answer' as const,
            content: citing(
              '165 billion',
              (n) => `Housung will receive a 165 billion won low-interest loan [${n}].`,
            )(request),
            usage: { prompt_tokens: 900, completion_tokens: 20, total_tokens: 920 },
          };
    await withServer({ chat }, async (server) => {
      const history = [
        { role: 'user', content: 'How much will Estigen Bio borrow?' },
        { role: 'assistant', content: 'Estigen Bio will receive an 850 billion won loan [1].' },
      ];
      const followUp = { role: 'user', content: 'And the hydrogen fluoride maker?' };
      const body = (await (
        await postChat(appFor(server), { messages: [...history, followUp] })
      ).json()) as ChatResponse;
      const [rewrite, answer] = server.chatRequests();
      expect(rewrite!.messages.slice(1)).toEqual([...history, followUp]);
      // The answer prompt carries the conversation and the question as asked.
      expect(answer!.messages.at(-1)).toEqual(followUp);
      expect([...sourcesOf(answer!).values()].some((t) => t.includes('Housung') || t.includes('후성'))).toBe(true);
      expect(body.answer).toContain('165 billion won');
      expect(body.citations[0]!.id).toMatch(/housung|supply-chain/);
      expect(body.usage).toEqual({ promptTokens: 940, completionTokens: 30, totalTokens: 970 });
    });
  });

  it('flags an answer with a figure no source states as not grounded', async () => {
    fake.enqueue({ type: 'answer', content: 'The fund will invest 9 trillion won in Upstage [1].' });
    const body = (await (
      await postChat(appWith(), ask('How much will the fund invest in Upstage?'))
    ).json()) as ChatResponse;
    expect(body.refused).toBe(false);
    expect(body.grounded).toBe(false);
  });

  it.each([
    ['notGrounded', false],
    ['grounded', true],
  ])('asks GROUNDEDNESS_MODEL and reports %s', async (verdict, grounded) => {
    const chat = (request: ChatCompletionRequest) =>
      request.model === 'groundedness-check' ? verdict : 'The fund will invest 5.6 trillion won in Upstage [1].';
    await withServer({ chat }, async (server) => {
      const app = appFor(server, { GROUNDEDNESS_MODEL: 'groundedness-check' });
      const body = (await (
        await postChat(app, ask('How much will the fund invest in Upstage?'))
      ).json()) as ChatResponse;
      expect(body.grounded).toBe(grounded);
      const check = server.chatRequests().find((r) => r.model === 'groundedness-check')!;
      expect(check.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(check.messages[0]!.content).toContain('5.6 trillion won');
      expect(check.messages[1]!.content).toBe(body.answer);
    });
  });

  it('leaves grounded unset when the groundedness model fails, and still answers', async () => {
    const chat = (request: ChatCompletionRequest) =>
      request.model === 'groundedness-check'
        ? { type: 'status' as const, status: 404 }
        : 'The fund will invest 5.6 trillion won in Upstage [1].';
    await withServer({ chat }, async (server) => {
      const res = await postChat(
        appFor(server, { GROUNDEDNESS_MODEL: 'groundedness-check' }),
        ask('How much will the fund invest in Upstage?'),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).not.toHaveProperty('grounded');
    });
  });
});

describe('GROUNDEDNESS_MODEL', () => {
  it('runs on the LLM endpoint, so it needs one configured', () => {
    expect(() => parseConfig({ GROUNDEDNESS_MODEL: 'groundedness-check' })).toThrow(
      /GROUNDEDNESS_MODEL needs LLM_API_KEY or LLM_BASE_URL/,
    );
    expect(parseConfig({ LLM_API_KEY: 'k', GROUNDEDNESS_MODEL: 'groundedness-check' }).llm).toMatchObject({
      baseUrl: 'https://api.upstage.ai/v1',
      groundednessModel: 'groundedness-check',
    });
  });
});

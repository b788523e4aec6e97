/**
 * Issue 10: what one question may cost upstream is bounded. The answer's length (max_tokens,
 * and a cap on what is read from the stream, honestly marked), the bytes read from any model
 * reply, the time (one deadline across all of a question's model calls), and nothing goes
 * upstream once the client has gone. Upstream bodies never reach the logs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createChatModel } from '../../src/answer/model-factory.js';
import { createChatTranslator } from '../../src/search/query-translation.js';
import { createIndexData, LocalIndex } from '../../src/search/local-index.js';
import { buildIndexFromCorpus } from '../../src/cli/index-store.js';
import { DEFAULT_CORPUS_DIR } from '../../src/cli/paths.js';
import type { ChatResponse } from '../../src/types.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../fakes/openai-server.js';
import { parseSse } from '../helpers/sse.js';

const API_KEY = 'sk-bounded-test-key-0123456789';
const DEADLINE_MS = 1_000;
let fake: FakeOpenAIServer;
const corpus = buildIndexFromCorpus(DEFAULT_CORPUS_DIR).then((r) => r.data);

/**
 * The app over the sample corpus with the fake model. `translate`: over its Korean releases
 * only, so an English question is translated before the search (one more model call).
 */
async function appWith(env: Record<string, string> = {}, options: { translate?: boolean } = {}) {
  const fullEnv = { LLM_BASE_URL: fake.url, LLM_API_KEY: API_KEY, LLM_TIMEOUT_MS: '10000', ...env };
  const config = parseConfig(fullEnv);
  const model = createChatModel(config, { retry: { maxRetries: 0 } });
  const data = await corpus;
  const korean = data.documents.filter((d) => d.lang === 'ko');
  const index = options.translate
    ? new LocalIndex(
        createIndexData(
          korean,
          data.chunks.filter((c) => korean.some((d) => d.id === c.docId)),
        ),
      )
    : new LocalIndex(data);
  return createApp({ config, model, translator: createChatTranslator(model), retriever: async () => index });
}

function post(app: Awaited<ReturnType<typeof appWith>>, body: unknown, signal?: AbortSignal) {
  return app.request(
    new Request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    }),
  );
}

const question = (content: string, extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeOpenAIServer({ apiKey: API_KEY });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});

describe('the answer is bounded', () => {
  it('asks for LLM_MAX_TOKENS and cuts a runaway stream at its cap, marked truncated', async () => {
    fake.enqueue({ type: 'endless', piece: 'Upstage gets 5.6 trillion won [1]. ' });
    const app = await appWith({ LLM_MAX_TOKENS: '100' });
    const res = await post(app, question('How much will the fund invest in Upstage?', { stream: true }));
    const events = parseSse(await res.text());
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const response = done.data as ChatResponse;
    expect(response.truncated).toBe(true);
    expect(response.answer.length).toBeLessThanOrEqual(800);
    expect(response.citations.length).toBeGreaterThan(0);
    expect(fake.chatRequests()[0]!.max_tokens).toBe(100);
    // The runaway upstream is hung up on, not read to its end.
    await vi.waitFor(() => expect(fake.requests[0]!.abortedAt).toBeDefined());
  });

  it('marks a JSON answer the model cut at max_tokens as truncated', async () => {
    // A JSON request asks the model without streaming: its reply says it stopped at the limit.
    fake.enqueue({ type: 'answer', content: '업스테이지에 5조6천억 원 [1]을 투자하며', finishReason: 'length' });
    const res = await post(await appWith({ LLM_MAX_TOKENS: '50' }), question('업스테이지 투자 금액은?'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ChatResponse;
    expect(body.truncated).toBe(true);
    expect(fake.chatRequests()[0]!.stream).toBeFalsy();
  });

  it('refuses to read a 20 MB JSON reply, with an honest 502', async () => {
    // A follow-up is rewritten with one JSON (non-streamed) call: the reply is 20 MB.
    fake.enqueue({ type: 'endless', piece: 'x', jsonBytes: 20e6 });
    const res = await post(await appWith({ LLM_MAX_TOKENS: '64' }), {
      messages: [
        { role: 'user', content: 'How much will the fund invest in Upstage?' },
        { role: 'assistant', content: '5.6 trillion won [1].' },
        { role: 'user', content: 'And in dollars?' },
      ],
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_too_large' } });
  });
});

describe('one deadline, and nothing upstream once the client has gone', () => {
  it('a hung model costs the deadline once, not once per call (translation, then the answer)', async () => {
    fake.enqueue({ type: 'hang' }, { type: 'hang' });
    const app = await appWith({ LLM_TIMEOUT_MS: String(DEADLINE_MS) }, { translate: true });
    const started = performance.now();
    const res = await post(app, question('How much will the National Growth Fund invest in Upstage?'));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(elapsed).toBeLessThan(DEADLINE_MS * 1.9); // each call timing out in turn took twice the deadline
  });

  it('makes no further model call after the client aborts', async () => {
    fake.enqueue({ type: 'hang' });
    const app = await appWith({}, { translate: true });
    const client = new AbortController();
    const pending = post(app, question('How much will the National Growth Fund invest in Upstage?'), client.signal);
    await vi.waitFor(() => expect(fake.chatRequests()).toHaveLength(1)); // the translation call
    const abortedAt = performance.now();
    client.abort();
    await Promise.resolve(pending).then(
      (res) => res.text(),
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.chatRequests()).toHaveLength(1);
    // The hung translation was hung up on when the client left, not when its timeout came.
    expect(fake.requests[0]!.abortedAt! - abortedAt).toBeLessThan(1_000);
  });
});

describe('logs', () => {
  it('never print an upstream body, a malformed chunk or a key the upstream echoes', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    }
    const echo = { error: { message: `bad key ${API_KEY} in Authorization: Bearer ${API_KEY}`, type: 'x' } };
    fake.enqueue(
      { type: 'status', status: 400, body: echo }, // the translation
      { type: 'malformed', content: `token ${API_KEY}` }, // the answer
    );
    const app = await appWith({}, { translate: true });
    const res = await post(
      app,
      question('How much will the National Growth Fund invest in Upstage?', { stream: true }),
    );
    expect(parseSse(await res.text()).at(-1)!.event).toBe('error');
    fake.enqueue({ type: 'status', status: 401, body: echo }, { type: 'status', status: 401, body: echo });
    expect((await post(app, question('How much will the fund invest in Upstage?'))).status).toBe(502);

    const logged = lines.join('\n');
    expect(logged).not.toContain(API_KEY);
    expect(logged).not.toContain('"id":"broken"');
  });
});

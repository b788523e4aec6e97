/**
 * The app configured for Upstash Vector (UPSTASH_VECTOR_*, EMBEDDING_*, RERANK_*), driven in
 * memory: answers come from the adapter, and every upstream failure is an honest
 * 502/503/504 JSON error, never a crash or an empty "not in the documents".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createServices } from '../../src/services.js';
import { startSampleUpstash, type UpstashFixture } from '../helpers/upstash.js';
import { startFakeRerankServer, type FakeRerankServer } from '../fakes/rerank-server.js';

let fixture: UpstashFixture;
let rerank: FakeRerankServer;
beforeAll(async () => {
  fixture = await startSampleUpstash();
  rerank = await startFakeRerankServer();
}, 60_000);
afterAll(async () => {
  await fixture?.close();
  await rerank?.close();
});

const appWith = (env: Record<string, string> = {}) =>
  createApp(
    createServices(parseConfig({ ...fixture.env, ...env }), () => {
      throw new Error('the local index must not be loaded in Upstash mode');
    }),
  );

async function chat(app: ReturnType<typeof appWith>, content = '업스테이지 투자 금액은 얼마인가요?') {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content }] }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
}

describe('the app on Upstash Vector', () => {
  it('answers a filter the index cannot express with a 400, not an upstream failure', async () => {
    const res = await appWith().request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [{ role: 'user', content: '업스테이지 투자 금액은?' }],
        filters: { tags: [`it's "both"`] },
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers from the adapter and says so on /health', async () => {
    const app = appWith();
    const health = await app.request('/health');
    expect(await health.json()).toMatchObject({ mode: { index: 'upstash' }, documents: 11 });
    const { status, body } = await chat(app);
    expect(status).toBe(200);
    expect(body.answer).toContain('5조6천억 원');
  });

  it.each([
    [
      { type: 'status', status: 401, body: { error: 'Unauthorized: Invalid auth token', status: 401 } },
      502,
      'upstream_auth',
    ],
    [{ type: 'status', status: 429 }, 503, 'upstream_rate_limited'],
    [{ type: 'status', status: 503 }, 502, 'upstream_error'],
  ] as const)('answers an Upstash %j with %i %s', async (reply, status, code) => {
    const app = appWith();
    await chat(app);
    fixture.upstash.enqueue({ ...reply, command: 'query' });
    const failed = await chat(app);
    expect(failed.status).toBe(status);
    expect(failed.body.error?.code).toBe(code);
  });

  it('answers a failing embeddings endpoint with 502, naming it', async () => {
    const failed = await chat(appWith({ EMBEDDING_API_KEY: 'wrong' }));
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ code: 'upstream_auth' });
    expect(JSON.stringify(failed.body)).toContain('embeddings endpoint');
  });

  it('answers 503 index_unavailable for a namespace nothing was ingested into', async () => {
    const app = appWith({ UPSTASH_VECTOR_NAMESPACE: 'never-ingested' });
    expect((await app.request('/health')).status).toBe(503);
    const failed = await chat(app);
    expect(failed).toMatchObject({ status: 503, body: { error: { code: 'index_unavailable' } } });
  });

  it('reranks the fused passages when RERANK_* is set', async () => {
    const app = appWith({ RERANK_BASE_URL: rerank.url, RERANK_MODEL: 'fake-rerank' });
    const { status, body } = await chat(app);
    expect(status).toBe(200);
    expect(body.answer).toContain('5조6천억 원');
    expect(rerank.requests.at(-1)).toMatchObject({ model: 'fake-rerank', query: '업스테이지 투자 금액은 얼마인가요?' });
  });
});

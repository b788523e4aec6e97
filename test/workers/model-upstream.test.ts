/**
 * A hosted model's failures as workerd sees them (issue 10, defect 6). Workerd reports a
 * dropped connection as `Error: Network connection lost.`, not Node's `TypeError`, so
 * these run here, against the fake model of test/setup/fake-model.global.ts.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { lazy } from '../../src/services.js';
import { createChatModel } from '../../src/answer/model-factory.js';
import { loadIndexFromAssets } from '../../src/search/index-asset.js';

/** The worker's app on a hosted model, without query translation: one model call per question. */
function appFor(baseUrl: string) {
  const config = parseConfig({ LLM_BASE_URL: baseUrl, LLM_TIMEOUT_MS: '10000' });
  const retriever = lazy(() => loadIndexFromAssets(env.ASSETS, {}));
  return createApp({ config, model: createChatModel(config), retriever });
}

async function ask(app: ReturnType<typeof appFor>, content: string, stream = false) {
  return app.request('http://127.0.0.1:8787/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content }], stream }),
  });
}

async function requestsFor(question: string): Promise<number> {
  const counts = (await (await fetch(new URL('/__requests', inject('fakeModelUrl')))).json()) as Record<string, number>;
  return counts[question] ?? 0;
}

describe('a hosted model, from workerd', () => {
  it('retries a connection dropped before any response, and answers', async () => {
    const question = 'RESET-ONCE How much will the fund invest in Upstage?';
    const res = await ask(appFor(inject('fakeModelUrl')), question);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { answer: string }).answer).toContain('5.6 trillion won');
    expect(await requestsFor(question)).toBe(2);
  });

  it('answers 503 when the model refuses connections, after retrying', async () => {
    const started = Date.now();
    const res = await ask(appFor(inject('closedPortUrl')), 'How much will the fund invest in Upstage?');
    // Two retries wait at least 0.25 s and 0.5 s (LLM_RETRY_BASE_DELAY_MS with jitter).
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_unavailable' } });
  });

  it('answers 502 when the connection is cut mid-answer, as JSON and as an SSE error event', async () => {
    const app = appFor(inject('fakeModelUrl'));
    const json = await ask(app, 'CUT How much will the fund invest in Upstage?');
    expect(json.status).toBe(502);
    expect(await json.json()).toMatchObject({ error: { code: 'upstream_error' } });

    const stream = await ask(app, 'CUT How much will the fund invest in Upstage? (stream)', true);
    const text = await stream.text();
    expect(text).toContain('event: token');
    expect(text).toMatch(/event: error\ndata: \{"error":\{"code":"upstream_error"/);
  });
});

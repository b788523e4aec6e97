/** The whole worker in workerd, as `wrangler dev` serves it: index from assets, offline answerer. */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const worker = exports.default as { fetch(request: Request): Promise<Response> };
const BASE = 'http://127.0.0.1:8787';

async function chat(body: unknown, headers: Record<string, string> = {}) {
  return worker.fetch(
    new Request(`${BASE}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

describe('worker in workerd', () => {
  it('reports the embedded default mode and the index size on /health', async () => {
    const res = await worker.fetch(new Request(`${BASE}/health`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', mode: { index: 'local', llm: 'offline' } });
    expect(body.documents).toBeGreaterThanOrEqual(10);
    expect(body.chunks).toBeGreaterThanOrEqual(body.documents as number);
  });

  it('answers a Korean question with the amount and a citation', async () => {
    const res = await chat({
      messages: [{ role: 'user', content: '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?' }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      answer: string;
      language: string;
      refused: boolean;
      citations: { id: string }[];
    };
    expect(body.answer).toContain('5조6천억 원');
    expect(body.language).toBe('ko');
    expect(body.refused).toBe(false);
    expect(body.citations.map((c) => c.id)).toContain('2026-04-30-upstage-ko');
  });

  it('answers an English question in English', async () => {
    const res = await chat({
      messages: [
        { role: 'user', content: 'How many AI chips will the National AI Computing Center in Haenam bring in?' },
      ],
    });
    const body = (await res.json()) as { answer: string; language: string; citations: unknown[] };
    expect(body.language).toBe('en');
    expect(body.answer).toContain('15,000');
    expect(body.citations.length).toBeGreaterThan(0);
  });

  it('refuses what the corpus does not say', async () => {
    const res = await chat({ messages: [{ role: 'user', content: '후성 대출의 금리는 얼마인가요?' }] });
    const body = (await res.json()) as { refused: boolean; citations: unknown[] };
    expect(body.refused).toBe(true);
  });

  it('streams token events then done over SSE', async () => {
    const res = await chat({
      stream: true,
      messages: [{ role: 'user', content: '업스테이지 투자 재원은 어떻게 구성되나요?' }],
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('token');
    expect(events.at(-1)).toBe('done');
    expect(events).toContain('citations');
  });

  it('serves the chat page and a JSON 404', async () => {
    const page = await worker.fetch(new Request(`${BASE}/`));
    expect(await page.text()).toContain('<div id="chat"></div>');
    const missing = await worker.fetch(new Request(`${BASE}/nope`));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('does not expose the index file over HTTP', async () => {
    const res = await worker.fetch(new Request(`${BASE}/local-index.json`));
    expect(res.status).toBe(404);
  });
});

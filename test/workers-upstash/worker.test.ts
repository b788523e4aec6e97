/** The whole worker in workerd with UPSTASH_VECTOR_REST_URL set: it answers from the Upstash adapter. */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

const worker = exports.default as { fetch(request: Request): Promise<Response> };
const BASE = 'http://127.0.0.1:8787';

interface ChatBody {
  answer: string;
  language: string;
  refused: boolean;
  citations: { id: string }[];
}

async function chat(content: string, filters?: unknown): Promise<ChatBody> {
  const res = await worker.fetch(
    new Request(`${BASE}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content }], ...(filters ? { filters } : {}) }),
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as ChatBody;
}

// The first request loads the worker's modules: tens of seconds on a busy machine.
beforeAll(() => worker.fetch(new Request(`${BASE}/`)), 120_000);

describe('worker in workerd on Upstash Vector', () => {
  it('reports the upstash index and the ingested corpus on /health', async () => {
    const res = await worker.fetch(new Request(`${BASE}/health`));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      mode: { index: 'upstash', llm: 'offline' },
      documents: 11,
      chunks: expect.any(Number),
    });
  });

  it('answers a Korean question with the amount and its citation', async () => {
    const body = await chat('국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?');
    expect(body.answer).toContain('5조6천억 원');
    expect(body.refused).toBe(false);
    expect(body.citations.map((c) => c.id)).toContain('2026-04-30-upstage-ko');
  });

  it('answers an English question in English', async () => {
    const body = await chat('How many AI chips will the National AI Computing Center in Haenam bring in?');
    expect(body.language).toBe('en');
    expect(body.answer).toContain('15,000');
  });

  it('keeps to the filtered language', async () => {
    const body = await chat('업스테이지 투자 금액은?', { lang: 'en' });
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.citations.every((c) => c.id.endsWith('-en'))).toBe(true);
  });

  it('refuses what the corpus does not say', async () => {
    expect((await chat('후성 대출의 금리는 얼마인가요?')).refused).toBe(true);
  });
});

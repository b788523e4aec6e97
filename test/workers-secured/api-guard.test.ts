/**
 * Keys, rate limits and CORS on the whole worker in workerd (issue 10), configured as a
 * deployment would be: API_KEYS=k-alpha,k-beta (and k-openai, the openai client's), RATE_LIMIT_PER_MINUTE=5 (counted by the
 * RATE_LIMITER Durable Object), WIDGET_ORIGINS=https://intranet.example.
 * Each test uses its own key or client IP: the Durable Objects keep counting across tests.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { startWorkerFirst } from '../helpers/worker-start.js';

const worker = exports.default as { fetch(request: Request): Promise<Response> };
const BASE = 'http://127.0.0.1:8787';
const WIDGET_SITE = 'https://intranet.example';
const QUESTION = { messages: [{ role: 'user', content: '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?' }] };

startWorkerFirst(worker);

function chat(headers: Record<string, string> = {}, path = '/api/chat') {
  return worker.fetch(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(QUESTION),
    }),
  );
}

describe('API keys', () => {
  it('leaves /health and the chat page public', async () => {
    expect((await worker.fetch(new Request(`${BASE}/health`))).status).toBe(200);
    const page = await worker.fetch(new Request(`${BASE}/`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a call with no key, or a wrong one, with a 401 JSON error', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'Basic k-alpha' },
    ];
    for (const headers of attempts) {
      const res = await chat({ ...headers, 'cf-connecting-ip': '203.0.113.1' });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('answers a call with a right key', async () => {
    const res = await chat({ authorization: 'Bearer k-beta' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { answer: string }).answer).toContain('5조6천억 원');
  });

  it('guards /v1/* too, in OpenAI error shape', async () => {
    const res = await worker.fetch(new Request(`${BASE}/v1/models`));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'authentication_error', code: 'unauthorized' } });
  });
});

describe('rate limit', () => {
  it('allows 5 a minute per key, then 429 with Retry-After; another key is counted apart', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await chat({ authorization: 'Bearer k-alpha' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await chat({ authorization: 'Bearer k-alpha' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // k-beta answered one question above; it still has room.
    expect((await chat({ authorization: 'Bearer k-beta' })).status).toBe(200);
  });

  it('counts browser calls per IP', async () => {
    const from = (ip: string) => chat({ origin: WIDGET_SITE, 'cf-connecting-ip': ip });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await from('198.51.100.7')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await from('198.51.100.8')).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight from a widget site with that origin only', async () => {
    const preflight = (origin: string) =>
      worker.fetch(
        new Request(`${BASE}/api/chat`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        }),
      );
    const ok = await preflight(WIDGET_SITE);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(WIDGET_SITE);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a widget site and the own pages call without a key, and refuses any other origin', async () => {
    const widget = await chat({ origin: WIDGET_SITE, 'cf-connecting-ip': '192.0.2.10' });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('access-control-allow-origin')).toBe(WIDGET_SITE);
    expect((await chat({ origin: BASE, 'cf-connecting-ip': '192.0.2.11' })).status).toBe(200);

    const evil = await chat({ origin: 'https://evil.example', 'cf-connecting-ip': '192.0.2.12' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evil.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    // A key does not make a foreign page trusted.
    const keyed = await chat({ origin: 'https://evil.example', authorization: 'Bearer k-beta' });
    expect(keyed.status).toBe(403);
  });
});

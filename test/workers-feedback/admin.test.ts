/**
 * The content-gap report (issue 16) on the whole worker in workerd over a real local D1:
 * refused questions counted and grouped by their normalized text, the admin API behind
 * ADMIN_API_KEY, and the page over it.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { workerHandlers, type Env } from '../../src/worker-handlers.js';
import { TEST_ADMIN_KEY } from '../helpers/admin.js';
import { BASE, ask, call, marker, questions, type Handler } from './worker-calls.js';

const UNANSWERABLE = '후성 대출의 금리는 얼마인가요?';

function adminGet(path: string, headers: Record<string, string> = {}, handler?: Handler) {
  return call(new Request(`${BASE}${path}`, { headers }), handler);
}

describe('refused questions', () => {
  it('are counted and grouped by their normalized text, most asked first', async () => {
    const tag = marker();
    // One question in four spellings: spacing, a full-width mark, no mark, another case.
    const spellings = [
      `${tag} ${UNANSWERABLE}`,
      `  ${tag}  후성  대출의 금리는 얼마인가요？`,
      `${tag} 후성 대출의 금리는 얼마인가요`,
      `${tag.toUpperCase()} 후성 대출의 금리는 얼마인가요?`,
    ];
    const once = `${tag} 해외 지사 설립 지원금은 얼마인가요?`;
    const refusals = [];
    for (const question of [...spellings, once]) refusals.push(await ask(question));
    expect(refusals.map((r) => r.refused)).toEqual([true, true, true, true, true]);
    // A refusal may quote what the sources do say; the row lists the documents it cited.
    const cited = [...new Set(refusals.slice(0, 4).flatMap((r) => r.citations.map((c) => c.id)))].sort();
    const answered = await ask(`국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요? ${tag}`);
    expect(answered.refused).toBe(false);

    const refused = (await questions('filter=refused&limit=500')).filter((r) => r.question.toLowerCase().includes(tag));
    expect(refused.map((r) => [r.count, r.refused])).toEqual([
      [4, 4],
      [1, 1],
    ]);
    expect(refused[0]).toMatchObject({ language: 'ko', up: 0, down: 0 });
    expect([...refused[0]!.documents].sort()).toEqual(cited);
    // The latest spelling stands for the group.
    expect(refused[0]!.question).toBe(spellings.at(-1));
    expect(refused[1]!.question).toBe(once);
    expect(Date.parse(refused[0]!.last_asked)).toBeGreaterThan(Date.now() - 60_000);

    // Answered questions are in `all`, not in `refused`.
    const all = (await questions('filter=all&limit=500')).filter((r) => r.question.includes(tag));
    expect(all.some((r) => r.refused === 0 && r.count === 1)).toBe(true);
  });

  it('are counted from `since` on and cut at `limit`', async () => {
    const tag = marker();
    await ask(`${UNANSWERABLE} ${tag}`);
    const future = new Date(Date.now() + 60 * 60_000).toISOString();
    expect(await questions(`filter=refused&since=${encodeURIComponent(future)}`)).toEqual([]);
    const recent = await questions(`filter=refused&since=${new Date(Date.now() - 60_000).toISOString()}&limit=500`);
    expect(recent.some((r) => r.question.includes(tag))).toBe(true);
    expect(await questions('filter=all&limit=1')).toHaveLength(1);
  });
});

describe('the admin API', () => {
  it('needs the key as a Bearer token: none, a wrong one or another scheme is a 401', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-key-0123456789abcdef' },
      { authorization: TEST_ADMIN_KEY },
      { authorization: `Basic ${btoa(`admin:${TEST_ADMIN_KEY}`)}` },
    ];
    for (const headers of attempts) {
      const { response } = await adminGet('/admin/api/questions', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const { response } = await adminGet('/admin/api/questions', { authorization: `Bearer ${TEST_ADMIN_KEY}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Not readable from another origin: no CORS headers, whatever the Origin.
    const cross = await adminGet('/admin/api/questions', {
      authorization: `Bearer ${TEST_ADMIN_KEY}`,
      origin: 'https://elsewhere.example',
    });
    expect(cross.response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a bad query with a 400 naming the parameter', async () => {
    const auth = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    for (const [query, name] of [
      ['filter=bad', 'filter'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['since=yesterday', 'since'],
      ['since=2026-02-31', 'since'],
    ]) {
      const { response } = await adminGet(`/admin/api/questions?${query}`, auth);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        new RegExp(`^${name}:`),
      );
    }
  });

  it('is off without ADMIN_API_KEY, and says how to turn it on (403)', async () => {
    const { ADMIN_API_KEY: _key, ...withoutKey } = env as unknown as Env;
    const off = workerHandlers(withoutKey as Env) as unknown as Handler;
    const api = await adminGet('/admin/api/questions', { authorization: `Bearer ${TEST_ADMIN_KEY}` }, off);
    expect(api.response.status).toBe(403);
    const { error } = (await api.response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('admin_disabled');
    expect(error.message).toContain('ADMIN_API_KEY');
    const page = await adminGet('/admin', { accept: 'text/html' }, off);
    expect(page.response.status).toBe(403);
    expect(await page.response.text()).toContain('wrangler secret put ADMIN_API_KEY');
  });

  it('refuses to start with a key too short to be safe, naming it', () => {
    expect(() => workerHandlers({ ...(env as unknown as Env), ADMIN_API_KEY: 'short' })).toThrow(/ADMIN_API_KEY/);
  });
});

describe('GET /admin', () => {
  it('is a page whose script is its own file, as the CSP (script-src self) requires', async () => {
    const { response } = await adminGet('/admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<script src="/admin/admin.js"');
    // No inline script and no inline handler: the CSP would block them.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const script = await adminGet('/admin/admin.js');
    expect(script.response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.response.text()).toContain('sessionStorage');
  });
});

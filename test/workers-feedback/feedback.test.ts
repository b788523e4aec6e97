/**
 * Answer ids and feedback (issue 16) on the whole worker in workerd over a real local D1:
 * every channel's answer carries an id, and that id takes a rating that the admin report
 * then counts.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_CHARS } from '../../src/feedback/feedback-limits.js';
import { ask, askStreaming, call, marker, post, questions, rate } from './worker-calls.js';

const ANSWERABLE = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';
const ANSWER_ID = /^[0-9a-f]{32}$/;

async function loggedRow(id: string) {
  return env.DB.prepare('SELECT * FROM answers WHERE id = ?').bind(id).first<Record<string, unknown>>();
}

describe('answer ids', () => {
  it('are in the /api/chat JSON, the SSE done event and the /v1 completion, and each answer is logged under its id', async () => {
    const json = await ask(`${ANSWERABLE} ${marker()}`);
    const streamed = await askStreaming(`${ANSWERABLE} ${marker()}`);
    expect(json.id).toMatch(ANSWER_ID);
    expect(streamed.id).toMatch(ANSWER_ID);
    expect(streamed.id).not.toBe(json.id);

    const completionRequest = post('/v1/chat/completions', {
      model: 'fund-assistant',
      messages: [{ role: 'user', content: `${ANSWERABLE} ${marker()}` }],
    });
    const completion = await call(completionRequest);
    const body = (await completion.response.json()) as { id: string };
    await completion.done();
    expect(body.id).toMatch(/^chatcmpl-[0-9a-f]{32}$/);
    const streamedCompletion = await call(
      post('/v1/chat/completions', {
        model: 'fund-assistant',
        stream: true,
        messages: [{ role: 'user', content: `${ANSWERABLE} ${marker()}` }],
      }),
    );
    // OpenAI's stream: `data: {chunk}` lines, then `data: [DONE]`.
    const chunks = [...(await streamedCompletion.response.text()).matchAll(/^data: (\{.*\})$/gm)].map(
      (m) => JSON.parse(m[1]!) as { id: string },
    );
    expect(chunks.length).toBeGreaterThan(1);
    await streamedCompletion.done();
    // Every chunk names the same answer, from the first on.
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);

    const rows = await Promise.all(
      [json.id, streamed.id, body.id.slice('chatcmpl-'.length), chunks[0]!.id.slice('chatcmpl-'.length)].map(loggedRow),
    );
    expect(rows.map((r) => r?.channel)).toEqual(['api', 'api', 'openai', 'openai']);
    expect(rows[0]).toMatchObject({
      language: 'ko',
      refused: 0,
      model_mode: 'offline',
      model: null,
      asker: null,
    });
    expect(JSON.parse(rows[0]!.documents as string)).toContain('2026-04-30-upstage-ko');
    expect(rows[0]!.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('logs a call from a browser page as web, and keeps no IP address', async () => {
    const request = post(
      '/api/chat',
      { messages: [{ role: 'user', content: `${ANSWERABLE} ${marker()}` }] },
      { origin: 'http://127.0.0.1:8787', 'cf-connecting-ip': '203.0.113.7', 'x-forwarded-for': '203.0.113.7' },
    );
    const { response, done } = await call(request);
    const { id } = (await response.json()) as { id: string };
    await done();
    const row = await loggedRow(id);
    expect(row?.channel).toBe('web');
    expect(JSON.stringify(row)).not.toContain('203.0.113.7');
  });
});

describe('POST /api/feedback', () => {
  it("takes a rating on an answer's id, then a changed mind with a comment, and the report counts the last word", async () => {
    const question = `${ANSWERABLE} ${marker()}`;
    const { id } = await ask(question);
    expect((await rate({ id, rating: 'up' })).status).toBe(204);
    const down = await rate({ id, rating: 'down', comment: '  금액은 맞지만 승인일이 빠졌습니다.  ' });
    expect(down.status).toBe(204);
    expect(await down.text()).toBe('');

    const [row] = (await questions('filter=down&limit=500')).filter((r) => r.question === question);
    expect(row).toMatchObject({ count: 1, up: 0, down: 1, refused: 0 });
    expect(row!.comments).toMatchObject([{ rating: 'down', comment: '금액은 맞지만 승인일이 빠졌습니다.' }]);
    expect(row!.documents).toContain('2026-04-30-upstage-ko');
  });

  it('takes the chatcmpl- id a /v1 client saw', async () => {
    const completion = await call(
      post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: `${ANSWERABLE} ${marker()}` }] }),
    );
    const { id } = (await completion.response.json()) as { id: string };
    await completion.done();
    expect((await rate({ id, rating: 'down' })).status).toBe(204);
  });

  it('takes a rating sent the moment the answer arrives, before its log row is written', async () => {
    const { response, done } = await call(
      post('/api/chat', { messages: [{ role: 'user', content: `${ANSWERABLE} ${marker()}` }] }),
    );
    const { id } = (await response.json()) as { id: string };
    const rated = await call(post('/api/feedback', { id, rating: 'up' }));
    expect(rated.response.status).toBe(204);
    await Promise.all([done(), rated.done()]);
  });

  it('answers 404 for an unknown id, and 400 naming the field for a bad one', async () => {
    const unknown = await rate({ id: crypto.randomUUID(), rating: 'up' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_answer' } });

    const { id } = await ask(`${ANSWERABLE} ${marker()}`);
    const cases: [unknown, string][] = [
      [{ id, rating: 'meh' }, 'rating'],
      [{ id }, 'rating'],
      [{ id, rating: 'down', comment: 'x'.repeat(MAX_COMMENT_CHARS + 1) }, 'comment'],
      [{ id, rating: 'down', comment: 5 }, 'comment'],
      [{ rating: 'up' }, 'id'],
      [{ id: '<script>', rating: 'up' }, 'id'],
      [{ id: 'a'.repeat(101), rating: 'up' }, 'id'],
    ];
    for (const [body, field] of cases) {
      const response = await rate(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(new RegExp(`^${field}\\b`));
    }
    // A comment of exactly the limit is fine.
    expect((await rate({ id, rating: 'down', comment: '가'.repeat(MAX_COMMENT_CHARS) })).status).toBe(204);
  });
});

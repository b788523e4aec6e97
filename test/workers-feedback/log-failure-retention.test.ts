/**
 * What the answer log must never do and must always do (issue 16), on the whole worker in
 * workerd: a database that fails costs no answer, only a log line; and the daily cron
 * deletes rows older than LOG_RETENTION_DAYS, with their ratings, and nothing newer.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerHandlers, type Env } from '../../src/worker-handlers.js';
import { parseSse } from '../helpers/sse.js';
import { TEST_ADMIN_KEY } from '../helpers/admin.js';
import { BASE, ask, askStreaming, call, defaultWorker, marker, post, rate, type Handler } from './worker-calls.js';

const ANSWERABLE = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';
const DAY_MS = 24 * 60 * 60 * 1000;

afterEach(() => vi.restoreAllMocks());

describe('a D1 failure', () => {
  // A real D1 database that no migration reached: every write to the log fails in D1 itself.
  const broken = () => workerHandlers({ ...(env as unknown as Env), DB: env.UNMIGRATED_DB }) as unknown as Handler;

  it('does not fail or change the answer, on any channel: it is a log line', async () => {
    const warn = vi.spyOn(console, 'warn');
    const worker = broken();
    const json = await ask(`${ANSWERABLE} ${marker()}`, worker);
    expect(json.answer).toContain('5조6천억 원');
    const streamed = await askStreaming(`${ANSWERABLE} ${marker()}`, worker);
    expect(streamed.answer).toContain('5조6천억 원');
    const completion = await call(
      post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: ANSWERABLE }] }),
      worker,
    );
    expect(completion.response.status).toBe(200);
    await completion.done();

    const lines = warn.mock.calls.map((args) => args.join(' ')).filter((l) => l.startsWith('answer log:'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`answer ${json.id} not recorded`);
    expect(lines[0]).toMatch(/no such table: answers/);
    // The question itself stays out of the log line.
    for (const line of lines) expect(line).not.toContain('업스테이지');
  });

  it('is an honest 503 where the log is the answer: feedback and the admin report', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = broken();
    const feedback = await rate({ id: crypto.randomUUID(), rating: 'up' }, worker);
    expect(feedback.status).toBe(503);
    expect(await feedback.json()).toMatchObject({ error: { code: 'answer_log_unavailable' } });
    const report = await call(
      new Request(`${BASE}/admin/api/questions`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } }),
      worker,
    );
    expect(report.response.status).toBe(503);
    const body = await report.response.text();
    expect(body).toContain('answer_log_unavailable');
    expect(body).not.toMatch(/SQLITE|no such table/);
  });

  it('does not fail a stream either: its done event arrives with the id', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { response, done } = await call(
      post('/api/chat', { messages: [{ role: 'user', content: ANSWERABLE }], stream: true }),
      broken(),
    );
    const events = parseSse(await response.text());
    await done();
    expect(events.map((e) => e.event)).not.toContain('error');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { id: expect.any(String), refused: false } });
  });
});

describe('retention', () => {
  async function age(id: string, days: number): Promise<void> {
    await env.DB.prepare('UPDATE answers SET asked_at = ? WHERE id = ?')
      .bind(Date.now() - days * DAY_MS, id)
      .run();
  }
  const exists = async (table: 'answers' | 'feedback', id: string) =>
    (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'answers' ? 'id' : 'answer_id'} = ?`)
      .bind(id)
      .first<{ n: number }>())!.n;

  async function runCron(worker: Handler = defaultWorker): Promise<void> {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 18 * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
  }

  it('the daily cron deletes answers older than LOG_RETENTION_DAYS (90 by default) and their ratings, and keeps the rest', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const old = await ask(`${ANSWERABLE} ${marker()}`);
    const kept = await ask(`${ANSWERABLE} ${marker()}`);
    expect((await rate({ id: old.id, rating: 'down', comment: 'old news' })).status).toBe(204);
    expect((await rate({ id: kept.id, rating: 'up' })).status).toBe(204);
    await age(old.id, 91);
    await age(kept.id, 89);

    await runCron();
    expect(await exists('answers', old.id)).toBe(0);
    expect(await exists('feedback', old.id)).toBe(0);
    expect(await exists('answers', kept.id)).toBe(1);
    expect(await exists('feedback', kept.id)).toBe(1);
  });

  it('follows LOG_RETENTION_DAYS, and refuses to start on a value that is not a number of days', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const worker = workerHandlers({ ...(env as unknown as Env), LOG_RETENTION_DAYS: '7' }) as unknown as Handler;
    const week = await ask(`${ANSWERABLE} ${marker()}`);
    const day = await ask(`${ANSWERABLE} ${marker()}`);
    await age(week.id, 8);
    await age(day.id, 6);
    await runCron(worker);
    expect(await exists('answers', week.id)).toBe(0);
    expect(await exists('answers', day.id)).toBe(1);

    for (const value of ['0', '-3', 'soon', '1.5', '4000']) {
      expect(() => workerHandlers({ ...(env as unknown as Env), LOG_RETENTION_DAYS: value }), value).toThrow(
        /LOG_RETENTION_DAYS/,
      );
    }
  });
});

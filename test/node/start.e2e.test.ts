/**
 * `npm start` end to end: the real CLI builds the index and serves the worker in workerd
 * with `wrangler dev`; we talk to it over loopback HTTP like a user's browser would.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { ChatResponse } from '../../src/types.js';
import { launchChromium } from '../helpers/browser.js';
import { parseSse } from '../helpers/sse.js';
import { startWranglerDev } from '../../src/bench/wrangler-dev.js';
import { startNpmStart, STARTUP_TIMEOUT_MS, type NpmStart } from '../helpers/worker-process.js';

describe('npm start', () => {
  let worker: NpmStart;
  let base: string;

  beforeAll(async () => {
    worker = await startNpmStart();
    base = worker.url;
  }, STARTUP_TIMEOUT_MS + 5_000);

  afterAll(() => worker?.stop());

  it('serves /health in the embedded default mode', async () => {
    const body = (await (await fetch(`${base}/health`)).json()) as { documents: number };
    expect(body).toMatchObject({ status: 'ok', mode: { index: 'local', llm: 'offline' } });
    expect(body.documents).toBeGreaterThanOrEqual(10);
  });

  it('applies the D1 migrations to the local database before serving, and keeps the Slack bot off', async () => {
    expect(worker.output()).toContain('local D1 database is up to date');
    const slack = await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' });
    expect(slack.status).toBe(503);
    expect(await slack.json()).toMatchObject({ error: { code: 'slack_disabled' } });
  });

  it('answers in Korean and English with citations, and refuses the unknown', async () => {
    const post = (content: string, stream = false) =>
      fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content }], stream }),
      });
    const ko = (await (await post('국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?')).json()) as ChatResponse;
    expect(ko.answer).toContain('5조6천억 원');
    expect(ko.citations.length).toBeGreaterThan(0);
    const en = (await (
      await post('How many AI chips will the National AI Computing Center in Haenam bring in?')
    ).json()) as ChatResponse;
    expect(en).toMatchObject({ language: 'en', refused: false });
    expect(en.answer).toContain('15,000');
    const unknown = (await (await post('후성 대출의 금리는 얼마인가요?')).json()) as ChatResponse;
    expect(unknown.refused).toBe(true);
    const events = parseSse(await (await post('해남 AI 컴퓨팅센터는 언제 완공되나요?', true)).text());
    expect(events[0]!.event).toBe('token');
    expect(events.at(-1)!.event).toBe('done');
  });

  it('answers through the chat page in a real browser, with its sources one click away', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ locale: 'ko-KR' });
      await page.goto(base);
      const question = page.getByRole('textbox', { name: '질문' });
      await question.fill('국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?');
      await question.press('Enter');
      const sources = page.locator('.turn.assistant .sources li');
      await sources.first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.turn.assistant .answer').first().innerText()).toContain('5조6천억 원');
      expect(await sources.first().innerText()).toContain('업스테이지');
      expect(await page.locator('.turn.assistant .cite a').first().getAttribute('href')).toMatch(
        new RegExp(`^${base}/sources/2026-04-30-upstage-ko\\?`),
      );
      const artifacts = join(PROJECT_ROOT, 'test-artifacts');
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'chat-page.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});

describe('the worker with an invalid setting', () => {
  it(
    'refuses to start and names the variable',
    async () => {
      const failure = startWranglerDev({
        root: PROJECT_ROOT,
        vars: { LLM_TIMEOUT_MS: 'soon' },
        startupTimeoutMs: STARTUP_TIMEOUT_MS,
      });
      await expect(failure).rejects.toThrow(/exited with [1-9][\s\S]*LLM_TIMEOUT_MS must be a number/);
    },
    STARTUP_TIMEOUT_MS + 5_000,
  );
});

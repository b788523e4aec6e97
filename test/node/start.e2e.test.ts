/**
 * `npm start` end to end: the real CLI builds the index and serves the worker in workerd
 * with `wrangler dev`; we talk to it over loopback HTTP like a user's browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { parseSse } from '../helpers/sse.js';
import type { ChatResponse } from '../../src/types.js';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../helpers/browser.js';
import { WRANGLER_OFFLINE_ENV } from '../../src/cli/wrangler-env.js';

const STARTUP_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not serve /health within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`);
}

describe('npm start', () => {
  let child: ChildProcess;
  let base: string;
  let log = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn('npm', ['start'], { cwd: PROJECT_ROOT, env: { ...process.env, PORT: String(port) }, detached: true });
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    await waitForHealth(base, child, () => log);
  }, STARTUP_TIMEOUT_MS + 5_000);

  afterAll(() => {
    // npm, tsx, wrangler and workerd form one process group: stop them all.
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  });

  it('serves /health in the embedded default mode', async () => {
    const body = (await (await fetch(`${base}/health`)).json()) as { documents: number };
    expect(body).toMatchObject({ status: 'ok', mode: { index: 'local', llm: 'offline' } });
    expect(body.documents).toBeGreaterThanOrEqual(10);
  });

  it('applies the D1 migrations to the local database before serving, and keeps the Slack bot off', async () => {
    expect(log).toContain('local D1 database is up to date');
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

  it('answers through the chat page in a real browser, with its sources listed', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(base);
      await page.fill('#q', '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?');
      await page.click('#send');
      const sources = page.locator('.msg.assistant .sources li');
      await sources.first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.msg.assistant').first().innerText()).toContain('5조6천억 원');
      expect(await sources.first().innerText()).toContain('업스테이지');
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
      const port = await freePort();
      const child = spawn(
        'node_modules/.bin/wrangler',
        [
          'dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(port),
          '--var',
          'LLM_TIMEOUT_MS:soon',
          '--show-interactive-dev-session=false',
        ],
        { cwd: PROJECT_ROOT, env: { ...process.env, ...WRANGLER_OFFLINE_ENV }, detached: true },
      );
      let log = '';
      child.stdout?.on('data', (d) => (log += d));
      child.stderr?.on('data', (d) => (log += d));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          process.kill(-child.pid!, 'SIGTERM');
          resolve(null);
        }, STARTUP_TIMEOUT_MS);
        child.on('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code, log).not.toBe(0);
      expect(log).toContain('LLM_TIMEOUT_MS must be a number');
    },
    STARTUP_TIMEOUT_MS + 5_000,
  );
});

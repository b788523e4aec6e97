/**
 * Feedback and content gaps (issue 16) end to end, through `npm start` in a copy of the
 * project with its own `.dev.vars` (ADMIN_API_KEY, a widget site) and its own local D1, so
 * the developer's database is never touched: answers rated in headless Chromium on the
 * chat page and in the widget, an unanswerable question asked twice, a restart, then the
 * admin API and the /admin page over what survived it. Screenshots go to test-artifacts/.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { ChatResponse } from '../../src/types.js';
import { launchChromium } from '../helpers/browser.js';
import { serveHtml, type RunningServer } from '../helpers/http-server.js';
import { hostPage } from '../helpers/widget-page.js';
import { startNpmStart, STARTUP_TIMEOUT_MS, type NpmStart } from '../helpers/worker-process.js';
import { TEST_ADMIN_KEY, type QuestionRow } from '../helpers/admin.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
/** What a checkout needs to run `npm start`; node_modules is linked, not copied. */
const PROJECT_FILES = ['package.json', 'tsconfig.json', 'wrangler.toml', 'src', 'corpus', 'migrations'];
const ANSWER_TIMEOUT_MS = 45_000;

const DOWN_VOTED = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';
const DOWN_COMMENT = '금액은 맞지만 승인 날짜가 빠졌습니다.';
const UP_VOTED = 'How many AI chips will the National AI Computing Center in Haenam bring in?';
const UNANSWERABLE = '후성 대출의 금리는 얼마인가요?';

let root: string;
let host: RunningServer;
let worker: NpmStart;
let browser: Browser;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fund-assistant-feedback-'));
  for (const name of PROJECT_FILES) await cp(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  let script = '';
  host = await serveHtml(() => hostPage(script));
  await writeFile(join(root, '.dev.vars'), `ADMIN_API_KEY=${TEST_ADMIN_KEY}\nWIDGET_ORIGINS=${host.origin}\n`);
  worker = await startNpmStart({ root });
  script = `${worker.url}/widget.js`;
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, STARTUP_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await host?.close();
  if (root) await rm(root, { recursive: true, force: true });
}, 30_000);

async function ask(page: Page, question: string): Promise<void> {
  const input = page.getByRole('textbox', { name: /질문|Question/ });
  await input.fill(question);
  await input.press('Enter');
  await page.locator('.turn.assistant .actions .rate.down').last().waitFor({ timeout: ANSWER_TIMEOUT_MS });
}

async function adminQuestions(filter: string): Promise<QuestionRow[]> {
  const response = await fetch(`${worker.url}/admin/api/questions?filter=${filter}`, {
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: QuestionRow[] }).items;
}

describe('feedback through npm start', () => {
  it('takes a 👎 with a comment on the chat page, kept across a reload', async () => {
    const page = await browser.newPage({ locale: 'ko-KR' });
    await page.goto(worker.url);
    await ask(page, DOWN_VOTED);
    const answer = page.locator('.turn.assistant').last();
    expect(await answer.locator('.answer').innerText()).toContain('5조6천억 원');

    await answer.getByRole('button', { name: '틀렸어요' }).click();
    const comment = answer.getByRole('textbox', { name: /무엇이 틀렸나요/ });
    await comment.waitFor();
    // Focus moves to the comment box: the reader can type at once.
    expect(await comment.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await comment.fill(DOWN_COMMENT);
    await answer.getByRole('button', { name: '의견 보내기' }).click();
    await answer.getByRole('status').filter({ hasText: '의견을 보내 주셔서 감사합니다' }).waitFor();
    expect(await answer.getByRole('button', { name: '틀렸어요' }).getAttribute('aria-pressed')).toBe('true');
    expect(await answer.getByRole('button', { name: '도움이 됐어요' }).getAttribute('aria-pressed')).toBe('false');
    await page.screenshot({ path: join(ARTIFACTS, 'chat-feedback.png'), fullPage: true });

    await page.reload();
    const restored = page.locator('.turn.assistant').last();
    await restored.getByRole('button', { name: '틀렸어요' }).waitFor();
    expect(await restored.getByRole('button', { name: '틀렸어요' }).getAttribute('aria-pressed')).toBe('true');
    expect(await restored.locator('form.comment').count()).toBe(0);
    await page.close();
  });

  it('takes a 👍 in the widget on another site', async () => {
    const page = await browser.newPage({ locale: 'ko-KR' });
    await page.goto(host.origin);
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    await ask(page, UP_VOTED);
    const answer = page.locator('.turn.assistant').last();
    await answer.getByRole('button', { name: '도움이 됐어요' }).click();
    await answer.getByRole('status').filter({ hasText: '평가해 주셔서 감사합니다' }).waitFor();
    expect(await answer.getByRole('button', { name: '도움이 됐어요' }).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'widget-feedback.png') });
    await page.close();
  });

  it('logs an unanswerable question asked twice as refused', async () => {
    const replies: ChatResponse[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${worker.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: UNANSWERABLE }] }),
      });
      replies.push((await response.json()) as ChatResponse);
    }
    expect(replies.map((r) => r.refused)).toEqual([true, true]);
    expect(replies[0]!.id).not.toBe(replies[1]!.id);
  });

  it(
    'lists both after a restart: the refused question with count 2, the down-voted answer with down 1',
    async () => {
      // The log is written after each answer (waitUntil): give the last writes a moment before stopping.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await worker.stop();
      worker = await startNpmStart({ root });
      expect(worker.output()).toContain('local D1 database is up to date');

      const refused = await adminQuestions('refused');
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ question: UNANSWERABLE, count: 2, refused: 2, down: 0, language: 'ko' });

      const down = await adminQuestions('down');
      expect(down).toHaveLength(1);
      expect(down[0]).toMatchObject({ question: DOWN_VOTED, count: 1, refused: 0, up: 0, down: 1 });
      expect(down[0]!.documents).toContain('2026-04-30-upstage-ko');
      expect(down[0]!.comments.map((c) => c.comment)).toEqual([DOWN_COMMENT]);

      const all = await adminQuestions('all');
      expect(all.map((r) => r.question)).toEqual([UNANSWERABLE, expect.any(String), expect.any(String)]);
      expect(all.find((r) => r.question === UP_VOTED)).toMatchObject({ up: 1, down: 0, language: 'en' });
    },
    STARTUP_TIMEOUT_MS + 30_000,
  );

  it('prints the same report with npm run gaps, from the local database', async () => {
    const gaps = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '-s', 'gaps', '--', ...args], { cwd: root, timeout: 60_000 });
    const { stdout } = await gaps();
    expect(stdout).toMatch(new RegExp(`\\s2\\s+2\\s+ko\\s+\\S+ \\S+\\s+${UNANSWERABLE.replace('?', '\\?')}`));
    expect(stdout).toContain(`wrong: ${DOWN_COMMENT}`);
    expect(stdout).toContain('total 4 questions, 2 refused (50%)');

    const json = JSON.parse((await gaps('--json')).stdout) as { refused: QuestionRow[]; down: QuestionRow[] };
    expect(json.refused).toEqual(await adminQuestions('refused'));
    expect(json.down).toEqual(await adminQuestions('down'));
  });

  it('shows /admin in Chromium: the key asked once per tab, refused questions, down-votes with comments, a chart', async () => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${worker.url}/admin`);
    const key = page.getByLabel(/Admin key/);
    await key.fill('not-the-key-0123456789');
    await key.press('Enter');
    await page.getByText('That key was not accepted').waitFor();
    await key.fill(TEST_ADMIN_KEY);
    await key.press('Enter');

    const refused = page.locator('#refused table');
    await refused.waitFor();
    expect(await refused.locator('tbody tr').count()).toBe(1);
    expect(await refused.locator('tbody tr').first().innerText()).toMatch(
      new RegExp(`${UNANSWERABLE}[\\s\\S]*\\b2\\b`),
    );
    const down = page.locator('#down table tbody tr');
    expect(await down.count()).toBe(1);
    expect(await down.first().innerText()).toContain(DOWN_COMMENT);
    expect(await page.locator('#chart svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart .legend').innerText()).toMatch(/4 questions, 2 refused \(50%\)/);
    expect(blocked).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'admin.png'), fullPage: true });

    // The key stays for the tab (a reload shows the report), and for no other tab.
    await page.reload();
    await refused.waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    const other = await browser.newPage();
    await other.goto(`${worker.url}/admin`);
    await other.getByLabel(/Admin key/).waitFor();
    expect(await other.locator('#report').isHidden()).toBe(true);
    await other.close();
    await context.close();
  });
});

/**
 * The widget as staff meet it (issue 11): a host page on another origin embeds
 * `widget.js` from the worker running in workerd (`wrangler dev`, with API_KEYS set and
 * the host in WIDGET_ORIGINS), and headless Chromium uses it with keyboard and IME.
 * Screenshots go to test-artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { launchChromium } from '../helpers/browser.js';
import { serveHtml, type RunningServer } from '../helpers/http-server.js';
import { startWranglerDev, type WranglerDev } from '../../src/bench/wrangler-dev.js';
import { STARTUP_TIMEOUT_MS } from '../helpers/worker-process.js';
import { hostPage, widgetState } from '../helpers/widget-page.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const QUESTION = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';
/** The offline answerer answers in about a second; a shared machine may take many. */
const ANSWER_TIMEOUT_MS = 45_000;

let worker: WranglerDev;
let allowedHost: RunningServer;
let otherHost: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // The host pages need the worker's address, and the worker their origin: serve the pages first.
  let script = '';
  allowedHost = await serveHtml(() => hostPage(script));
  otherHost = await serveHtml(() => hostPage(script));
  worker = await startWranglerDev({
    root: PROJECT_ROOT,
    vars: { API_KEYS: 'e2e-secret-key', WIDGET_ORIGINS: allowedHost.origin },
    startupTimeoutMs: STARTUP_TIMEOUT_MS,
  });
  script = `${worker.url}/widget.js`;
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, STARTUP_TIMEOUT_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  worker?.stop();
  await allowedHost?.close();
  await otherHost?.close();
});

async function openHost(origin: string, viewport = { width: 1200, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'ko-KR' });
  await page.goto(origin);
  await page.locator('fund-assistant-widget .launcher').waitFor();
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  await page.getByRole('textbox', { name: '질문' }).click();
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
}

describe('the widget on another site, against the worker in workerd', () => {
  it('is guarded: the API refuses a keyless call that is not from a browser on an allowed site', async () => {
    const res = await fetch(`${worker.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: QUESTION }] }),
    });
    expect(res.status).toBe(401);
  });

  it("leaves the host page's styles alone and keeps its own", async () => {
    const page = await openHost(allowedHost.origin);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-closed.png') });
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    const state = await widgetState(page);
    // The host's aggressive rules still hold for the host's own elements…
    expect(state.hostButton).toEqual({ color: 'rgb(255, 0, 0)', background: 'rgb(0, 255, 0)', fontSize: '40px' });
    // …and reach nothing inside the widget.
    expect(state.launcher).toMatchObject({ background: 'rgb(31, 111, 235)', width: '56px', padding: '0px' });
    expect(state.title).toMatchObject({ text: '펀드 도우미', color: 'rgb(255, 255, 255)', fontSize: '16px' });
    expect(state.input).toMatchObject({ color: 'rgb(27, 31, 36)', fontSize: '15px' });
    expect(state.panelWidth).toBe(380);
    await page.close();
  });

  it('opens from its button and closes with Escape, giving focus back', async () => {
    const page = await openHost(allowedHost.origin);
    const launcher = page.getByRole('button', { name: '펀드 도우미 열기' });
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName))
      .toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className)).toBe('launcher');
    await page.close();
  });

  it('does not send on the Enter that ends a Hangul composition; Shift+Enter is a new line and the box grows', async () => {
    const page = await openHost(allowedHost.origin);
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    const input = page.getByRole('textbox', { name: '질문' });
    await input.click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '국민', selectionStart: 2, selectionEnd: 2 });
    await page.keyboard.press('Enter');
    await cdp.send('Input.insertText', { text: '국민' }); // the IME commits the syllables
    // Key events are handled in order: had that Enter sent, the question would be on screen now.
    expect(await page.locator('.turn.user').count()).toBe(0);
    // (CDP's Enter also types its newline, which a real IME's committing Enter does not.)
    expect(await input.inputValue()).toMatch(/^국민/);

    await input.fill('');
    await page.keyboard.type('국민');
    const oneLine = (await input.boundingBox())!.height;
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('성장펀드');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('투자');
    expect(await input.inputValue()).toBe('국민\n성장펀드\n투자');
    expect((await input.boundingBox())!.height).toBeGreaterThan(oneLine + 20);
    expect(await page.locator('.turn.user').count()).toBe(0);
    await page.close();
  });

  it('answers a Korean question typed with the keyboard, and its citation opens the cited passage highlighted', async () => {
    const page = await openHost(allowedHost.origin);
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    await ask(page, QUESTION);
    const answer = page.locator('.turn.assistant').last();
    await answer.locator('.sources').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await answer.locator('.answer').innerText()).toContain('5조6천억 원');
    expect(await page.locator('.turn.user').innerText()).toContain(QUESTION);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-open-answer.png') });

    const cite = answer.locator('.cite a').first();
    expect(await cite.getAttribute('href')).toMatch(new RegExp(`^${worker.url}/sources/2026-04-30-upstage-ko\\?`));
    const [source] = await Promise.all([page.context().waitForEvent('page'), cite.click()]);
    await source.waitForLoadState();
    const cited = source.locator('#cited');
    expect(await cited.locator('mark').first().innerText()).toContain('5조6천억 원');
    expect(await source.locator('h1').innerText()).toContain('업스테이지');
    expect(await cited.isVisible()).toBe(true);
    await source.screenshot({ path: join(ARTIFACTS, 'source-page.png') });

    // The conversation stays with the tab: a reload keeps it, "new chat" empties it.
    await page.reload();
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    expect(await page.locator('.turn.assistant .answer').innerText()).toContain('5조6천억 원');
    await page.getByRole('button', { name: '새 대화' }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    await page.close();
  });

  it('fills a 360 px wide phone screen, with nothing off to the side', async () => {
    const page = await openHost(allowedHost.origin, { width: 360, height: 740 });
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    await ask(page, QUESTION);
    await page.locator('.turn.assistant .sources').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    const panel = (await page.getByRole('dialog').boundingBox())!;
    expect(panel).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    const send = (await page.locator('.send').boundingBox())!;
    expect(send.x + send.width).toBeLessThanOrEqual(360);
    expect(send.y + send.height).toBeLessThanOrEqual(740);
    expect(
      await page.evaluate(() => document.activeElement?.shadowRoot?.querySelector('.log')?.scrollWidth),
    ).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone-360.png') });
    await page.close();
  });

  it('gets no answer on a site outside WIDGET_ORIGINS, and says why it might be', async () => {
    const page = await openHost(otherHost.origin);
    await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
    await ask(page, QUESTION);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await alert.innerText()).toContain('WIDGET_ORIGINS');
    expect(await page.locator('.turn.assistant').innerText()).not.toContain('5조6천억 원');
    expect(await page.getByRole('button', { name: '다시 시도' }).isVisible()).toBe(true);
    await page.close();
  });
});

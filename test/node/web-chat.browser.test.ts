/**
 * The chat UI in headless Chromium over the app served from Node, with models and corpora
 * made for each case: hostile text from the model and the corpus must stay text, and each
 * state a user can meet (stopped, refused, cut off, rate-limited, failed and retried) must
 * show. The worker in workerd is test/node/widget.e2e.test.ts.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { createApp } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { UpstreamError } from '../../src/errors.js';
import { createIndexData, LocalIndex } from '../../src/search/local-index.js';
import { launchChromium } from '../helpers/browser.js';
import { serveFetch, serveHtml, type RunningServer } from '../helpers/http-server.js';
import { sampleServices } from '../helpers/sample-services.js';
import { hostPage } from '../helpers/widget-page.js';

const ANSWER_TIMEOUT_MS = 30_000;
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const servers: RunningServer[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

type Services = ReturnType<typeof sampleServices>;

/** The app on its own origin, and a host page on another origin that embeds its widget (WIDGET_ORIGINS). */
async function serveWidget(services: (hostOrigin: string) => Services): Promise<{ page: Page; app: RunningServer }> {
  let handler: (request: Request) => Promise<Response> = async () => new Response('starting', { status: 503 });
  const app = await serveFetch((request) => handler(request));
  // No CSP on the host page: had anything hostile reached the DOM, it would run.
  const host = await serveHtml(hostPage(`${app.origin}/widget.js`));
  servers.push(app, host);
  const served = createApp(services(host.origin));
  handler = async (request) => served.fetch(request);
  const page = await browser.newPage({ locale: 'ko-KR' });
  await page.goto(host.origin);
  await page.getByRole('button', { name: '펀드 도우미 열기' }).click();
  return { page, app };
}

async function ask(page: Page, question: string): Promise<void> {
  const input = page.getByRole('textbox', { name: '질문' });
  await input.fill(question);
  await input.press('Enter');
}

const lastAnswer = (page: Page) => page.locator('.turn.assistant').last();

describe('hostile text from the model and the corpus', () => {
  const HOSTILE_DOC = '주의/악성 <b>문서</b> #1';

  function hostileServices(hostOrigin: string): Services {
    const documents = [
      {
        id: HOSTILE_DOC,
        title: `<img src=x onerror="window.__pwned='title'">업스테이지 안내`,
        lang: 'ko' as const,
        date: '2026-05-01',
        url: "javascript:window.__pwned='url'",
      },
    ];
    const chunks = [
      {
        id: `${HOSTILE_DOC}#0`,
        docId: HOSTILE_DOC,
        ordinal: 0,
        text:
          `업스테이지 투자 안내 <img src=x onerror="window.__pwned='passage'"> ` +
          `[클릭](javascript:window.__pwned='passage-link') <script>window.__pwned='script'</script>`,
      },
    ];
    const index = new LocalIndex(createIndexData(documents, chunks));
    const model = new FakeListChatModel({
      responses: [
        `업스테이지 투자 <img src=x onerror="window.__pwned='answer'"> ` +
          `[여기](javascript:window.__pwned='answer-link') <a href="javascript:window.__pwned='a'">링크</a> ` +
          `<iframe src="javascript:window.__pwned='frame'"></iframe> **굵게** [1]`,
      ],
      sleep: 1,
    });
    return { ...sampleServices({ model, env: { WIDGET_ORIGINS: hostOrigin } }), retriever: async () => index };
  }

  it('stays text in the widget, and on the source page its citation opens', async () => {
    const { page, app } = await serveWidget(hostileServices);
    await ask(page, '업스테이지 투자 안내');
    const answer = lastAnswer(page);
    await answer.locator('.sources').waitFor({ timeout: ANSWER_TIMEOUT_MS });

    const rendered = await answer.evaluate((turn) => ({
      elements: [...turn.querySelectorAll('img, script, iframe')].length,
      hrefs: [...turn.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      text: (turn as HTMLElement).innerText,
    }));
    expect(rendered.elements).toBe(0);
    expect(rendered.text).toContain(`<img src=x onerror="window.__pwned='answer'">`);
    expect(rendered.text).toContain(`<img src=x onerror="window.__pwned='title'">업스테이지 안내`);
    // Only the citation marker and the source's title link, both to the worker's source page: no javascript: URL survives.
    expect(rendered.hrefs.length).toBe(2);
    for (const href of rendered.hrefs) expect(href).toMatch(new RegExp(`^${app.origin}/sources/`));
    expect(await answer.locator('strong').innerText()).toBe('굵게');

    const [source] = await Promise.all([page.context().waitForEvent('page'), answer.locator('.cite a').click()]);
    await source.waitForLoadState();
    expect(await source.locator('h1').innerText()).toContain(`<img src=x onerror="window.__pwned='title'">`);
    expect(await source.locator('#cited').innerText()).toContain(`<script>window.__pwned='script'</script>`);
    expect(await source.locator('img, script, iframe').count()).toBe(0);
    expect(await source.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await source.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });
});

/** Fails its first `failures` calls with a 503, as a busy model does, then answers like the offline model would. */
class FlakyModel extends BaseChatModel {
  private calls = 0;
  constructor(private readonly failures: number) {
    super({});
  }
  _llmType() {
    return 'flaky';
  }
  async _generate(): Promise<ChatResult> {
    if (this.calls++ < this.failures) throw new UpstreamError('the model is overloaded', 503, 'upstream_unavailable');
    const text = '업스테이지에 5조6천억 원을 투자합니다 [1].';
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

describe('the states of an answer', () => {
  it('stops a streaming answer, keeping what arrived, and can ask again', async () => {
    const slow = new FakeListChatModel({
      responses: ['업스테이지에 대한 투자는 '.repeat(40), '두 번째 답변 [1]'],
      sleep: 60,
    });
    const { page } = await serveWidget((origin) => sampleServices({ model: slow, env: { WIDGET_ORIGINS: origin } }));
    await ask(page, '업스테이지 투자 금액은?');
    await expect
      .poll(() => lastAnswer(page).locator('.answer').innerText(), { timeout: ANSWER_TIMEOUT_MS })
      .toContain('업스테이지');
    await page.getByRole('button', { name: '중지' }).click();
    await lastAnswer(page).locator('.stopped').waitFor();
    const kept = await lastAnswer(page).locator('.answer').innerText();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan('업스테이지에 대한 투자는 '.repeat(40).length);
    expect(await page.getByRole('button', { name: '보내기' }).isVisible()).toBe(true);

    await ask(page, '업스테이지 투자 금액은?');
    await expect
      .poll(() => lastAnswer(page).locator('.answer').innerText(), { timeout: ANSWER_TIMEOUT_MS })
      .toContain('두 번째 답변');
    await page.close();
  });

  it('marks a refusal, and a truncated answer', async () => {
    const long = new FakeListChatModel({
      responses: ['업스테이지에 5조6천억 원을 투자합니다 [1]. '.repeat(20)],
      sleep: 0,
    });
    const { page } = await serveWidget((origin) =>
      sampleServices({ model: long, env: { WIDGET_ORIGINS: origin, LLM_API_KEY: 'unused', LLM_MAX_TOKENS: '16' } }),
    );
    await ask(page, '업스테이지 투자 금액은?');
    await lastAnswer(page).locator('.truncated').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await lastAnswer(page).locator('.truncated').innerText()).toContain('끊겼습니다');
    await page.close();

    const offline = await serveWidget((origin) => sampleServices({ env: { WIDGET_ORIGINS: origin } }));
    await ask(offline.page, '후성 대출의 금리는 얼마인가요?');
    const refused = lastAnswer(offline.page);
    await refused.locator('.badge').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await refused.getAttribute('class')).toContain('refused');
    expect(await refused.locator('.badge').innerText()).toBe('자료에서 답을 찾지 못했습니다');
    await mkdir(ARTIFACTS, { recursive: true });
    await offline.page.screenshot({ path: join(ARTIFACTS, 'widget-refused.png') });
    await offline.page.close();
  });

  it("shows a rate limit with the API's message and when to retry", async () => {
    const { page } = await serveWidget((origin) =>
      sampleServices({ env: { WIDGET_ORIGINS: origin, RATE_LIMIT_PER_MINUTE: '1' } }),
    );
    await ask(page, '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?');
    await lastAnswer(page).locator('.sources').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await ask(page, '언제 승인됐나요?');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await alert.innerText()).toMatch(
      /요청이 너무 많습니다\. \d+초 뒤에 다시 시도하세요\.[\s\S]*too many requests/,
    );
    expect(await page.getByRole('button', { name: '다시 시도' }).isVisible()).toBe(true);
    await page.close();
  });

  it('shows a server error with its message; retry answers in its place, and copy copies it', async () => {
    const { page } = await serveWidget((origin) =>
      sampleServices({ model: new FlakyModel(1), env: { WIDGET_ORIGINS: origin } }),
    );
    await ask(page, '업스테이지 투자 금액은?');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await alert.innerText()).toMatch(/서버에서 답변하지 못했습니다 \(503\)[\s\S]*overloaded/);
    await page.getByRole('button', { name: '다시 시도' }).click();
    await lastAnswer(page).locator('.sources').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await page.locator('.turn.assistant').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await lastAnswer(page).locator('.answer').innerText()).toContain('5조6천억 원');

    // Copy puts the answer and its sources' links on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await lastAnswer(page).getByRole('button', { name: '복사' }).click();
    await lastAnswer(page).getByRole('button', { name: '복사했습니다' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^업스테이지에 5조6천억 원을 투자합니다 \[1\]\.\n\n출처\n\[1\] .+ http:\/\/127\.0\.0\.1:\d+\/sources\//,
    );
    await page.close();
  });
});

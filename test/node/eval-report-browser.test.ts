/**
 * The HTML eval report as a reader sees it: rendered by headless Chromium from the file
 * alone, with a screenshot kept in test-artifacts/ for people to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { ExtractiveChatModel } from '../../src/answer/extractive/extractive-model.js';
import { parseGolden, type GoldenCase } from '../../src/eval/golden.js';
import { runEval } from '../../src/eval/runner.js';
import { inProcessTarget } from '../../src/eval/targets.js';
import { renderHtmlReport } from '../../src/eval/report-html.js';
import { compareRuns, previousRunSchema } from '../../src/eval/compare.js';
import { sampleCorpusIndex } from '../helpers/sample-services.js';
import { readFileSync } from 'node:fs';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');

/** A case no answerer can pass (the corpus never states 9조9천억 원): the report always has a failing case to show. */
const ALWAYS_FAILING: GoldenCase = {
  id: 'zz-always-failing',
  lang: 'ko',
  category: 'number',
  // A question the corpus answers (4조 원), so the case fails on its fact, not on a refusal.
  question: '해남 국가AI컴퓨팅센터 SPC의 자본금은 얼마인가요?',
  answerable: true,
  sources: ['2026-04-30-ai-computing-center-ko'],
  facts: ['9조9천억 원'],
};

let browser: Browser;
let reportFile: string;
let categories: string[];

beforeAll(async () => {
  const golden = parseGolden(readFileSync(join(PROJECT_ROOT, 'evals/golden.jsonl'), 'utf8'), 'evals/golden.jsonl');
  const target = inProcessTarget(
    { retriever: await sampleCorpusIndex(), model: new ExtractiveChatModel() },
    'corpus corpus',
  );
  const run = await runEval([...golden, ALWAYS_FAILING], {
    target,
    golden: 'evals/golden.jsonl',
    model: 'extractive-offline',
  });
  categories = Object.keys(run.summary.by_category);
  const previous = previousRunSchema.parse({ summary: { 'hit@5': 0, latency_ms_p50: 1e6 }, cases: [] });
  await mkdir(ARTIFACTS, { recursive: true });
  reportFile = join(ARTIFACTS, 'eval-report.html');
  await writeFile(reportFile, renderHtmlReport(run, compareRuns(run, previous)));
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML eval report in Chromium', () => {
  it('renders the category table, the charts and a failing case side by side, from the file alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(reportFile).toString());

    const rows = page.locator('#by-category tbody tr');
    await expect.poll(() => rows.count()).toBe(categories.length + 1);
    expect(await rows.first().locator('td').first().textContent()).toBe(categories[0]);
    expect(await page.locator('#summary').textContent()).toContain('▲ better');

    const bars = page.locator('#category-charts svg rect[fill="#2e7d32"], #category-charts svg rect[fill="#c62828"]');
    expect(await bars.count()).toBeGreaterThan(0);
    expect(await page.locator('#latency-chart svg rect').count()).toBeGreaterThan(0);

    const failing = page.locator('#case-zz-always-failing');
    await failing.scrollIntoViewIfNeeded();
    expect(await failing.locator('.problems').textContent()).toContain('9조9천억 원');
    const question = failing.locator('.columns > div').first().locator('p[lang="ko"]');
    expect(await question.textContent()).toBe(ALWAYS_FAILING.question);
    // Hangul must take up room on the page (a missing font or broken encoding renders nothing or boxes).
    const box = await question.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(10);
    expect(await failing.locator('.missing').textContent()).toContain('✗ 9조9천억 원');

    // The four columns sit side by side, left to right.
    const columns = await failing
      .locator('.columns > div')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
    expect(columns).toHaveLength(4);
    expect([...columns].sort((a, b) => a - b)).toEqual(columns);
    expect(new Set(columns).size).toBe(4);

    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'eval-report.png'), fullPage: true });
    await page.close();
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IsolatedLoader } from './isolated-loader.js';
import { buildIndexFromCorpus } from './index-store.js';
import { loadDocument } from '../ingest/loaders.js';
import { textPdf } from '../../test/helpers/pdf-fixtures.js';
import { blankFloodPdf } from '../../test/helpers/pdf-bombs.js';

/**
 * A content stream that inflates to 1 GB of spaces: pdf.js lexes it without producing a
 * single text item, keeping every decoded byte in a typed array outside the V8 heap, and
 * yields only to microtasks, so no limit inside its thread can stop it (it had grown past
 * 400 MB after 40 s). Only a worker that is stopped from outside can.
 */
const blank = blankFloodPdf(1024);
const report = textPdf([['Quarterly fund report', 'The fund invested 5.6 trillion won.']]);

describe('IsolatedLoader (issue 10)', () => {
  const loaders: IsolatedLoader[] = [];
  afterAll(() => Promise.all(loaders.map((l) => l.close())));
  const loader = (limits: ConstructorParameters<typeof IsolatedLoader>[0]) => {
    const made = new IsolatedLoader(limits);
    loaders.push(made);
    return made;
  };

  it('loads as in process, stops a file whose reading grows memory past the bound, then reads on in a fresh worker', async () => {
    const isolated = loader({ heapMb: 256, rssGrowthMb: 100, timeoutMs: 600_000 });
    const file = { path: 'report.pdf', bytes: report };
    expect(await isolated.load(file)).toEqual(await loadDocument(file));
    const before = process.memoryUsage.rss();
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss() - before)), 20);
    await expect(isolated.load({ path: 'blank.pdf', bytes: blank })).rejects.toThrow(
      'reading needed more than 100 MB of memory; stopped',
    );
    clearInterval(watch);
    // The watchdog looks every 100 ms: the bound plus what one interval can add.
    expect(peak / 1024 / 1024).toBeLessThan(250);
    expect((await isolated.load({ path: 'report.pdf', bytes: report })).meta.title).toBe('Quarterly fund report');
  }, 180_000);

  it('stops a file that takes longer than the time limit', async () => {
    const isolated = loader({ heapMb: 256, rssGrowthMb: 4096, timeoutMs: 2000 });
    await isolated.load({ path: 'report.pdf', bytes: report });
    const started = performance.now();
    await expect(isolated.load({ path: 'blank.pdf', bytes: blank })).rejects.toThrow(
      'reading took longer than 2 s; stopped',
    );
    expect(performance.now() - started).toBeLessThan(3000);
  }, 60_000);
});

describe('ingest reads PDFs in the isolated loader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fund-isolated-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a PDF that is stopped is one warning; the other files are indexed', async () => {
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    // Read last, after report.pdf, so one worker serves both.
    await writeFile(join(corpus, 'z-blank.pdf'), blank);
    await writeFile(join(corpus, 'report.pdf'), report);
    await writeFile(join(corpus, 'notes.md'), '# 공고\n\n국민성장펀드 본문입니다.');
    const result = await buildIndexFromCorpus(corpus, {
      // Memory alone decides here: on a busy machine the bomb grows slowly.
      isolation: { heapMb: 256, rssGrowthMb: 60, timeoutMs: 600_000 },
    });
    expect(result.warnings).toEqual([
      { file: 'z-blank.pdf', reason: 'reading needed more than 60 MB of memory; stopped' },
    ]);
    expect(result.data.documents.map((d) => d.id)).toEqual(['notes', 'report']);
  }, 180_000);
});

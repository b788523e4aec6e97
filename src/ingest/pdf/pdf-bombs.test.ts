import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFanOutPdf, manyPagesPdf, textFloodPdf } from '../../../test/helpers/pdf-bombs.js';
import { ingestInChild } from '../../../test/helpers/bounded-ingest.js';

/**
 * PDFs that made pdf.js work without end from a small file (issue 10): each ran over 40 s
 * and past 250-400 MB before the loader's limits, growing as long as it ran. They are read
 * in one fresh process with a 300 MB heap, which must end with a warning for each, its peak
 * RSS below 400 MB: loading pdf.js and reading a one-page PDF peaks at about 235 MB in such
 * a process (a 6-page FSC release at 266 MB); the three bombs together add about 30-60.
 */
describe('PDF: the loader bounds what pdf.js is asked to do', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fund-pdf-bomb-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a huge page tree, a flood of text operators and forms that fan out, below 400 MB', async () => {
    const bombs = {
      // One page listed 20,000 times (120 KB); a 1 MB file lists it 150,000 times.
      'pages.pdf': manyPagesPdf(20_000),
      // A 230 KB content stream inflating to 2 million text-showing operators.
      'flood.pdf': textFloodPdf(2_000_000),
      // Forms that draw each other ten times, eight deep: 10^8 text items from 3 KB.
      'fanout.pdf': formFanOutPdf(10, 8),
    };
    const files = await Promise.all(
      Object.entries(bombs).map(async ([name, bytes]) => {
        await writeFile(join(dir, name), bytes);
        return join(dir, name);
      }),
    );
    const result = await ingestInChild(files, 300, 120_000);
    expect(result.documents).toBe(0);
    expect(result.warnings).toEqual([
      { file: 'pages.pdf', reason: 'PDF has 20000 pages (the limit is 2000)' },
      { file: 'flood.pdf', reason: 'PDF page 1 shows more than 20000 text items (a page has a few thousand)' },
      { file: 'fanout.pdf', reason: 'PDF page 1 shows more than 20000 text items (a page has a few thousand)' },
    ]);
    expect(result.maxRssMb).toBeLessThan(400);
  }, 120_000);
});

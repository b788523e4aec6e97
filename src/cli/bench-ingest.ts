/**
 * `npm run bench:ingest -- [--docs DIR] [--copies N] [--runs N] [--json FILE]`
 * Ingest speed on real files: a temporary corpus of N copies of the documents in DIR
 * (default ../shared/data/docs: two FSC press-release PDFs and a ministry HWPX), indexed
 * cold, again with nothing changed, and again with one file changed. Medians of the runs.
 */
import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readdirSync } from 'node:fs';
import { buildIndexFromCorpus, statePaths, writeIndex, ensureIndex } from './index-store.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '../shared/data/docs' },
    copies: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});
const copies = Number(values.copies);
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

const root = await mkdtemp(join(tmpdir(), 'fund-bench-ingest-'));
try {
  const corpus = join(root, 'corpus');
  for (let i = 0; i < copies; i++) await cp(values.docs!, join(corpus, `copy-${i}`), { recursive: true });
  const indexFile = join(root, 'index', 'local-index.json');
  const cold: number[] = [];
  const warm: number[] = [];
  const oneChanged: number[] = [];
  let pages = 0;
  let chunks = 0;
  let files = 0;
  for (let run = 0; run < runs; run++) {
    await rm(join(root, 'index'), { recursive: true, force: true });
    const started = performance.now();
    const result = await buildIndexFromCorpus(corpus, { cacheFile: statePaths(indexFile).cache });
    await writeIndex(indexFile, result);
    cold.push(performance.now() - started);
    ({ pages, chunks, files } = result.summary);

    const checked = performance.now();
    if ((await ensureIndex(corpus, indexFile)).rebuilt) throw new Error('an unchanged corpus was rebuilt');
    warm.push(performance.now() - checked);

    const first = readdirSync(join(corpus, 'copy-0')).find((f) => f.endsWith('.pdf'))!;
    const target = join(corpus, 'copy-0', first);
    await writeFile(target, Buffer.concat([await readFile(target), Buffer.from('\n% touched\n')]));
    const changed = performance.now();
    const rerun = await ensureIndex(corpus, indexFile);
    oneChanged.push(performance.now() - changed);
    if (rerun.result?.summary.reused !== files - 1) throw new Error('expected every other file to be reused');
  }
  const coldSeconds = median(cold) / 1000;
  const report = {
    files,
    pages,
    chunks,
    cold_s: round(coldSeconds),
    pages_per_s: round(pages / coldSeconds, 1),
    chunks_per_s: round(chunks / coldSeconds, 1),
    unchanged_check_ms: round(median(warm), 1),
    one_changed_s: round(median(oneChanged) / 1000),
    runs,
  };
  console.log(JSON.stringify(report));
  if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2));
} finally {
  await rm(root, { recursive: true, force: true });
}

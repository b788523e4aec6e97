/**
 * `npm run bench:scale -- [--sizes 10000,100000] [--ceiling 10000,20000,…] [--passages FILE] [--questions FILE] [--queries N] [--rounds N] [--json FILE]`
 * Builds the local index and a plain bigram BM25 over synthetic corpora made from the real
 * Korean text in ../shared/data and prints, per size and in the same run: build time, heap,
 * query p50/p95 of both, the index's asset files and load time, and the ratios. Exits 1
 * when a ratio misses its issue-14 target (checked from 100,000 chunks on). With --ceiling,
 * measures how many chunks one 128 MB worker isolate holds (src/cli/isolate-ceiling.ts);
 * --ceiling alone skips the comparison.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { heapUsedAfterGc } from './heap.js';
import { PROJECT_ROOT } from './paths.js';
import { parsePassages, parseQuestions } from '../bench/retrieval-bench.js';
import { sourceSentences, syntheticCorpus } from '../bench/synthetic-corpus.js';
import {
  measureScale,
  SCALE_TARGETS,
  TARGET_CHUNKS,
  type IndexRoundTrip,
  type ScaleResult,
} from '../bench/scale-bench.js';
import { LOCAL_INDEX_FILE_NAME } from '../search/local-index.js';
import { readIndexFiles, writeIndexFiles } from './index-store.js';
import { measureCeiling, printCeiling } from './isolate-ceiling.js';

const USAGE =
  'npm run bench:scale -- [--sizes 10000,100000] [--ceiling 10000,20000,…] [--passages FILE] [--questions FILE] [--queries N] [--rounds N] [--json FILE]';
const SHARED = join(PROJECT_ROOT, '..', 'shared', 'data', 'allganize-ko');

const positiveInteger = (value: string, flag: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${flag} must be a positive integer (got "${value}")`);
  return n;
};

/** The index as `npm run ingest` writes it (a manifest and shards, in a temporary folder) and as the worker reads it. */
async function fileRoundTrip(folder: string): Promise<IndexRoundTrip> {
  return async (data) => {
    const file = join(folder, LOCAL_INDEX_FILE_NAME);
    const manifest = await writeIndexFiles(file, data);
    return {
      bytes: [(await stat(file)).size, ...manifest.shards.map((s) => s.bytes)],
      load: () => readIndexFiles(file),
    };
  };
}

function printTable(results: readonly ScaleResult[]): void {
  const header = [
    'chunks',
    'engine',
    'build s',
    'heap MiB',
    'p50 ms',
    'p95 ms',
    'files MiB',
    'largest',
    'load ms',
    'loaded MiB',
  ];
  const widths = [8, 8, 8, 9, 7, 7, 10, 8, 8, 11];
  const line = (cells: string[]) => console.log(cells.map((c, i) => c.padStart(widths[i]!)).join(' '));
  console.log('');
  line(header);
  for (const r of results) {
    const { index, plain, ratios } = r;
    line([
      String(r.chunks),
      'index',
      (index.build_ms / 1000).toFixed(1),
      index.heap_mb.toFixed(1),
      index.query_ms_p50.toFixed(2),
      index.query_ms_p95.toFixed(2),
      `${index.file_mb.toFixed(1)}/${index.files}`,
      index.largest_file_mb.toFixed(1),
      String(index.load_ms),
      index.loaded_heap_mb.toFixed(1),
    ]);
    line([
      '',
      'plain',
      (plain.build_ms / 1000).toFixed(1),
      plain.heap_mb.toFixed(1),
      plain.query_ms_p50.toFixed(2),
      plain.query_ms_p95.toFixed(2),
      '',
      '',
      '',
      '',
    ]);
    line([
      '',
      'ratio',
      `${ratios.build_ms.toFixed(2)}×`,
      `${ratios.heap_mb.toFixed(2)}×`,
      `${ratios.query_ms_p50.toFixed(2)}×`,
      `${ratios.query_ms_p95.toFixed(2)}×`,
      '',
      '',
      '',
      '',
    ]);
  }
  console.log(
    '\nheap: what each engine keeps alive beyond the chunk texts it was given; plain: BM25 over the same analyzer terms, postings as JS arrays (src/bench/plain-bm25.ts)',
  );
}

/** PASS/FAIL lines for the sizes the targets apply to; whether all passed. */
function reportTargets(results: readonly ScaleResult[]): boolean {
  const checked = results.filter((r) => r.targets.length > 0);
  if (checked.length === 0) {
    console.log(`targets (index/plain: ${targetText()}) are checked from ${TARGET_CHUNKS} chunks on: none run`);
    return true;
  }
  let allPass = true;
  for (const r of checked) {
    for (const t of r.targets) {
      allPass &&= t.pass;
      console.log(
        `${t.pass ? 'PASS' : 'FAIL'} ${r.chunks} chunks: ${t.figure} ${t.ratio.toFixed(2)}× (target ≤ ${t.limit}×)`,
      );
    }
  }
  return allPass;
}

const targetText = () =>
  Object.entries(SCALE_TARGETS)
    .map(([figure, limit]) => `${figure} ≤ ${limit}×`)
    .join(', ');

async function main() {
  const { values } = parseCli(USAGE, {
    sizes: { type: 'string' },
    ceiling: { type: 'string' },
    passages: { type: 'string', default: join(SHARED, 'passages.jsonl') },
    questions: { type: 'string', default: join(SHARED, 'questions.jsonl') },
    queries: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'string' },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const sizeList = (text: string, flag: string) =>
    text ? text.split(',').map((s) => positiveInteger(s.trim(), flag)) : [];
  const sizes = sizeList(values.sizes ?? (values.ceiling ? '' : '10000,100000'), '--sizes');
  const ceilingSizes = values.ceiling ? sizeList(values.ceiling, '--ceiling') : [];
  const queries = positiveInteger(values.queries, '--queries');
  const rounds = positiveInteger(values.rounds, '--rounds');

  const read = (file: string) => readFile(resolve(file), 'utf8').catch(() => fail(`cannot read ${file}`, 1));
  const passages = parsePassages(await read(values.passages), values.passages);
  const questions = parseQuestions(await read(values.questions), values.questions).map((q) => q.question);
  const sentences = sourceSentences(passages.map((p) => p.text));
  const titles = [...new Set(passages.map((p) => p.title.replace(/\s*\(p\.\d+\)$/, '')))];

  const folder = await mkdtemp(join(tmpdir(), 'bench-scale-'));
  const roundTrip = await fileRoundTrip(folder);
  const corpusOf = (size: number) => syntheticCorpus(sentences, titles, { chunks: size, seed: size });
  const results: ScaleResult[] = [];
  for (const size of sizes) {
    process.stderr.write(`building ${size} chunks…\n`);
    results.push(
      await measureScale(corpusOf(size), { questions, queries, rounds, heapUsed: heapUsedAfterGc, roundTrip }),
    );
  }
  const ceiling = ceilingSizes.length
    ? await measureCeiling(ceilingSizes, corpusOf, folder, (m) => process.stderr.write(`${m}\n`))
    : undefined;
  await rm(folder, { recursive: true, force: true });

  let passed = true;
  if (results.length) {
    printTable(results);
    passed = reportTargets(results);
  }
  if (ceiling) printCeiling(ceiling);
  if (values.json) {
    await writeFile(resolve(values.json), `${JSON.stringify({ sizes: results, ceiling }, null, 2)}\n`);
  }
  if (!passed) process.exitCode = 1;
}

main().catch((error) => fail((error as Error).message, 1));

/**
 * `npm run bench:scale -- [--sizes 10000,100000] [--passages FILE] [--questions FILE] [--queries N] [--json FILE]`
 * Builds the local index over synthetic corpora made from the real Korean text in
 * ../shared/data and prints, per size: build time, index heap, serialized size, load time
 * and query p50/p95 (the benchmark questions, asked in turn).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { heapUsedAfterGc } from './heap.js';
import { PROJECT_ROOT } from './paths.js';
import { parsePassages, parseQuestions } from '../bench/retrieval-bench.js';
import { quantile } from '../bench/retrieval-metrics.js';
import { sourceSentences, syntheticCorpus } from '../bench/synthetic-corpus.js';
import { createIndexData, LocalIndex } from '../search/local-index.js';

const USAGE =
  'npm run bench:scale -- [--sizes 10000,100000] [--passages FILE] [--questions FILE] [--queries N] [--json FILE]';
const SHARED = join(PROJECT_ROOT, '..', 'shared', 'data', 'allganize-ko');

interface ScaleRow {
  chunks: number;
  build_ms: number;
  heap_mb: number;
  serialized_mb: number;
  load_ms: number;
  query_ms_p50: number;
  query_ms_p95: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const ms = (value: number) => Math.round(value * 1000) / 1000;

async function main() {
  const { values } = parseCli(USAGE, {
    sizes: { type: 'string', default: '10000,100000' },
    passages: { type: 'string', default: join(SHARED, 'passages.jsonl') },
    questions: { type: 'string', default: join(SHARED, 'questions.jsonl') },
    queries: { type: 'string', default: '300' },
    json: { type: 'string' },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    fail(`--sizes must be positive integers (got "${values.sizes}")`);
  const queryCount = Number(values.queries);
  if (!Number.isInteger(queryCount) || queryCount <= 0) fail(`--queries must be a positive integer`);

  const read = (file: string) => readFile(resolve(file), 'utf8').catch(() => fail(`cannot read ${file}`, 1));
  const passages = parsePassages(await read(values.passages), values.passages);
  const questions = parseQuestions(await read(values.questions), values.questions).map((q) => q.question);
  const sentences = sourceSentences(passages.map((p) => p.text));
  const titles = [...new Set(passages.map((p) => p.title.replace(/\s*\(p\.\d+\)$/, '')))];

  const rows: ScaleRow[] = [];
  for (const size of sizes) {
    process.stderr.write(`building ${size} chunks…\n`);
    const corpus = syntheticCorpus(sentences, titles, { chunks: size, seed: size });
    const before = heapUsedAfterGc();
    const started = performance.now();
    let index = new LocalIndex(createIndexData(corpus.documents, corpus.chunks));
    const buildMs = performance.now() - started;
    const heapMb = mb(heapUsedAfterGc() - before);

    const json = JSON.stringify(index.data);
    const serializedMb = mb(Buffer.byteLength(json));
    const loadStarted = performance.now();
    index = LocalIndex.fromJSON(json);
    const loadMs = performance.now() - loadStarted;

    for (const q of questions.slice(0, 20)) await index.search(q); // warm-up
    const times: number[] = [];
    for (let i = 0; i < queryCount; i++) {
      const t0 = performance.now();
      await index.search(questions[i % questions.length]!);
      times.push(performance.now() - t0);
    }
    rows.push({
      chunks: size,
      build_ms: Math.round(buildMs),
      heap_mb: heapMb,
      serialized_mb: serializedMb,
      load_ms: Math.round(loadMs),
      query_ms_p50: ms(quantile(times, 0.5)),
      query_ms_p95: ms(quantile(times, 0.95)),
    });
  }

  console.log(
    `\n${'chunks'.padStart(8)} ${'build s'.padStart(8)} ${'heap MiB'.padStart(9)} ${'file MiB'.padStart(9)} ${'load ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)}`,
  );
  for (const r of rows) {
    console.log(
      `${String(r.chunks).padStart(8)} ${(r.build_ms / 1000).toFixed(1).padStart(8)} ${r.heap_mb.toFixed(1).padStart(9)} ` +
        `${r.serialized_mb.toFixed(1).padStart(9)} ${String(r.load_ms).padStart(8)} ${r.query_ms_p50.toFixed(2).padStart(7)} ${r.query_ms_p95.toFixed(2).padStart(7)}`,
    );
  }
  console.log('\nheap: what the built index keeps alive beyond the corpus text it was given (typed arrays included)');
  if (values.json) await writeFile(resolve(values.json), `${JSON.stringify(rows, null, 2)}\n`);
}

main().catch((error) => fail((error as Error).message, 1));

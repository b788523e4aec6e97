/**
 * `npm run ingest -- [--corpus DIR] [--out FILE] [--target local|upstash] [--dry-run] [--reset]`
 * Builds the search index from a corpus folder and prints a summary. Runs are incremental:
 * files unchanged since the last run (same size and mtime, or same content hash) reuse
 * their chunks; removed files drop out; the index is replaced atomically at the end. Ends
 * with the index's size against the Workers limits (25 MiB an asset, 128 MB an isolate).
 * `--target upstash` syncs the configured Upstash Vector namespace instead (upstash-ingest.ts).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE } from './paths.js';
import { buildIndexFromCorpus, statePaths, writeIndex } from './index-store.js';
import { DEFAULT_ISOLATION_LIMITS } from './isolated-loader.js';
import { loadCliConfig } from './dev-vars.js';
import { embedderFromConfig } from '../search/embeddings.js';
import { formatProgress, formatSummary, formatWarning, type IngestProgress } from '../ingest/progress.js';
import { ingestToUpstash } from './upstash-ingest.js';
import { formatCapacity, indexCapacity } from '../search/index-capacity.js';

const USAGE = 'npm run ingest -- [--corpus DIR] [--out FILE] [--target local|upstash] [--dry-run] [--reset]';
/** Without a terminal (CI logs, pipes), one plain progress line this often. */
const LOG_EVERY_MS = 5000;
/** Runs shorter than this show no progress at all: the summary says it all. */
const QUIET_MS = 1000;

/** Progress on stderr: a bar redrawn in place on a terminal, a periodic plain line otherwise. */
function progressReporter(stream: NodeJS.WriteStream) {
  let lastLog = 0;
  let drawn = false;
  const started = performance.now();
  const show = (drawnLine: string, plainLine: string, elapsedMs: number) => {
    if (elapsedMs < QUIET_MS) return;
    if (stream.isTTY) {
      stream.write(`\r\x1b[2K${drawnLine}`);
      drawn = true;
    } else if (elapsedMs - lastLog >= LOG_EVERY_MS) {
      lastLog = elapsedMs;
      stream.write(`${plainLine}\n`);
    }
  };
  return {
    update(progress: IngestProgress) {
      show(
        formatProgress(progress, { columns: stream.columns ?? 100 }),
        formatProgress(progress, { bar: false, columns: 200 }),
        progress.elapsedMs,
      );
    },
    /** A line of its own (the Upstash upload); undefined clears it. */
    line(text: string | undefined) {
      if (text === undefined) this.clear();
      else show(text, text, performance.now() - started);
    },
    /** Clears the bar, so warnings and the summary start on a clean line. */
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

async function main() {
  const { values } = parseCli(USAGE, {
    corpus: { type: 'string' },
    out: { type: 'string' },
    target: { type: 'string', default: 'local' },
    'dry-run': { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  if (values.target !== 'local' && values.target !== 'upstash')
    fail(`--target must be local or upstash (got "${values.target}")`);

  const corpus = resolve(values.corpus ?? DEFAULT_CORPUS_DIR);
  const progress = progressReporter(process.stderr);
  if (values.target === 'upstash') {
    if (values.out) fail('--out applies to --target local; Upstash is named by UPSTASH_VECTOR_REST_URL and _NAMESPACE');
    await ingestToUpstash({
      corpus,
      config: loadCliConfig(),
      dryRun: values['dry-run'],
      reset: values.reset,
      onFileProgress: (p) => progress.update(p),
      onProgressLine: (line) => progress.line(line),
      onWarning: (message) => {
        progress.clear();
        process.stderr.write(`warning: ${message}\n`);
      },
      log: (line) => console.log(line),
    });
    return;
  }
  if (values['dry-run'] || values.reset) fail('--dry-run and --reset apply to --target upstash');

  const out = resolve(values.out ?? DEFAULT_INDEX_FILE);
  const result = await buildIndexFromCorpus(corpus, {
    cacheFile: statePaths(out).cache,
    embedder: embedderFromConfig(loadCliConfig().embedding),
    isolation: DEFAULT_ISOLATION_LIMITS,
    onProgress: (p) => progress.update(p),
    onWarning: (w) => {
      progress.clear();
      process.stderr.write(`${formatWarning(w)}\n`);
    },
  });
  progress.clear();
  const files = await writeIndex(out, result);
  for (const line of formatSummary(result.summary)) console.log(line);
  console.log(`index: ${out}`);
  const capacity = indexCapacity(files, (await stat(out)).size);
  for (const line of formatCapacity(capacity, files.shards.length + 1)) console.log(line);
}

/** A named error: what failed and, for an upstream, the code the API would answer with. */
function describeError(error: unknown): string {
  const e = error as Error & { code?: unknown };
  const named = e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  return typeof e.code === 'string' ? `${named} [${e.code}]` : named;
}

main().catch((error) => fail(describeError(error), 1));

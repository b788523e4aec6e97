/**
 * `npm run ingest -- [--corpus DIR] [--out FILE] [--target local|upstash]`
 * Builds the search index from a corpus folder and prints a summary. Runs are incremental:
 * files unchanged since the last run (same size and mtime, or same content hash) reuse
 * their chunks; removed files drop out; the index is replaced atomically at the end.
 */
import { resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE } from './paths.js';
import { buildIndexFromCorpus, statePaths, writeIndex } from './index-store.js';
import { loadCliConfig } from './dev-vars.js';
import { embedderFromConfig } from '../search/embeddings.js';
import { formatProgress, formatSummary, type IngestProgress } from '../ingest/progress.js';

const USAGE = 'npm run ingest -- [--corpus DIR] [--out FILE] [--target local|upstash]';
/** Without a terminal (CI logs, pipes), one plain progress line this often. */
const LOG_EVERY_MS = 5000;
/** Runs shorter than this show no progress at all: the summary says it all. */
const QUIET_MS = 1000;

/** Progress on stderr: a bar redrawn in place on a terminal, a periodic plain line otherwise. */
function progressReporter(stream: NodeJS.WriteStream) {
  let lastLog = 0;
  let drawn = false;
  return {
    update(progress: IngestProgress) {
      if (progress.elapsedMs < QUIET_MS) return;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${formatProgress(progress, { columns: stream.columns ?? 100 })}`);
        drawn = true;
      } else if (progress.elapsedMs - lastLog >= LOG_EVERY_MS) {
        lastLog = progress.elapsedMs;
        stream.write(`${formatProgress(progress, { bar: false, columns: 200 })}\n`);
      }
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
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  if (values.target !== 'local' && values.target !== 'upstash')
    fail(`--target must be local or upstash (got "${values.target}")`);
  if (values.target === 'upstash') fail('--target upstash is not available in this build yet; use --target local', 1);

  const corpus = resolve(values.corpus ?? DEFAULT_CORPUS_DIR);
  const out = resolve(values.out ?? DEFAULT_INDEX_FILE);
  const progress = progressReporter(process.stderr);
  const result = await buildIndexFromCorpus(corpus, {
    cacheFile: statePaths(out).cache,
    embedder: embedderFromConfig(loadCliConfig().embedding),
    onProgress: (p) => progress.update(p),
    onWarning: (w) => {
      progress.clear();
      process.stderr.write(`warning: skipped ${w.file}: ${w.reason}\n`);
    },
  });
  progress.clear();
  await writeIndex(out, result);
  for (const line of formatSummary(result.summary)) console.log(line);
  console.log(`index: ${out}`);
}

main().catch((error) => fail((error as Error).message, 1));

/**
 * `npm run ingest -- [--corpus DIR] [--out FILE] [--target local|upstash]`
 * Builds the search index from a corpus folder and prints a summary.
 */
import { resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE } from './paths.js';
import { buildIndexFromCorpus, writeIndex } from './index-store.js';

const USAGE = 'npm run ingest -- [--corpus DIR] [--out FILE] [--target local|upstash]';

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
  const result = await buildIndexFromCorpus(corpus, {
    onWarning: (w) => process.stderr.write(`warning: skipped ${w.file}: ${w.reason}\n`),
  });
  await writeIndex(out, result);
  const { documents, chunks } = result.data;
  console.log(
    `indexed ${documents.length} documents, ${chunks.length} chunks from ${result.files} files ` +
      `(${result.warnings.length} skipped) in ${result.seconds.toFixed(2)} s -> ${out}`,
  );
}

main().catch((error) => fail((error as Error).message, 1));

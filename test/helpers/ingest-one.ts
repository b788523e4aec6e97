/**
 * `node --import tsx test/helpers/ingest-one.ts FILE...`: ingests files in a fresh process
 * and prints what became of them with the process's peak memory, so resource tests can run
 * hostile files under a heap limit (`--max-old-space-size`) and read the bound it kept.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ingestFiles } from '../../src/ingest/corpus.js';

const files = process.argv.slice(2);
const started = performance.now();
const corpus = await ingestFiles(
  files.map((file) => ({ path: basename(file), bytes: new Uint8Array(readFileSync(file)) })),
);
console.log(
  JSON.stringify({
    documents: corpus.documents.length,
    chunks: corpus.chunks.length,
    warnings: corpus.warnings,
    ms: Math.round(performance.now() - started),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

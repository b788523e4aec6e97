/**
 * `npm run ingest -- --target upstash [--corpus DIR] [--dry-run] [--reset]`: reads the corpus
 * as the local ingest does, then brings the configured Upstash Vector namespace in line with
 * it (src/search/upstash-sync.ts): new and changed documents embedded and upserted in
 * batches of at most 1,000, removed ones deleted, with a progress bar and a summary. 429s
 * and 5xx from Upstash and the embeddings endpoint are retried with backoff; what still
 * fails stops the run with a named error, and a re-run picks up where it stopped.
 */
import { formatWarning } from '../ingest/progress.js';
import { DEFAULT_ISOLATION_LIMITS } from './isolated-loader.js';
import { Index } from '@upstash/vector';
import type { Config } from '../config.js';
import { embedderFromConfig } from '../search/embeddings.js';
import { INGEST_RETRY } from '../search/backoff.js';
import { createUpstashRequester } from '../search/upstash-requester.js';
import { syncToUpstash, type SyncProgress, type SyncSummary } from '../search/upstash-sync.js';
import { buildIndexFromCorpus } from './index-store.js';
import { etaSeconds, formatDuration, type IngestProgress } from '../ingest/progress.js';

export interface UpstashIngestOptions {
  corpus: string;
  config: Config;
  dryRun: boolean;
  reset: boolean;
  /** Progress while the files are read (the local ingest's reporter). */
  onFileProgress: (progress: IngestProgress) => void;
  onWarning: (message: string) => void;
  /** Redraws one progress line; `undefined` clears it. */
  onProgressLine: (line: string | undefined) => void;
  log: (line: string) => void;
}

/** `[#########.......]  400/1,000 chunks  40%  ETA 12 s` */
export function formatSyncProgress(progress: SyncProgress, elapsedMs: number): string {
  const share = progress.total ? progress.done / progress.total : 1;
  const eta = etaSeconds({ done: progress.done, total: progress.total, elapsedMs });
  const bar = `[${'#'.repeat(Math.round(share * 24)).padEnd(24, '.')}]`;
  const verb = progress.phase === 'upload' ? 'upserted' : 'deleted';
  return [
    bar,
    `${progress.done.toLocaleString('en')}/${progress.total.toLocaleString('en')} chunks ${verb}`,
    `${Math.floor(share * 100)}%`,
    eta === undefined ? 'ETA …' : `ETA ${formatDuration(eta)}`,
  ].join('  ');
}

/** The closing lines of a run. */
export function formatSyncSummary(summary: SyncSummary, where: string): string[] {
  const d = summary.documents;
  const docs = `${d.added} new, ${d.changed} changed, ${d.unchanged} unchanged, ${d.removed} removed documents`;
  if (summary.dryRun) {
    return [
      `dry run, nothing written: ${docs}`,
      `would upsert ${summary.chunks.upserted} of ${summary.chunks.total} chunks and delete ${summary.chunks.deleted} ` +
        `(${where})`,
    ];
  }
  const pace = summary.seconds > 0 ? (summary.chunks.upserted / summary.seconds).toFixed(1) : '–';
  return [
    `upstash: ${docs}`,
    `upserted ${summary.chunks.upserted} of ${summary.chunks.total} chunks (${pace} chunks/s), deleted ` +
      `${summary.chunks.deleted}; ${summary.vectorsWritten} vectors written in ${summary.requests} requests, ` +
      `${summary.seconds.toFixed(2)} s`,
    `index: ${where}, generation ${summary.generation}`,
  ];
}

export async function ingestToUpstash(options: UpstashIngestOptions): Promise<SyncSummary> {
  const upstash = options.config.upstash;
  if (!upstash) {
    throw new Error(
      '--target upstash needs UPSTASH_VECTOR_REST_URL and UPSTASH_VECTOR_REST_TOKEN (in .dev.vars or the environment)',
    );
  }
  const read = await buildIndexFromCorpus(options.corpus, {
    onProgress: options.onFileProgress,
    onWarning: (w) => options.onWarning(formatWarning(w).replace(/^warning: /, '')),
    isolation: DEFAULT_ISOLATION_LIMITS,
  });
  options.onProgressLine(undefined);
  options.log(
    `read ${read.data.documents.length} documents (${read.data.chunks.length} chunks) from ${read.files} files ` +
      `in ${read.seconds.toFixed(2)} s`,
  );

  const started = performance.now();
  const retry = {
    ...INGEST_RETRY,
    onRetry: (error: unknown, attempt: number, delayMs: number) =>
      options.onWarning(`${(error as Error).message}; retry ${attempt} in ${formatDuration(delayMs / 1000)}`),
  };
  const summary = await syncToUpstash(
    { documents: read.data.documents, chunks: read.data.chunks, glossary: read.data.glossary },
    {
      index: new Index(createUpstashRequester({ url: upstash.url, token: upstash.token, retry })),
      namespace: upstash.namespace,
      embedding: upstash.embedding,
      embedder: embedderFromConfig(options.config.embedding, { retry }),
      dryRun: options.dryRun,
      reset: options.reset,
      onProgress: (p) => options.onProgressLine(formatSyncProgress(p, performance.now() - started)),
    },
  );
  options.onProgressLine(undefined);
  const where = `${new URL(upstash.url).host} namespace "${upstash.namespace}"`;
  for (const line of formatSyncSummary(summary, where)) options.log(line);
  return summary;
}

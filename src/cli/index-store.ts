import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { assembleCorpus, ingestFile, ingestSettingsKey, type FileOutcome } from '../ingest/corpus.js';
import type { IngestWarning, SourceFile } from '../ingest/types.js';
import { loadDocument } from '../ingest/loaders.js';
import { extensionOf } from '../ingest/document-id.js';
import { DEFAULT_ISOLATION_LIMITS, IsolatedLoader, type IsolationLimits } from './isolated-loader.js';
import type { IngestProgress, IngestSummary } from '../ingest/progress.js';
import {
  createIndexData,
  embedChunks,
  LOCAL_INDEX_VERSION,
  LocalIndex,
  type LocalIndexData,
  type LocalIndexOptions,
} from '../search/local-index.js';
import { encodeIndexFiles, type EncodeOptions, type IndexFileManifest } from '../search/index-file.js';
import { decodeIndexFiles, parseManifest } from '../search/index-file-reader.js';
import type { Embedder } from '../search/embeddings.js';
import { listCorpus, readSourceFile, type CorpusEntry } from './corpus-files.js';
import { escapeRegExp } from '../text/normalize.js';

/**
 * What an index was built from, to tell cheaply whether it is stale: per file (keyed by its
 * path on disk) the content hash, and the size and mtime that let an unchanged file skip hashing.
 */
export interface IndexManifest {
  indexVersion: number;
  /** INGEST_VERSION and chunk size: a new build of ingest re-reads everything. */
  ingest: string;
  corpus: string;
  files: Record<string, FileStamp>;
}

export interface FileStamp {
  hash: string;
  size: number;
  mtimeMs: number;
}

/** Per-file outcomes of the last run, so an incremental run re-reads only changed files. */
interface IngestCache {
  ingest: string;
  corpus: string;
  files: Record<string, FileStamp & { outcome: FileOutcome }>;
}

export interface BuildResult {
  data: LocalIndexData;
  manifest: IndexManifest;
  cache: IngestCache;
  warnings: IngestWarning[];
  files: number;
  seconds: number;
  summary: IngestSummary;
}

export interface BuildOptions {
  onWarning?: (warning: IngestWarning) => void;
  /** Called after each file. */
  onProgress?: (progress: IngestProgress) => void;
  /** Reuse what an earlier run made of unchanged files (the cache `writeIndex` leaves beside the index). */
  cacheFile?: string;
  /** Files larger than this are skipped unread (default MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Embeds every chunk for hybrid search (EMBEDDING_* configured); absent: keywords only. */
  embedder?: Embedder;
  /**
   * Read PDFs in a worker thread that is stopped past these limits (IsolatedLoader).
   * Absent, PDFs are read in this thread (bounded only by the loader's own page and text
   * limits): starting the worker costs seconds, which a test or a tool over known files
   * need not pay. `npm run ingest` and ensureIndex (`npm start`) pass DEFAULT_ISOLATION_LIMITS.
   */
  isolation?: IsolationLimits;
}

/**
 * Formats read in a worker (IsolatedLoader): pdf.js's work cannot be bounded from outside
 * in its own thread. The other loaders bound their own work (inflation budgets, record and
 * nesting caps) and run in process, where they cost no worker start.
 */
const ISOLATED_FORMATS = new Set(['pdf']);

/**
 * Larger files are skipped with a warning instead of read: a file is read whole, and an
 * announcement this size is an archive or a scan, not text to index.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

function tooLarge(size: number, limit: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return `file too large (${mb(size)}; the limit is ${mb(limit)})`;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Where ingest keeps its manifest and cache: beside the index, but never inside the
 * worker's assets folder, whose every file is uploaded (`.index/assets/local-index.json`
 * keeps them in `.index/`).
 */
export function statePaths(indexFile: string): { manifest: string; cache: string } {
  const dir = dirname(resolve(indexFile));
  if (basename(dir) === 'assets') {
    return { manifest: join(dirname(dir), 'manifest.json'), cache: join(dirname(dir), 'ingest-cache.json') };
  }
  const stem = basename(indexFile).replace(/\.json$/i, '');
  return { manifest: join(dir, `${stem}.manifest.json`), cache: join(dir, `${stem}.ingest-cache.json`) };
}

async function readJson<T>(file: string | undefined): Promise<T | undefined> {
  if (!file) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const sameStamp = (a: FileStamp | undefined, entry: CorpusEntry) =>
  a !== undefined && a.size === entry.size && a.mtimeMs === entry.mtimeMs;

/**
 * Reads, chunks and indexes every file of a corpus folder, one file at a time (memory
 * stays flat for large corpora). With `cacheFile`, files whose size and mtime, or else
 * content hash, match the last run reuse its chunks; files no longer present drop out.
 */
export async function buildIndexFromCorpus(corpusDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const corpus = resolve(corpusDir);
  const { files: entries, unreadable } = await listCorpus(corpus);
  const settings = ingestSettingsKey();
  const previous = await readJson<IngestCache>(options.cacheFile);
  const usable = previous?.ingest === settings && previous.corpus === corpus ? previous.files : {};

  const cache: IngestCache = { ingest: settings, corpus, files: {} };
  const isolated = options.isolation ? new IsolatedLoader(options.isolation) : undefined;
  const load = (file: SourceFile) =>
    isolated && ISOLATED_FORMATS.has(extensionOf(file.path)) ? isolated.load(file) : loadDocument(file);
  const outcomes: { path: string; outcome: FileOutcome }[] = [];
  let reused = 0;
  try {
    for (const [done, entry] of entries.entries()) {
      options.onProgress?.({
        done,
        total: entries.length,
        elapsedMs: performance.now() - started,
        current: entry.path,
      });
      const before = usable[entry.name];
      let record: IngestCache['files'][string];
      const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
      if (entry.size > limit) {
        record = {
          hash: '',
          size: entry.size,
          mtimeMs: entry.mtimeMs,
          outcome: { skipped: tooLarge(entry.size, limit) },
        };
      } else if (before && sameStamp(before, entry)) {
        record = before;
        reused++;
      } else {
        const source = await readSourceFile(entry).catch((error: NodeJS.ErrnoException) => error);
        if (source instanceof Error) {
          // Gone since the listing, or not ours to read: one file, not the run (issue 10).
          const stamp = { hash: '', size: entry.size, mtimeMs: -1 };
          record = { ...stamp, outcome: { skipped: `cannot be opened (${source.code ?? source.message})` } };
        } else {
          const hash = sha256(source.bytes);
          if (before?.hash === hash) {
            record = { ...before, size: entry.size, mtimeMs: entry.mtimeMs };
            reused++;
          } else {
            record = { hash, size: entry.size, mtimeMs: entry.mtimeMs, outcome: await ingestFile(source, { load }) };
          }
        }
      }
      cache.files[entry.name] = record;
      outcomes.push({ path: entry.path, outcome: record.outcome });
    }
  } finally {
    await isolated?.close();
  }
  options.onProgress?.({ done: entries.length, total: entries.length, elapsedMs: performance.now() - started });
  for (const { file, reason } of unreadable) outcomes.push({ path: file, outcome: { skipped: reason } });

  const { documents, chunks, warnings } = assembleCorpus(outcomes, { onWarning: options.onWarning });
  const files: Record<string, FileStamp> = {};
  for (const [name, { hash, size, mtimeMs }] of Object.entries(cache.files)) files[name] = { hash, size, mtimeMs };
  const dense = options.embedder ? await embedChunks(documents, chunks, options.embedder) : undefined;
  const seconds = (performance.now() - started) / 1000;
  return {
    data: createIndexData(documents, chunks, { dense }),
    manifest: { indexVersion: LOCAL_INDEX_VERSION, ingest: settings, corpus, files },
    cache,
    warnings,
    files: entries.length + unreadable.length,
    seconds,
    summary: {
      files: entries.length + unreadable.length,
      documents: documents.length,
      pages: documents.reduce((sum, d) => sum + (d.pages ?? 1), 0),
      chunks: chunks.length,
      reused,
      skipped: warnings.filter((w) => !w.indexed),
      warned: new Set(warnings.filter((w) => w.indexed).map((w) => w.file)).size,
      seconds,
    },
  };
}

/**
 * Writes to a temporary file and renames it over the old one: readers never see half a
 * file, and a run that fails leaves the previous one in place.
 */
async function writeAtomically(file: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Shard files are named after the index manifest: `local-index.json` -> `local-index-0.bin`, … */
const shardStem = (indexFile: string) => basename(indexFile).replace(/\.json$/i, '');

/**
 * Writes the index shards, then its manifest (readers start from the manifest, and a shard
 * of another build is refused by its build id), then removes shards no manifest names.
 */
export async function writeIndexFiles(
  indexFile: string,
  data: LocalIndexData,
  options: Pick<EncodeOptions, 'maxShardBytes'> = {},
): Promise<IndexFileManifest> {
  const stem = shardStem(indexFile);
  const { manifest, shards } = encodeIndexFiles(data, { ...options, stem });
  const dir = dirname(resolve(indexFile));
  for (const shard of shards) await writeAtomically(join(dir, shard.file), shard.bytes);
  await writeAtomically(indexFile, JSON.stringify(manifest, null, 1));
  const current = new Set(shards.map((s) => s.file));
  const ours = new RegExp(`^${escapeRegExp(stem)}-\\d+\\.bin$`);
  for (const name of await readdir(dir)) {
    if (ours.test(name) && !current.has(name)) await rm(join(dir, name), { force: true });
  }
  return manifest;
}

/** The data of an index written by `writeIndexFiles` (or `npm run ingest`). */
export async function readIndexData(indexFile: string): Promise<LocalIndexData> {
  const dir = dirname(resolve(indexFile));
  return decodeIndexFiles(parseManifest(await readFile(indexFile, 'utf8')), (file) => readFile(join(dir, file)));
}

/** Loads an index written by `writeIndexFiles` (or `npm run ingest`). */
export async function readIndexFiles(indexFile: string, options: LocalIndexOptions = {}): Promise<LocalIndex> {
  return new LocalIndex(await readIndexData(indexFile), options);
}

/**
 * Writes the index, then the cache, then the manifest. The manifest goes last: should a
 * run stop between the writes, the next check sees a manifest that does not match and rebuilds.
 */
export async function writeIndex(indexFile: string, result: BuildResult): Promise<IndexFileManifest> {
  const paths = statePaths(indexFile);
  const files = await writeIndexFiles(indexFile, result.data);
  await writeAtomically(paths.cache, JSON.stringify(result.cache));
  await writeAtomically(paths.manifest, JSON.stringify(result.manifest, null, 2));
  return files;
}

/**
 * Why the index must be rebuilt, or undefined when it is current. Files whose size and
 * mtime match the manifest are not read, so the check costs a directory listing when
 * nothing changed.
 */
export async function staleReason(corpusDir: string, indexFile: string): Promise<string | undefined> {
  if (!existsSync(indexFile)) return 'no index yet';
  const manifest = await readJson<IndexManifest>(statePaths(indexFile).manifest);
  if (!manifest || typeof manifest.files !== 'object') return 'no manifest';
  if (manifest.indexVersion !== LOCAL_INDEX_VERSION) return 'index format changed';
  if (manifest.ingest !== ingestSettingsKey()) return 'ingest changed';
  if (manifest.corpus !== resolve(corpusDir)) return 'built from another corpus';
  const { files: entries } = await listCorpus(corpusDir);
  if (entries.length !== Object.keys(manifest.files).length) return 'corpus changed';
  for (const entry of entries) {
    const stamp = manifest.files[entry.name];
    if (!stamp) return 'corpus changed';
    if (sameStamp(stamp, entry)) continue;
    if (entry.size > MAX_FILE_BYTES || !stamp.hash) return 'corpus changed';
    if (sha256((await readSourceFile(entry)).bytes) !== stamp.hash) return 'corpus changed';
  }
  return undefined;
}

/** Builds the index when it is missing or stale, reusing unchanged files; returns what it did, for the log. */
export async function ensureIndex(
  corpusDir: string,
  indexFile: string,
  options: BuildOptions = {},
): Promise<{ rebuilt: boolean; reason?: string; result?: BuildResult }> {
  const reason = await staleReason(corpusDir, indexFile);
  if (!reason) return { rebuilt: false };
  const result = await buildIndexFromCorpus(corpusDir, {
    cacheFile: statePaths(indexFile).cache,
    isolation: DEFAULT_ISOLATION_LIMITS,
    ...options,
  });
  await writeIndex(indexFile, result);
  return { rebuilt: true, reason, result };
}

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ingestFiles } from '../ingest/corpus.js';
import type { IngestWarning } from '../ingest/types.js';
import { createIndexData, LOCAL_INDEX_VERSION, type LocalIndexData } from '../search/local-index.js';
import { listCorpus, readSourceFile, type CorpusEntry } from './corpus-files.js';
import { manifestPathFor } from './paths.js';

/** Content hashes of the files an index was built from, to tell when it is stale. */
export interface IndexManifest {
  indexVersion: number;
  corpus: string;
  files: Record<string, string>;
}

export interface BuildResult {
  data: LocalIndexData;
  manifest: IndexManifest;
  warnings: IngestWarning[];
  files: number;
  seconds: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface BuildOptions {
  onWarning?: (warning: IngestWarning) => void;
}

/** Reads, chunks and indexes every file of a corpus folder. */
export async function buildIndexFromCorpus(corpusDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const entries = await listCorpus(corpusDir);
  const files: Record<string, string> = {};
  const sources = await Promise.all(entries.map(readSourceFile));
  for (const source of sources) files[source.path] = sha256(source.bytes);
  const corpus = await ingestFiles(sources, { onWarning: options.onWarning });
  return {
    data: createIndexData(corpus.documents, corpus.chunks),
    manifest: { indexVersion: LOCAL_INDEX_VERSION, corpus: resolve(corpusDir), files },
    warnings: corpus.warnings,
    files: entries.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Writes to a temporary file and renames it over the old one: readers never see half an index. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function writeIndex(indexFile: string, result: BuildResult): Promise<void> {
  await writeAtomically(indexFile, JSON.stringify(result.data));
  await writeAtomically(manifestPathFor(indexFile), JSON.stringify(result.manifest, null, 2));
}

async function currentHashes(entries: CorpusEntry[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of entries) hashes[entry.path] = sha256(await readFile(entry.absolutePath));
  return hashes;
}

/** Why the index must be rebuilt, or undefined when it is current. */
export async function staleReason(corpusDir: string, indexFile: string): Promise<string | undefined> {
  if (!existsSync(indexFile)) return 'no index yet';
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPathFor(indexFile), 'utf8')) as IndexManifest;
  } catch {
    return 'no manifest';
  }
  if (manifest.indexVersion !== LOCAL_INDEX_VERSION) return 'index format changed';
  if (manifest.corpus !== resolve(corpusDir)) return 'built from another corpus';
  const hashes = await currentHashes(await listCorpus(corpusDir));
  const before = Object.keys(manifest.files);
  const now = Object.keys(hashes);
  if (before.length !== now.length || now.some((path) => manifest.files[path] !== hashes[path]))
    return 'corpus changed';
  return undefined;
}

/** Builds the index when it is missing or stale; returns what it did, for the log. */
export async function ensureIndex(
  corpusDir: string,
  indexFile: string,
  options: BuildOptions = {},
): Promise<{ rebuilt: boolean; reason?: string; result?: BuildResult }> {
  const reason = await staleReason(corpusDir, indexFile);
  if (!reason) return { rebuilt: false };
  const result = await buildIndexFromCorpus(corpusDir, options);
  await writeIndex(indexFile, result);
  return { rebuilt: true, reason, result };
}

import type { Chunk, DocumentMeta } from '../types.js';
import type { IngestWarning, LoadedDocument, SourceFile } from './types.js';
import { SkipFileError } from './types.js';
import { loadDocument } from './loaders.js';
import { chunkSections, DEFAULT_CHUNK_CHARS, type ChunkOptions } from './chunker.js';
import { printable } from './printable.js';

/**
 * Bump when a loader, the chunker or the metadata rules change what a file turns into:
 * incremental runs then re-read every file instead of reusing chunks from an older build.
 */
export const INGEST_VERSION = 4;

/** What one file became: a document with its chunks, or the reason it was skipped. */
export type FileOutcome = { document: DocumentMeta; chunks: Chunk[]; warnings?: string[] } | { skipped: string };

export interface IngestedCorpus {
  documents: DocumentMeta[];
  chunks: Chunk[];
  warnings: IngestWarning[];
}

export interface IngestFileOptions extends ChunkOptions {
  /**
   * Loads a file instead of loadDocument, e.g. in a worker that can be stopped (the CLI's
   * IsolatedLoader); it throws SkipFileError for a file that cannot be read.
   */
  load?: (file: SourceFile) => Promise<LoadedDocument>;
}

export interface IngestOptions extends IngestFileOptions {
  onWarning?: (warning: IngestWarning) => void;
}

/** A key for everything that changes what ingest makes of a file: code version and chunk size. */
export function ingestSettingsKey(options: ChunkOptions = {}): string {
  return `v${INGEST_VERSION}/chunk${options.maxChars ?? DEFAULT_CHUNK_CHARS}`;
}

/** Loads and chunks one file; a file that cannot be read becomes a `skipped` reason, never an exception. */
export async function ingestFile(file: SourceFile, options: IngestFileOptions = {}): Promise<FileOutcome> {
  try {
    const { meta, sections, warnings } = await (options.load ?? loadDocument)(file);
    const chunks = chunkSections(meta.id, sections, options);
    if (chunks.length === 0) return { skipped: 'no text' };
    return warnings?.length ? { document: meta, chunks, warnings } : { document: meta, chunks };
  } catch (error) {
    if (error instanceof SkipFileError) return { skipped: error.message };
    return { skipped: `cannot be read (${firstLine(error)})` };
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

/**
 * Puts per-file outcomes (in path order) together into one corpus. Two files with the same
 * document id (a.md and a.txt, or one name in NFC and NFD forms) keep the first and warn
 * of the second.
 */
export function assembleCorpus(
  outcomes: Iterable<{ path: string; outcome: FileOutcome }>,
  options: Pick<IngestOptions, 'onWarning'> = {},
): IngestedCorpus {
  const corpus: IngestedCorpus = { documents: [], chunks: [], warnings: [] };
  const owner = new Map<string, string>();
  // The one place warnings are made: printable here, every log line that shows one is one line.
  const warn = (file: string, reason: string, indexed = false) => {
    const warning: IngestWarning = { file: printable(file), reason: printable(reason), ...(indexed && { indexed }) };
    corpus.warnings.push(warning);
    options.onWarning?.(warning);
  };
  for (const { path, outcome } of outcomes) {
    if ('skipped' in outcome) {
      warn(path, outcome.skipped);
      continue;
    }
    const first = owner.get(outcome.document.id);
    if (first === path) {
      warn(path, 'another file has this name in another Unicode form (NFC/NFD) or encoding; they are one document');
      continue;
    }
    if (first !== undefined) {
      warn(path, `another file (${first}) already has the document id "${outcome.document.id}"`);
      continue;
    }
    owner.set(outcome.document.id, path);
    for (const reason of outcome.warnings ?? []) warn(path, reason, true);
    corpus.documents.push(outcome.document);
    corpus.chunks.push(...outcome.chunks);
  }
  return corpus;
}

/**
 * Loads and chunks every file; a file that cannot be read becomes a warning and the run
 * goes on. Two files with the same id (a.md and a.txt) keep the first and warn of the second.
 */
export async function ingestFiles(files: Iterable<SourceFile>, options: IngestOptions = {}): Promise<IngestedCorpus> {
  const outcomes: { path: string; outcome: FileOutcome }[] = [];
  for (const file of files) outcomes.push({ path: file.path, outcome: await ingestFile(file, options) });
  return assembleCorpus(outcomes, options);
}

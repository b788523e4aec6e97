import type { Chunk, DocumentMeta } from '../types.js';
import type { IngestWarning, SourceFile } from './types.js';
import { SkipFileError } from './types.js';
import { loadDocument } from './loaders.js';
import { chunkSections, type ChunkOptions } from './chunker.js';

export interface IngestedCorpus {
  documents: DocumentMeta[];
  chunks: Chunk[];
  warnings: IngestWarning[];
}

export interface IngestOptions extends ChunkOptions {
  onWarning?: (warning: IngestWarning) => void;
}

/**
 * Loads and chunks every file; a file that cannot be read becomes a warning and the run
 * goes on. Two files with the same id (a.md and a.txt) keep the first and warn of the second.
 */
export async function ingestFiles(files: Iterable<SourceFile>, options: IngestOptions = {}): Promise<IngestedCorpus> {
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  const warnings: IngestWarning[] = [];
  const seen = new Set<string>();
  const warn = (file: string, reason: string) => {
    const warning = { file, reason };
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  for (const file of files) {
    try {
      const { meta, sections } = await loadDocument(file);
      if (seen.has(meta.id)) {
        warn(file.path, `another file already has the document id "${meta.id}"`);
        continue;
      }
      const docChunks = chunkSections(meta.id, sections, options);
      if (docChunks.length === 0) throw new SkipFileError('no text');
      seen.add(meta.id);
      documents.push(meta);
      chunks.push(...docChunks);
    } catch (error) {
      if (error instanceof SkipFileError) warn(file.path, error.message);
      else warn(file.path, `cannot be read (${(error as Error).message})`);
    }
  }
  return { documents, chunks, warnings };
}

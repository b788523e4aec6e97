import type { Chunk, DocumentMeta, Passage } from '../types.js';
import type { IndexStats, Retriever, SearchHit, SearchOptions } from './types.js';
import { Bm25 } from './bm25.js';
import { matchesFilters } from './filters.js';
import { tokenize } from '../text/tokenize.js';

export const LOCAL_INDEX_FORMAT = 'fund-assistant/local-index';
/** Bump when the analyzer or the stored shape changes: older files are rebuilt. */
export const LOCAL_INDEX_VERSION = 1;
export const DEFAULT_SEARCH_LIMIT = 8;
/** The index's file name in the worker's assets folder (wrangler.toml `[assets]`). */
export const LOCAL_INDEX_FILE_NAME = 'local-index.json';

/** The serialized index, as `npm run ingest` writes it. */
export interface LocalIndexData {
  format: typeof LOCAL_INDEX_FORMAT;
  version: number;
  builtAt: string;
  documents: DocumentMeta[];
  chunks: Chunk[];
}

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

export function createIndexData(documents: DocumentMeta[], chunks: Chunk[], builtAt = new Date()): LocalIndexData {
  return {
    format: LOCAL_INDEX_FORMAT,
    version: LOCAL_INDEX_VERSION,
    builtAt: builtAt.toISOString(),
    documents,
    chunks,
  };
}

/** The embedded default's index: lexical BM25 over the Korean-aware analyzer, in memory. */
export class LocalIndex implements Retriever {
  private readonly bm25 = new Bm25();
  private readonly docsById = new Map<string, DocumentMeta>();
  private readonly passages: Passage[];

  constructor(readonly data: LocalIndexData) {
    for (const doc of data.documents) this.docsById.set(doc.id, doc);
    this.passages = data.chunks.map((chunk) => {
      const doc = this.docsById.get(chunk.docId);
      if (!doc) throw new IndexFormatError(`chunk ${chunk.id} names unknown document ${chunk.docId}`);
      return {
        ...chunk,
        title: doc.title,
        lang: doc.lang,
        ...(doc.date ? { date: doc.date } : {}),
        ...(doc.url ? { url: doc.url } : {}),
        ...(doc.tags ? { tags: doc.tags } : {}),
      };
    });
    for (const p of this.passages) {
      const titleTerms = tokenize([p.title, ...(p.headings ?? [])].join(' '));
      this.bm25.add(tokenize(p.text), titleTerms);
    }
  }

  /** Parses and checks a serialized index (JSON text). */
  static fromJSON(json: string): LocalIndex {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      throw new IndexFormatError('the index file is not valid JSON; run `npm run ingest` to rebuild it');
    }
    const d = data as Partial<LocalIndexData>;
    if (d.format !== LOCAL_INDEX_FORMAT || !Array.isArray(d.documents) || !Array.isArray(d.chunks)) {
      throw new IndexFormatError('the file is not a fund-assistant index; run `npm run ingest` to rebuild it');
    }
    if (d.version !== LOCAL_INDEX_VERSION) {
      throw new IndexFormatError(
        `the index has format version ${d.version}, this build reads ${LOCAL_INDEX_VERSION}; run \`npm run ingest\``,
      );
    }
    return new LocalIndex(d as LocalIndexData);
  }

  documents(): DocumentMeta[] {
    return this.data.documents;
  }

  async stats(): Promise<IndexStats> {
    return { documents: this.data.documents.length, chunks: this.data.chunks.length };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const terms = tokenize(query);
    if (terms.length === 0) return [];
    const filters = options.filters;
    const accept = filters
      ? (i: number) => matchesFilters(this.docsById.get(this.passages[i]!.docId)!, filters)
      : undefined;
    const scores = this.bm25.score(terms, accept);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([i, score]) => ({ passage: this.passages[i]!, score }));
  }
}

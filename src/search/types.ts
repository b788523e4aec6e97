import type { Chunk, DocumentMeta, Lang, Passage } from '../types.js';

/** Metadata filters (DESIGN.md: date range, `lang`, `tags`). All given filters must hold. */
export interface SearchFilters {
  /** Inclusive, YYYY-MM-DD. */
  dateFrom?: string;
  /** Inclusive, YYYY-MM-DD. */
  dateTo?: string;
  lang?: Lang;
  /** A passage matches when its document has any of these tags. */
  tags?: string[];
  /** A passage matches when it belongs to one of these documents (ids). */
  documents?: string[];
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters;
  /** Cancels upstream work done for the search (embeddings, remote indexes). */
  signal?: AbortSignal;
  /**
   * The query in the corpus' other language (an LLM translated it): its terms join the
   * search at the weight of other translations.
   */
  translations?: string[];
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

export interface IndexStats {
  documents: number;
  chunks: number;
  /** Chunks per language: whether a question's translation can find anything more. */
  languages?: Partial<Record<Lang, number>>;
}

/** A document with its chunks in reading order: what a source page shows (`GET /sources/:id`). */
export interface SourceDocument {
  meta: DocumentMeta;
  chunks: Chunk[];
}

/**
 * The index port: the local index and the Upstash adapter both implement it.
 * No match is `[]`; deciding that the corpus cannot answer is the answer step's job.
 */
export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  stats(): Promise<IndexStats>;
  /**
   * The document `id` (a corpus path) with its chunks; undefined when the index has none.
   * Optional: an index that keeps no passage texts has no source pages to show.
   */
  document?(id: string): Promise<SourceDocument | undefined>;
}

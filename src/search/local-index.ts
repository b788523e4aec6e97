import type { Chunk, DocumentMeta, Lang, Passage } from '../types.js';
import type { IndexStats, Retriever, SearchHit, SearchOptions, SourceDocument } from './types.js';
import { Bm25, Bm25Builder, type Bm25Postings } from './bm25.js';
import { matchesFilters } from './filters.js';
import { PROXIMITY_WEIGHT, RERANK_DEPTH, proximityScore, type QueryWord } from './proximity.js';
import { WordPositions, WordPositionsBuilder } from './word-positions.js';
import { mineGlossary, type GlossaryEntry } from './glossary.js';
import { DOMAIN_GLOSSARY } from './domain-glossary.js';
import { mineParallelGlossary } from './parallel-glossary.js';
import { latinNames } from './sound-alike.js';
import { QueryExpander } from './query-expansion.js';
import { DenseIndex, encodeDense, type DenseData } from './dense.js';
import { reciprocalRankFusion } from './fusion.js';
import type { Embedder } from './embeddings.js';
import { translationWeight } from './query-expansion.js';
import { primaryLanguage } from '../text/language.js';
import { analyzeWords, tokenize, wordKey, wordTerms } from '../text/tokenize.js';

export const LOCAL_INDEX_FORMAT = 'fund-assistant/local-index';
/**
 * Bump when the analyzer or the stored shape changes: older files are rebuilt.
 * 4: a JSON manifest and binary shards (src/search/index-file.ts) instead of one JSON file.
 */
export const LOCAL_INDEX_VERSION = 4;
export const DEFAULT_SEARCH_LIMIT = 8;
/** The index manifest's file name in the worker's assets folder (wrangler.toml `[assets]`); its shards sit beside it. */
export const LOCAL_INDEX_FILE_NAME = 'local-index.json';

/** A built index, as `npm run ingest` makes it and `index-file.ts` writes and reads it. */
export interface LocalIndexData {
  format: typeof LOCAL_INDEX_FORMAT;
  version: number;
  builtAt: string;
  documents: DocumentMeta[];
  chunks: Chunk[];
  /** Postings, built once at ingest so loading never re-analyzes the text. */
  lexical: Bm25Postings;
  /** Every chunk's words in order, for the proximity rerank. */
  positions: WordPositions;
  /** Name pairs found in the corpus (`업스테이지(Upstage)`, parallel releases), for cross-language queries. */
  glossary: GlossaryEntry[];
  /** Chunk vectors, when an embeddings endpoint was configured at ingest. */
  dense?: DenseData;
}

export interface CreateIndexOptions {
  builtAt?: Date;
  /** One vector per chunk, in chunk order (see `embedChunks`). */
  dense?: { model: string; vectors: readonly Float32Array[] };
}

export interface LocalIndexOptions {
  /** Embeds queries for the dense half of hybrid search; the model must be the one the index was built with. */
  embedder?: Embedder;
  /** Told why dense search is off. Default: console.warn. */
  onWarning?: (message: string) => void;
}

/** How many dense neighbours enter the fusion. */
export const DENSE_DEPTH = 30;

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

/** The distinct capitalized names of the English passages (for names a Korean query spells by sound). */
function englishNames(passages: Iterable<Passage>): Set<string> {
  const names = new Set<string>();
  for (const p of passages)
    if (p.lang === 'en') for (const name of latinNames(`${p.title}\n${p.text}`)) names.add(name);
  return names;
}

/** The text of a chunk's title field: its document's title and the headings above it. */
function titleText(doc: DocumentMeta, chunk: Chunk): string {
  return [doc.title, ...(chunk.headings ?? [])].join(' ');
}

/** Analyzes every chunk and builds the serializable index (what `npm run ingest` writes). */
export function createIndexData(
  documents: DocumentMeta[],
  chunks: Chunk[],
  options: CreateIndexOptions = {},
): LocalIndexData {
  const docsById = new Map(documents.map((d) => [d.id, d]));
  const builder = new Bm25Builder();
  const positions = new WordPositionsBuilder();
  // A document's chunks come together and mostly share their title text: analyze it once.
  let title = { text: '', terms: [] as string[] };
  for (const chunk of chunks) {
    const doc = docsById.get(chunk.docId);
    if (!doc) throw new IndexFormatError(`chunk ${chunk.id} names unknown document ${chunk.docId}`);
    const terms: string[] = [];
    const keys: string[] = [];
    for (const word of analyzeWords(chunk.text)) {
      wordTerms(word, terms);
      keys.push(wordKey(word));
    }
    const text = titleText(doc, chunk);
    if (text !== title.text) title = { text, terms: tokenize(text) };
    builder.add(terms, title.terms);
    positions.add(keys);
  }
  return {
    format: LOCAL_INDEX_FORMAT,
    version: LOCAL_INDEX_VERSION,
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    documents,
    chunks,
    lexical: builder.build(),
    positions: positions.build(),
    glossary: buildGlossary(documents, chunks),
    ...(options.dense ? { dense: denseData(options.dense, chunks.length) } : {}),
  };
}

/** Name pairs written `한글(English)`, then pairs of sound-alike names from parallel releases. */
function buildGlossary(documents: DocumentMeta[], chunks: Chunk[]): GlossaryEntry[] {
  const written = mineGlossary([
    ...documents.map((d) => d.title),
    ...chunks.flatMap((c) => [...(c.headings ?? []), c.text]),
  ]);
  const known = new Set([...written, ...DOMAIN_GLOSSARY].map(([ko]) => ko));
  return [...written, ...mineParallelGlossary(documents, chunks, known)];
}

function denseData(dense: NonNullable<CreateIndexOptions['dense']>, chunks: number): DenseData {
  if (dense.vectors.length !== chunks) {
    throw new IndexFormatError(`${dense.vectors.length} vectors were given for ${chunks} chunks`);
  }
  return encodeDense(dense.model, dense.vectors);
}

/**
 * Embeds every chunk as a passage (its title and headings, then its text), for
 * `createIndexData(documents, chunks, { dense })`.
 */
export async function embedChunks(
  documents: DocumentMeta[],
  chunks: Chunk[],
  embedder: Embedder,
): Promise<{ model: string; vectors: Float32Array[] }> {
  const docsById = new Map(documents.map((d) => [d.id, d]));
  const texts = chunks.map((c) => {
    const doc = docsById.get(c.docId);
    return doc ? `${titleText(doc, c)}\n${c.text}` : c.text;
  });
  return { model: embedder.model, vectors: await embedder.embed(texts, 'passage') };
}

/** The embedded default's index: lexical BM25F over the Korean-aware analyzer, in memory. */
export class LocalIndex implements Retriever {
  private readonly bm25: Bm25;
  private readonly positions: WordPositions;
  private readonly expander: QueryExpander;
  private readonly dense: { index: DenseIndex; embedder: Embedder } | undefined;
  private readonly warn: (message: string) => void;
  private readonly languages: Set<string>;
  private readonly docsById = new Map<string, DocumentMeta>();
  private readonly chunks: readonly Chunk[];
  private readonly documentList: DocumentMeta[];
  private readonly chunksByLanguage: Partial<Record<Lang, number>> = {};

  constructor(data: LocalIndexData, options: LocalIndexOptions = {}) {
    this.documentList = data.documents;
    this.chunks = data.chunks;
    for (const doc of data.documents) this.docsById.set(doc.id, doc);
    for (const chunk of data.chunks) {
      const doc = this.docsById.get(chunk.docId);
      if (!doc) throw new IndexFormatError(`chunk ${chunk.id} names unknown document ${chunk.docId}`);
      this.chunksByLanguage[doc.lang] = (this.chunksByLanguage[doc.lang] ?? 0) + 1;
    }
    if (data.lexical.bodyLengths.length !== data.chunks.length || data.positions.counts.length !== data.chunks.length) {
      throw new IndexFormatError('the index postings do not match its chunks; run `npm run ingest`');
    }
    this.bm25 = new Bm25(data.lexical);
    this.positions = data.positions;
    const bm25 = this.bm25;
    this.languages = new Set(data.documents.map((d) => d.lang));
    this.expander = new QueryExpander(data.glossary ?? [], {
      has: (t) => bm25.has(t),
      terms: () => bm25.vocabulary,
      languages: this.languages,
      latinNames: () => englishNames(this.chunks.map((_, i) => this.passage(i))),
    });
    this.warn = options.onWarning ?? ((message: string) => console.warn(message));
    this.dense = this.loadDense(data, options);
  }

  /** A chunk joined with its document's metadata, made when a search returns it. */
  private passage(i: number): Passage {
    const chunk = this.chunks[i]!;
    const doc = this.docsById.get(chunk.docId)!;
    // Assigned one by one: object spreads with conditional parts cost ~10 µs a passage here.
    const passage: Passage = {
      id: chunk.id,
      docId: chunk.docId,
      ordinal: chunk.ordinal,
      text: chunk.text,
      title: doc.title,
      lang: doc.lang,
    };
    if (chunk.page !== undefined) passage.page = chunk.page;
    if (chunk.headings) passage.headings = chunk.headings;
    if (doc.date) passage.date = doc.date;
    if (doc.url) passage.url = doc.url;
    if (doc.tags) passage.tags = doc.tags;
    return passage;
  }

  private loadDense(data: LocalIndexData, options: LocalIndexOptions) {
    const { embedder } = options;
    if (!embedder) return undefined;
    const warn = this.warn;
    if (!data.dense) {
      warn('the index holds no vectors (it was built without an embeddings endpoint): searching by keywords only');
      return undefined;
    }
    if (data.dense.model !== embedder.model) {
      warn(
        `the index vectors come from ${data.dense.model}, queries would use ${embedder.model}: ` +
          'searching by keywords only until `npm run ingest` rebuilds it',
      );
      return undefined;
    }
    try {
      return { index: DenseIndex.fromData(data.dense, data.chunks.length), embedder };
    } catch (error) {
      throw new IndexFormatError(`the index vectors are damaged (${(error as Error).message}); run \`npm run ingest\``);
    }
  }

  /** The terms of the query's translations that the index holds. */
  private translationTerms(translations: readonly string[]): string[] {
    return translations.flatMap((text) => tokenize(text, { query: true }).filter((t) => this.bm25.has(t)));
  }

  documents(): DocumentMeta[] {
    return this.documentList;
  }

  async document(id: string): Promise<SourceDocument | undefined> {
    const meta = this.docsById.get(id);
    return meta && { meta, chunks: this.chunks.filter((c) => c.docId === id) };
  }

  async stats(): Promise<IndexStats> {
    return {
      documents: this.documentList.length,
      chunks: this.chunks.length,
      languages: { ...this.chunksByLanguage },
    };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const weights = new Map<string, number>();
    const words = new Map<number, QueryWord>();
    const analyzed = [...analyzeWords(query, { query: true })];
    for (const word of analyzed) {
      const terms: string[] = [];
      wordTerms(word, terms);
      for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + 1);
      const id = this.positions.idOf(wordKey(word));
      if (id !== undefined && terms.length > 0 && !words.has(id)) {
        words.set(id, { id, weight: terms.reduce((sum, t) => sum + this.bm25.idf(t), 0) / terms.length });
      }
    }
    for (const [term, weight] of this.expander.expand(analyzed)) {
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
    const translated = this.translationTerms(options.translations ?? []);
    const ownTerms = [...weights.values()].reduce((a, b) => a + b, 0);
    for (const term of translated) {
      weights.set(term, Math.max(weights.get(term) ?? 0, translationWeight(ownTerms, translated.length)));
    }
    if (weights.size === 0) return [];
    const filters = options.filters;
    const accept = filters
      ? (i: number) => matchesFilters(this.docsById.get(this.chunks[i]!.docId)!, filters)
      : undefined;
    const candidates = this.bm25.search(weights, Math.max(limit, RERANK_DEPTH), accept);
    const queryWords = [...words.values()];
    if (queryWords.length >= 2) {
      const ids = queryWords.map((w) => w.id);
      for (const c of candidates) {
        c.score += PROXIMITY_WEIGHT * proximityScore(queryWords, this.positions.positionsOf(c.doc, ids));
      }
      candidates.sort((a, b) => b.score - a.score || a.doc - b.doc);
    }
    let ranked = candidates;
    if (this.dense) {
      const [vector] = await this.dense.embedder.embed([query], 'query');
      const neighbours = this.dense.index.search(vector!, Math.max(limit, DENSE_DEPTH), accept);
      ranked = reciprocalRankFusion([candidates.map((c) => c.doc), neighbours.map((n) => n.doc)]);
    }
    return ranked.slice(0, limit).map(({ doc, score }) => ({ passage: this.passage(doc), score }));
  }
}

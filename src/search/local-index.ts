import type { Chunk, DocumentMeta, Lang, Passage } from '../types.js';
import type { IndexStats, Retriever, SearchHit, SearchOptions } from './types.js';
import { Bm25, Bm25Builder, type Bm25Data } from './bm25.js';
import { matchesFilters } from './filters.js';
import { PROXIMITY_WEIGHT, RERANK_DEPTH, proximityScore, type QueryWord } from './proximity.js';
import { WordPositions, WordPositionsBuilder, type WordPositionsData } from './word-positions.js';
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
/** Bump when the analyzer or the stored shape changes: older files are rebuilt. */
export const LOCAL_INDEX_VERSION = 3;
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
  /** Postings, built once at ingest so loading never re-analyzes the text. */
  lexical: Bm25Data;
  /** Every chunk's words in order, for the proximity rerank. */
  positions: WordPositionsData;
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
function englishNames(passages: readonly Passage[]): Set<string> {
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
  for (const chunk of chunks) {
    const doc = docsById.get(chunk.docId);
    if (!doc) throw new IndexFormatError(`chunk ${chunk.id} names unknown document ${chunk.docId}`);
    const terms: string[] = [];
    const keys: string[] = [];
    for (const word of analyzeWords(chunk.text)) {
      wordTerms(word, terms);
      keys.push(wordKey(word));
    }
    builder.add(terms, tokenize(titleText(doc, chunk)));
    positions.add(keys);
  }
  return {
    format: LOCAL_INDEX_FORMAT,
    version: LOCAL_INDEX_VERSION,
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    documents,
    chunks,
    lexical: builder.build().toData(),
    positions: positions.toData(),
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
  private readonly passages: Passage[];
  private readonly chunksByLanguage: Partial<Record<Lang, number>> = {};

  constructor(
    readonly data: LocalIndexData,
    options: LocalIndexOptions = {},
  ) {
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
    try {
      this.bm25 = Bm25.fromData(data.lexical, data.chunks.length);
      this.positions = WordPositions.fromData(data.positions, data.chunks.length);
    } catch (error) {
      throw new IndexFormatError(
        `the index postings are damaged (${(error as Error).message}); run \`npm run ingest\``,
      );
    }
    const bm25 = this.bm25;
    this.languages = new Set(data.documents.map((d) => d.lang));
    this.expander = new QueryExpander(data.glossary ?? [], {
      has: (t) => bm25.has(t),
      terms: () => bm25.vocabulary,
      languages: this.languages,
      latinNames: () => englishNames(this.passages),
    });
    this.warn = options.onWarning ?? ((message: string) => console.warn(message));
    this.dense = this.loadDense(data, options);
    for (const chunk of this.passages) this.chunksByLanguage[chunk.lang] = (this.chunksByLanguage[chunk.lang] ?? 0) + 1;
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

  /** Parses and checks a serialized index (JSON text). */
  static fromJSON(json: string, options: LocalIndexOptions = {}): LocalIndex {
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
    if (
      typeof d.lexical !== 'object' ||
      d.lexical === null ||
      typeof d.positions !== 'object' ||
      d.positions === null
    ) {
      throw new IndexFormatError('the index has no postings; run `npm run ingest` to rebuild it');
    }
    return new LocalIndex(d as LocalIndexData, options);
  }

  /** The terms of the query's translations that the index holds. */
  private translationTerms(translations: readonly string[]): string[] {
    return translations.flatMap((text) => tokenize(text, { query: true }).filter((t) => this.bm25.has(t)));
  }

  documents(): DocumentMeta[] {
    return this.data.documents;
  }

  async stats(): Promise<IndexStats> {
    return {
      documents: this.data.documents.length,
      chunks: this.data.chunks.length,
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
      ? (i: number) => matchesFilters(this.docsById.get(this.passages[i]!.docId)!, filters)
      : undefined;
    const candidates = this.bm25.search(weights, Math.max(limit, RERANK_DEPTH), accept);
    const queryWords = [...words.values()];
    if (queryWords.length >= 2) {
      for (const c of candidates) {
        c.score += PROXIMITY_WEIGHT * proximityScore(queryWords, this.positions.sequence(c.doc));
      }
      candidates.sort((a, b) => b.score - a.score || a.doc - b.doc);
    }
    let ranked = candidates;
    if (this.dense) {
      const [vector] = await this.dense.embedder.embed([query], 'query');
      const neighbours = this.dense.index.search(vector!, Math.max(limit, DENSE_DEPTH), accept);
      ranked = reciprocalRankFusion([candidates.map((c) => c.doc), neighbours.map((n) => n.doc)]);
    }
    return ranked.slice(0, limit).map(({ doc, score }) => ({ passage: this.passages[doc]!, score }));
  }
}

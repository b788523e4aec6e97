/**
 * The production index: a `Retriever` over an Upstash Vector hybrid index, with the local
 * index's interface and result shape.
 *
 * A question becomes one hybrid query: a dense vector from the configured embeddings
 * endpoint (query model) and a sparse vector from our Korean analyzer, weighted as the local
 * index weighs terms (its glossary translations and the model's translation included) with
 * idf from the statistics stored beside the index, fused by Upstash with RRF (default) or
 * DBSF. With `UPSTASH_VECTOR_EMBEDDING=hosted` the question goes as text and the index's
 * own models embed it. Filters become Upstash filter expressions.
 *
 * The manifest is read on first use and again after `manifestTtlMs`, so a new ingest is
 * picked up without a redeploy. An index built with other embedding models is refused
 * (503 `index_model_mismatch`): comparing vectors of two models gives wrong neighbours silently.
 */
import { FusionAlgorithm } from '@upstash/vector/cloudflare';
import type { UpstashEmbedding } from '../config.js';
import { toUpstreamError, UpstreamError } from '../errors.js';
import { primaryLanguage } from '../text/language.js';
import type { Embedder } from './embeddings.js';
import type { GlossaryEntry } from './glossary.js';
import { QueryExpander } from './query-expansion.js';
import { queryCandidates, queryWeights } from './query-terms.js';
import { queryVector, termDimension } from './sparse-vectors.js';
import { decodeShard, shardOf } from './term-stats.js';
import type { IndexStats, Retriever, SearchHit, SearchOptions } from './types.js';
import type { VectorIndex } from './upstash-connect.js';
import { UPSTASH, upstashError } from './upstash-errors.js';
import { upstashFilter } from './upstash-filter.js';
import {
  analyzerFingerprint,
  embeddingMismatch,
  glossaryShardId,
  manifestSchema,
  MANIFEST_ID,
  metaNamespace,
  statsShardId,
  UPSTASH_INDEX_VERSION,
  type UpstashManifest,
} from './upstash-manifest.js';
import { passageOf } from './upstash-records.js';
import { DEFAULT_SEARCH_LIMIT, DENSE_DEPTH } from './local-index.js';

/** A minute between manifest reads: one request a minute per isolate, and a new ingest is live within it. */
export const MANIFEST_TTL_MS = 60_000;

export interface UpstashIndexOptions {
  index: VectorIndex;
  /** '' is the default namespace. */
  namespace: string;
  embedding: UpstashEmbedding;
  fusion: 'RRF' | 'DBSF';
  /** Embeds questions (custom vectors); must be the model pair the index was built with. */
  embedder?: Embedder;
  /** Told about an out-of-date analyzer or a foreign record. Default: console.warn. */
  onWarning?: (message: string) => void;
  manifestTtlMs?: number;
  now?: () => number;
}

interface IndexState {
  manifest: UpstashManifest;
  loadedAt: number;
  expander: QueryExpander;
  /** Document frequencies by statistics shard, fetched as questions need them. */
  df: Map<number, Map<number, number>>;
}

const unavailable = (message: string, cause?: unknown) =>
  new UpstreamError(message, 503, 'index_unavailable', cause === undefined ? undefined : { cause });

export class UpstashIndex implements Retriever {
  private state: Promise<IndexState> | undefined;
  private readonly warn: (message: string) => void;
  private readonly warned = new Set<string>();

  constructor(private readonly options: UpstashIndexOptions) {
    if (options.embedding === 'custom' && !options.embedder) {
      throw new TypeError('an Upstash index of custom vectors needs an embedder for questions');
    }
    this.warn = options.onWarning ?? ((message) => console.warn(message));
  }

  /** Connects and checks the manifest, so a missing or mismatched index fails here. */
  static async open(options: UpstashIndexOptions): Promise<UpstashIndex> {
    const index = new UpstashIndex(options);
    await index.current();
    return index;
  }

  private get chunkSpace() {
    return this.options.index.namespace(this.options.namespace);
  }

  private get metaSpace() {
    return this.options.index.namespace(metaNamespace(this.options.namespace));
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private async current(force = false): Promise<IndexState> {
    const ttl = this.options.manifestTtlMs ?? MANIFEST_TTL_MS;
    const state = this.state && !force ? await this.state.catch(() => undefined) : undefined;
    if (state && this.now() - state.loadedAt < ttl) return state;
    const loading = this.load();
    this.state = loading;
    loading.catch(() => {
      if (this.state === loading) this.state = undefined;
    });
    return loading;
  }

  private async load(): Promise<IndexState> {
    const where = `the Upstash namespace "${this.options.namespace}"`;
    const [record] = await call(() => this.metaSpace.fetch([MANIFEST_ID], { includeMetadata: true }));
    if (!record) throw unavailable(`${where} holds no index; run \`npm run ingest -- --target upstash\``);
    const parsed = manifestSchema.safeParse(record.metadata);
    if (!parsed.success || parsed.data.version !== UPSTASH_INDEX_VERSION) {
      throw unavailable(
        `${where} holds an index this build cannot read; run \`npm run ingest -- --target upstash --reset\``,
      );
    }
    const manifest = parsed.data;
    const embedder = this.options.embedder;
    const mismatch = embeddingMismatch(
      manifest.embedding,
      this.options.embedding === 'custom'
        ? { source: 'custom', passageModel: embedder!.model, queryModel: embedder!.queryModel }
        : { source: 'hosted' },
    );
    if (mismatch) throw new UpstreamError(`${where}: ${mismatch}`, 503, 'index_model_mismatch');
    if (manifest.sparse && manifest.sparse.analyzer !== analyzerFingerprint()) {
      this.warnOnce(
        `${where} was built by another version of the analyzer: keyword matching is off until ` +
          '`npm run ingest -- --target upstash` re-indexes it',
      );
    }
    return {
      manifest,
      loadedAt: this.now(),
      expander: new QueryExpander(await this.glossary(manifest), {
        // Which candidate terms exist is learned from the statistics (queryWeights).
        has: () => true,
        // Romanized and sound-alike names need the whole vocabulary in memory: local index only.
        terms: () => [],
        languages: new Set(manifest.languages),
      }),
      df: new Map(),
    };
  }

  private async glossary(manifest: UpstashManifest): Promise<GlossaryEntry[]> {
    const shards = manifest.sparse?.glossaryShards ?? 0;
    if (shards === 0) return [];
    const ids = Array.from({ length: shards }, (_, i) => glossaryShardId(manifest.generation, i));
    const records = await call(() => this.metaSpace.fetch(ids, { includeMetadata: true }));
    return records.flatMap((r) => (r?.metadata as { pairs?: GlossaryEntry[] } | undefined)?.pairs ?? []);
  }

  /** Document frequencies of `dimensions`, fetching the statistics shards not yet seen. */
  private async frequencies(state: IndexState, dimensions: number[], retried = false): Promise<Map<number, number>> {
    const sparse = state.manifest.sparse!;
    const missing = [...new Set(dimensions.map((d) => shardOf(d, sparse.statsShards)))].filter((s) => !state.df.has(s));
    if (missing.length) {
      const ids = missing.map((s) => statsShardId(state.manifest.generation, s));
      const records = await call(() => this.metaSpace.fetch(ids, { includeMetadata: true }));
      if (records.some((r) => !r)) {
        // A newer ingest replaced this generation: read the manifest again, once.
        if (!retried) return this.frequencies(await this.current(true), dimensions, true);
        throw unavailable(`the index statistics of generation ${state.manifest.generation} are missing; re-run ingest`);
      }
      records.forEach((r, i) => state.df.set(missing[i]!, decodeShard(String((r!.metadata as { df?: unknown }).df))));
    }
    const out = new Map<number, number>();
    for (const d of dimensions) out.set(d, state.df.get(shardOf(d, sparse.statsShards))?.get(d) ?? 0);
    return out;
  }

  private async embedQuery(query: string, state: IndexState): Promise<number[]> {
    let vector: Float32Array;
    try {
      [vector] = (await this.options.embedder!.embed([query], 'query')) as [Float32Array];
    } catch (error) {
      throw toUpstreamError(error, 'the embeddings endpoint');
    }
    const dimensions = state.manifest.embedding.dimensions;
    if (vector.length !== dimensions) {
      throw new UpstreamError(
        `${this.options.embedder!.queryModel} gives vectors of ${vector.length} dimensions; the Upstash index has ${dimensions}`,
        503,
        'index_model_mismatch',
      );
    }
    return Array.from(vector);
  }

  /** The sparse half of a question: its terms and translations the index holds, weighted by idf. */
  private async sparseQuery(query: string, state: IndexState, translation: string) {
    const candidates = queryCandidates(query, state.expander, translation);
    const terms = new Set([...candidates.own.keys(), ...candidates.expanded.keys(), ...candidates.translated]);
    const df = await this.frequencies(state, [...terms].map(termDimension));
    const holds = (term: string) => (df.get(termDimension(term)) ?? 0) > 0;
    return queryVector(queryWeights(candidates, holds), (d) => df.get(d) ?? 0, state.manifest.sparse!.documents);
  }

  async stats(): Promise<IndexStats> {
    const { manifest } = await this.current();
    return { documents: manifest.documents, chunks: manifest.chunks };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const filter = upstashFilter(options.filters);
    const state = await this.current();
    // Both rankings reach as deep as the local index's fusion does, then the fused list is cut.
    const common = {
      topK: Math.max(limit, DENSE_DEPTH),
      includeMetadata: true,
      fusionAlgorithm: FusionAlgorithm[this.options.fusion],
      ...(filter ? { filter } : {}),
    } as const;
    // The pipeline translated the question when it could matter (answer/translation-plan.ts).
    const translation = (options.translations ?? []).join('\n');
    let results;
    if (this.options.embedding === 'custom') {
      const [vector, sparseVector] = await Promise.all([
        this.embedQuery(query, state),
        this.sparseQuery(query, state, translation),
      ]);
      const payload = { ...common, vector, ...(sparseVector.indices.length ? { sparseVector } : {}) };
      results = await call(() => this.chunkSpace.query(payload));
    } else {
      results = await call(() =>
        this.chunkSpace.query({ ...common, data: translation ? `${query}\n${translation}` : query }),
      );
    }
    const hits: SearchHit[] = [];
    for (const result of results) {
      const passage = passageOf(String(result.id), result.metadata);
      if (passage) hits.push({ passage, score: result.score });
      else this.warnOnce(`${UPSTASH} returned ${result.id}, which is not a chunk record of this app; skipped`);
    }
    return hits.slice(0, limit);
  }
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw upstashError(error);
  }
}

/**
 * Brings an Upstash Vector namespace in line with a corpus (`npm run ingest -- --target
 * upstash`), runtime-agnostic: the CLI gives it the chunks and a client.
 *
 * Order, so that an interrupted run leaves the index answering and a re-run finishes it:
 * 1. upsert the chunks of new and changed documents (ids are chunk ids, so a retried batch
 *    overwrites itself), recording each document's hash once all its chunks are in;
 * 2. write the next generation of statistics and glossary, then the manifest naming it;
 * 3. only then delete: the previous generation, chunk ids the corpus no longer has (found by
 *    ranging over the namespace, so chunks of a run that died before recording anything are
 *    found too), and the records of removed documents.
 * Unchanged documents (same hash of their records, models and analyzer) are not re-embedded.
 */
import type { Chunk, DocumentMeta, Lang } from '../types.js';
import type { UpstashEmbedding } from '../config.js';
import type { Embedder } from './embeddings.js';
import type { GlossaryEntry } from './glossary.js';
import type { VectorIndex } from './upstash-connect.js';
import { upstashError } from './upstash-errors.js';
import { chunkRecord, MAX_METADATA_BYTES, type ChunkRecord } from './upstash-records.js';
import { documentVector, termDimension, type LengthNorms, type SparseVector } from './sparse-vectors.js';
import { encodeShards, shardCountFor, TermStatsBuilder } from './term-stats.js';
import {
  analyzerFingerprint,
  DOCUMENT_RECORD_PREFIX,
  documentRecordId,
  embeddingMismatch,
  generationPrefixes,
  glossaryShardId,
  glossaryShards,
  manifestSchema,
  MANIFEST_ID,
  metaNamespace,
  statsShardId,
  UPSTASH_INDEX_FORMAT,
  UPSTASH_INDEX_VERSION,
  type ManifestEmbedding,
  type UpstashManifest,
} from './upstash-manifest.js';

/** Upstash recommends upserting at most 1,000 vectors at a time (https://upstash.com/docs/vector/help/faq). */
export const MAX_BATCH_VECTORS = 1_000;
/**
 * No request size limit is documented for Vector; Upstash Redis caps a request at 10 MB, so
 * a batch also stops growing at 8 MB of JSON (1,000 chunks of 1,024 dimensions are ~17 MB,
 * so such batches hold ~400 chunks).
 */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** Average chunk lengths may drift this much before every chunk's sparse weights are recomputed. */
export const NORM_DRIFT = 0.1;
/** Ids a range page returns. */
const PAGE = 1_000;

export interface SyncCorpus {
  documents: DocumentMeta[];
  chunks: Chunk[];
  /** Name pairs mined from the corpus (the local index's `glossary`). */
  glossary: GlossaryEntry[];
}

export interface SyncProgress {
  phase: 'upload' | 'delete';
  done: number;
  total: number;
}

export interface SyncOptions {
  index: VectorIndex;
  /** '' is the default namespace. */
  namespace: string;
  embedding: UpstashEmbedding;
  /** Embeds chunks (custom vectors). */
  embedder?: Embedder;
  /** Report what would change; write nothing and embed nothing. */
  dryRun?: boolean;
  /** Empty the namespace first: the only way to move an index to another embedding model. */
  reset?: boolean;
  /** Vectors per upsert, at most MAX_BATCH_VECTORS. */
  batchSize?: number;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
}

export interface SyncSummary {
  dryRun: boolean;
  documents: { total: number; added: number; changed: number; unchanged: number; removed: number };
  chunks: { total: number; upserted: number; deleted: number };
  /** Upstash requests made (a batch upsert bills one update per vector; see docs/upstash.md). */
  requests: number;
  vectorsWritten: number;
  generation: number;
  seconds: number;
}

/** The index cannot take this corpus as configured (wrong index type, model or dimensions). */
export class SyncError extends Error {
  override name = 'SyncError';
}

interface DocumentPlan {
  doc: DocumentMeta;
  records: ChunkRecord[];
  hash: string;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Float32 precision is all a vector has; eight digits keep it and halve the JSON. */
const compact = (vector: Float32Array) => Array.from(vector, (x) => Number(x.toPrecision(8)));

/** Bookkeeping records need some vector in a hybrid index; it is never queried. */
const placeholderSparse: SparseVector = { indices: [0], values: [1] };
function placeholderDense(dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  vector[0] = 1;
  return vector;
}

function closeEnough(previous: LengthNorms, next: LengthNorms): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= NORM_DRIFT * b;
  return near(previous.avgBodyLength, next.avgBodyLength) && near(previous.avgTitleLength, next.avgTitleLength);
}

export async function syncToUpstash(corpus: SyncCorpus, options: SyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const batchSize = Math.min(options.batchSize ?? MAX_BATCH_VECTORS, MAX_BATCH_VECTORS);
  const chunkSpace = options.index.namespace(options.namespace);
  const metaSpace = options.index.namespace(metaNamespace(options.namespace));
  let requests = 0;
  let vectorsWritten = 0;
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    requests++;
    try {
      return await work();
    } catch (error) {
      throw upstashError(error);
    }
  };

  // What kind of index this is decides what we send it.
  const info = await call(() => options.index.info());
  const indexType = (info as { indexType?: string }).indexType;
  if (indexType !== undefined && indexType !== 'HYBRID') {
    throw new SyncError(
      `the Upstash index is ${indexType}; create a HYBRID index (dense + sparse), see docs/upstash.md`,
    );
  }
  const dimensions = info.denseIndex?.dimension ?? info.dimension;
  const embedding = indexEmbedding(options, info, dimensions);

  if (options.reset && !options.dryRun) {
    await call(() => chunkSpace.reset());
    await call(() => metaSpace.reset());
  }
  const previous = options.reset ? undefined : await readManifest(metaSpace, call);
  if (previous) {
    const mismatch = embeddingMismatch(previous.embedding, embeddingIdentity(embedding));
    if (mismatch) throw new SyncError(`${mismatch.replace(/; set .*$/, '')}; re-run with --reset to rebuild it`);
  }

  // Records and corpus statistics.
  const docsById = new Map(corpus.documents.map((d) => [d.id, d]));
  const recordsByDoc = new Map<string, ChunkRecord[]>(corpus.documents.map((d) => [d.id, []]));
  const stats = new TermStatsBuilder();
  for (const chunk of corpus.chunks) {
    const doc = docsById.get(chunk.docId);
    if (!doc) throw new SyncError(`chunk ${chunk.id} names unknown document ${chunk.docId}`);
    const record = chunkRecord(doc, chunk);
    const size = new TextEncoder().encode(JSON.stringify(record.metadata)).length;
    if (size > MAX_METADATA_BYTES) {
      throw new SyncError(`chunk ${chunk.id} has ${size} bytes of metadata; Upstash allows ${MAX_METADATA_BYTES}`);
    }
    recordsByDoc.get(doc.id)!.push(record);
    stats.add(
      [...record.bodyTerms, ...record.titleTerms].map(termDimension),
      record.bodyTerms.length,
      record.titleTerms.length,
    );
  }
  const termStats = stats.build();
  const analyzer = analyzerFingerprint();
  const keepNorms = previous?.sparse?.analyzer === analyzer && closeEnough(previous.sparse, termStats);
  const norms: LengthNorms = keepNorms ? previous!.sparse! : termStats;

  const plans: DocumentPlan[] = [];
  for (const doc of corpus.documents) {
    const records = recordsByDoc.get(doc.id)!;
    const hash = await sha256(
      JSON.stringify({
        version: UPSTASH_INDEX_VERSION,
        embedding: embeddingIdentity(embedding),
        sparse: embedding.source === 'custom' ? { analyzer, norms: [norms.avgBodyLength, norms.avgTitleLength] } : null,
        records: records.map((r) => [r.id, r.metadata, r.embedText]),
      }),
    );
    plans.push({ doc, records, hash });
  }

  const stored = await listDocumentHashes(metaSpace, call);
  const changed = plans.filter((p) => stored.get(p.doc.id) !== p.hash);
  const removed = [...stored.keys()].filter((id) => !docsById.has(id));
  const expectedIds = new Set(corpus.chunks.map((c) => c.id));
  const staleIds = await listStaleIds(chunkSpace, expectedIds, call);
  const upserts = changed.reduce((n, p) => n + p.records.length, 0);
  const generation = (previous?.generation ?? 0) + 1;
  const summary = (deleted: number): SyncSummary => ({
    dryRun: Boolean(options.dryRun),
    documents: {
      total: plans.length,
      added: changed.filter((p) => !stored.has(p.doc.id)).length,
      changed: changed.filter((p) => stored.has(p.doc.id)).length,
      unchanged: plans.length - changed.length,
      removed: removed.length,
    },
    chunks: { total: corpus.chunks.length, upserted: options.dryRun ? 0 : upserts, deleted },
    requests,
    vectorsWritten,
    generation: options.dryRun ? (previous?.generation ?? 0) : generation,
    seconds: (performance.now() - started) / 1000,
  });
  if (options.dryRun)
    return { ...summary(0), chunks: { total: corpus.chunks.length, upserted: upserts, deleted: staleIds.length } };

  // 1. Chunks of new and changed documents.
  const metaRecord = (id: string, metadata: Record<string, unknown>) =>
    embedding.source === 'custom'
      ? { id, vector: placeholderDense(dimensions), sparseVector: placeholderSparse, metadata }
      : { id, data: 'fund-assistant bookkeeping', metadata };
  const writeMeta = async (records: ReturnType<typeof metaRecord>[]) => {
    for (const batch of batches(records, batchSize)) {
      await call(() => upsert(metaSpace, batch));
      vectorsWritten += batch.length;
    }
  };

  let uploaded = 0;
  const pending = changed.flatMap((plan) => plan.records.map((record) => ({ plan, record })));
  const remaining = new Map(changed.map((p) => [p.doc.id, p.records.length]));
  options.onProgress?.({ phase: 'upload', done: 0, total: pending.length });
  // JSON bytes of a record, roughly: ~11 characters a dimension, 4 bytes a character of text, ~25 a sparse term.
  const recordBytes = ({ record }: (typeof pending)[number]) =>
    dimensions * 11 + record.embedText.length * 4 + record.bodyTerms.length * 25 + 500;
  for (const batch of batchesBySize(pending, batchSize, recordBytes)) {
    const vectors =
      embedding.source === 'custom'
        ? await options.embedder!.embed(
            batch.map((b) => b.record.embedText),
            'passage',
          )
        : undefined;
    if (vectors?.some((v) => v.length !== dimensions)) {
      throw new SyncError(
        `${options.embedder!.model} gives vectors of ${vectors.find((v) => v.length !== dimensions)!.length} dimensions; ` +
          `the Upstash index has ${dimensions}`,
      );
    }
    const payload = batch.map(({ record }, i) =>
      vectors
        ? {
            id: record.id,
            vector: compact(vectors[i]!),
            sparseVector: documentVector(record.bodyTerms, record.titleTerms, norms),
            metadata: record.metadata,
          }
        : { id: record.id, data: record.embedText, metadata: record.metadata },
    );
    await call(() => upsert(chunkSpace, payload));
    vectorsWritten += payload.length;
    uploaded += batch.length;
    options.onProgress?.({ phase: 'upload', done: uploaded, total: pending.length });
    // A document is recorded once all its chunks are in: a re-run redoes only unfinished ones.
    const finished: DocumentPlan[] = [];
    for (const { plan } of batch) {
      const left = remaining.get(plan.doc.id)! - 1;
      remaining.set(plan.doc.id, left);
      if (left === 0) finished.push(plan);
    }
    await writeMeta(
      finished.map((p) => metaRecord(documentRecordId(p.doc.id), { hash: p.hash, chunks: p.records.length })),
    );
  }
  // Documents without chunks (an empty page) are recorded too, or they would count as changed forever.
  await writeMeta(
    changed
      .filter((p) => p.records.length === 0)
      .map((p) => metaRecord(documentRecordId(p.doc.id), { hash: p.hash, chunks: 0 })),
  );

  // 2. Statistics and glossary of this corpus, then the manifest naming them.
  let sparse: UpstashManifest['sparse'];
  if (embedding.source === 'custom') {
    const statsShards = shardCountFor(termStats.df.size);
    const glossary = glossaryShards(corpus.glossary);
    await writeMeta([
      ...encodeShards(termStats.df, statsShards).map((df, shard) =>
        metaRecord(statsShardId(generation, shard), { df }),
      ),
      ...glossary.map((pairs, shard) => metaRecord(glossaryShardId(generation, shard), { pairs })),
    ]);
    sparse = {
      analyzer,
      documents: termStats.documents,
      avgBodyLength: norms.avgBodyLength,
      avgTitleLength: norms.avgTitleLength,
      statsShards,
      glossaryShards: glossary.length,
    };
  }
  const manifest: UpstashManifest = {
    format: UPSTASH_INDEX_FORMAT,
    version: UPSTASH_INDEX_VERSION,
    builtAt: (options.now?.() ?? new Date()).toISOString(),
    generation,
    embedding,
    ...(sparse ? { sparse } : {}),
    documents: corpus.documents.length,
    chunks: corpus.chunks.length,
    languages: [...new Set<Lang>(corpus.documents.map((d) => d.lang))].sort(),
  };
  await writeMeta([metaRecord(MANIFEST_ID, manifest as unknown as Record<string, unknown>)]);

  // 3. What is no longer part of the corpus.
  let deleted = 0;
  const toDelete = [...staleIds];
  options.onProgress?.({ phase: 'delete', done: 0, total: toDelete.length });
  for (const batch of batches(toDelete, batchSize)) {
    deleted += (await call(() => chunkSpace.delete(batch))).deleted;
    options.onProgress?.({ phase: 'delete', done: deleted, total: toDelete.length });
  }
  if (previous)
    for (const prefix of generationPrefixes(previous.generation)) await call(() => metaSpace.delete({ prefix }));
  for (const batch of batches(removed.map(documentRecordId), batchSize)) await call(() => metaSpace.delete(batch));
  return summary(deleted);
}

/** Which embedding the index takes: custom vectors need an embedder; hosted models are read from the index. */
function indexEmbedding(
  options: SyncOptions,
  info: Awaited<ReturnType<VectorIndex['info']>>,
  dimensions: number,
): ManifestEmbedding {
  const denseModel = info.denseIndex?.embeddingModel;
  const sparseModel = info.sparseIndex?.embeddingModel;
  if (options.embedding === 'hosted') {
    if (!denseModel || !sparseModel) {
      throw new SyncError(
        'UPSTASH_VECTOR_EMBEDDING is hosted, but the index has no Upstash-hosted models; create it with ' +
          'BGE_M3 as dense and sparse model, or use custom vectors',
      );
    }
    if (/bm25/i.test(sparseModel)) {
      throw new SyncError(
        `the index's sparse model is ${sparseModel}, which only tokenizes English; create it with BGE_M3`,
      );
    }
    return { source: 'hosted', denseModel, sparseModel, dimensions };
  }
  if (denseModel) {
    throw new SyncError(
      `the index embeds text with Upstash-hosted ${denseModel}; set UPSTASH_VECTOR_EMBEDDING=hosted, ` +
        'or create an index for custom vectors',
    );
  }
  if (!options.embedder) throw new SyncError('custom vectors need an embeddings endpoint (EMBEDDING_API_KEY)');
  return {
    source: 'custom',
    passageModel: options.embedder.model,
    queryModel: options.embedder.queryModel,
    dimensions,
  };
}

const embeddingIdentity = (e: ManifestEmbedding) =>
  e.source === 'custom'
    ? { source: 'custom' as const, passageModel: e.passageModel, queryModel: e.queryModel }
    : { source: 'hosted' as const };

type Namespace = ReturnType<VectorIndex['namespace']>;
type VectorRecord = { id: string; vector: number[]; sparseVector: SparseVector; metadata: Record<string, unknown> };
type DataRecord = { id: string; data: string; metadata: Record<string, unknown> };

/** The SDK types a batch as all vectors or all text; ours always is one or the other (custom or hosted index). */
const upsert = (space: Namespace, records: (VectorRecord | DataRecord)[]) => space.upsert(records as VectorRecord[]);
type Call = <T>(work: () => Promise<T>) => Promise<T>;

async function readManifest(metaSpace: Namespace, call: Call): Promise<UpstashManifest | undefined> {
  const [record] = await call(() => metaSpace.fetch([MANIFEST_ID], { includeMetadata: true }));
  if (!record) return undefined;
  const parsed = manifestSchema.safeParse(record.metadata);
  if (!parsed.success || parsed.data.version !== UPSTASH_INDEX_VERSION) {
    throw new SyncError('the namespace holds an index of another format or version; re-run with --reset to rebuild it');
  }
  return parsed.data;
}

/** Every page of a range over `space`, ids with `prefix`. */
async function* rangeAll(space: Namespace, call: Call, prefix: string, includeMetadata: boolean) {
  let cursor = '0';
  do {
    const page = await call(() => space.range({ cursor, limit: PAGE, prefix, includeMetadata }));
    yield page.vectors;
    cursor = page.nextCursor;
  } while (cursor !== '');
}

async function listDocumentHashes(metaSpace: Namespace, call: Call): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for await (const vectors of rangeAll(metaSpace, call, DOCUMENT_RECORD_PREFIX, true)) {
    for (const v of vectors) {
      const hash = (v.metadata as { hash?: unknown } | undefined)?.hash;
      if (typeof hash === 'string') hashes.set(String(v.id).slice(DOCUMENT_RECORD_PREFIX.length), hash);
    }
  }
  return hashes;
}

async function listStaleIds(chunkSpace: Namespace, expected: Set<string>, call: Call): Promise<string[]> {
  const stale: string[] = [];
  for await (const vectors of rangeAll(chunkSpace, call, '', false)) {
    for (const v of vectors) if (!expected.has(String(v.id))) stale.push(String(v.id));
  }
  return stale;
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Batches of at most `size` items and MAX_BATCH_BYTES by `bytes`' estimate. */
function batchesBySize<T>(items: T[], size: number, bytes: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length > 0 && (current.length >= size || total + b > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += b;
  }
  if (current.length) out.push(current);
  return out;
}

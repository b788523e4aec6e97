/**
 * The index manifest and the bookkeeping records beside a corpus' chunks.
 *
 * A corpus lives in one namespace (UPSTASH_VECTOR_NAMESPACE); everything that is not a chunk
 * lives in a companion namespace `<namespace>__meta`, so queries and id listings of the
 * corpus namespace only ever see chunks:
 * - `manifest`: what built the index (embedding models and dimensions, analyzer, corpus
 *   averages), its size for /health, and which generation of statistics is current;
 * - `df:<generation>:<shard>`: document frequencies for the query's idf (term-stats.ts);
 * - `glossary:<generation>:<shard>`: the name pairs mined from the corpus, for cross-language queries;
 * - `doc:<document id>`: a hash of each document's records, so a re-run skips unchanged documents.
 *
 * Upstash keeps bookkeeping in metadata: a hybrid index needs both vectors on every record
 * (upsert docs), so these records carry a placeholder vector.
 */
import * as z from 'zod';
import { tokenize } from '../text/tokenize.js';
import { termDimension } from './sparse-vectors.js';
import type { GlossaryEntry } from './glossary.js';

export const UPSTASH_INDEX_FORMAT = 'fund-assistant/upstash-index';
/** Bump when the stored records change shape: older indexes are refused until re-ingested. */
export const UPSTASH_INDEX_VERSION = 1;
export const MANIFEST_ID = 'manifest';

export const metaNamespace = (namespace: string) => `${namespace}__meta`;
export const statsShardId = (generation: number, shard: number) => `df:${generation}:${shard}`;
export const glossaryShardId = (generation: number, shard: number) => `glossary:${generation}:${shard}`;
export const generationPrefixes = (generation: number) => [`df:${generation}:`, `glossary:${generation}:`];
export const DOCUMENT_RECORD_PREFIX = 'doc:';
export const documentRecordId = (docId: string) => `${DOCUMENT_RECORD_PREFIX}${docId}`;

/**
 * A fingerprint of the analyzer: the dimensions it gives a fixed text with Hangul, particles,
 * amounts, dates and English. A build whose analyzer splits text differently gets another
 * fingerprint, and the index it meets is known to be out of date.
 */
const ANALYZER_PROBE =
  '국민성장펀드가 업스테이지에 5조6천억 원(약 42억 달러)을 2026년 4월 30일 투자한다. 몫은 제65조에 따라 ' +
  'Upstage receives 5.6 trillion won for AI chips, 15,000 units, 3.5% rate.';
export function analyzerFingerprint(): string {
  return termDimension(tokenize(ANALYZER_PROBE).join(' ')).toString(36);
}

const customEmbedding = z.object({
  source: z.literal('custom'),
  passageModel: z.string(),
  queryModel: z.string(),
  dimensions: z.number().int().positive(),
});
const hostedEmbedding = z.object({
  source: z.literal('hosted'),
  denseModel: z.string(),
  sparseModel: z.string(),
  dimensions: z.number().int().positive(),
});

const sparseStats = z.object({
  analyzer: z.string(),
  /** Chunks the document frequencies count (idf's N). */
  documents: z.number().int().nonnegative(),
  avgBodyLength: z.number().positive(),
  avgTitleLength: z.number().positive(),
  statsShards: z.number().int().positive(),
  glossaryShards: z.number().int().nonnegative(),
});

export const manifestSchema = z.object({
  format: z.literal(UPSTASH_INDEX_FORMAT),
  version: z.number().int(),
  builtAt: z.string(),
  /** Names the current statistics and glossary records; each ingest writes the next. */
  generation: z.number().int().nonnegative(),
  embedding: z.discriminatedUnion('source', [customEmbedding, hostedEmbedding]),
  /** Custom-vector indexes only: our sparse vectors and what their weights were computed with. */
  sparse: sparseStats.optional(),
  documents: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  languages: z.array(z.enum(['ko', 'en'])),
});

export type UpstashManifest = z.infer<typeof manifestSchema>;
export type ManifestEmbedding = UpstashManifest['embedding'];

/** Glossary pairs per record: well under Upstash's 48 KB of metadata. */
export const GLOSSARY_PAIRS_PER_SHARD = 300;

export function glossaryShards(glossary: readonly GlossaryEntry[]): GlossaryEntry[][] {
  const shards: GlossaryEntry[][] = [];
  for (let i = 0; i < glossary.length; i += GLOSSARY_PAIRS_PER_SHARD) {
    shards.push(glossary.slice(i, i + GLOSSARY_PAIRS_PER_SHARD));
  }
  return shards;
}

/** How an index and the configured embedder differ, in words; undefined when they agree. */
export function embeddingMismatch(
  stored: ManifestEmbedding,
  configured: { source: 'hosted' } | { source: 'custom'; passageModel: string; queryModel: string },
): string | undefined {
  if (stored.source !== configured.source) {
    return stored.source === 'hosted'
      ? 'the index was built by Upstash-hosted models, but UPSTASH_VECTOR_EMBEDDING is custom'
      : `the index holds vectors from ${stored.passageModel}, but UPSTASH_VECTOR_EMBEDDING is hosted`;
  }
  if (stored.source === 'custom' && configured.source === 'custom') {
    if (stored.passageModel !== configured.passageModel || stored.queryModel !== configured.queryModel) {
      return (
        `the index was built with ${stored.passageModel} (questions: ${stored.queryModel}, ` +
        `${stored.dimensions} dimensions), but this deployment is configured for ${configured.passageModel} ` +
        `(questions: ${configured.queryModel}); set EMBEDDING_PASSAGE_MODEL/EMBEDDING_QUERY_MODEL to the index's ` +
        'models, or re-run `npm run ingest -- --target upstash --reset`'
      );
    }
  }
  return undefined;
}

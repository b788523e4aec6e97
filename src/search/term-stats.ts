/**
 * Corpus statistics the sparse vectors need: document frequency per dimension (for the
 * query's idf) and the average body and title lengths (for the documents' length norm).
 *
 * Why we keep them ourselves instead of Upstash's `weightingStrategy: IDF`: Upstash computes
 * idf as log((N − n + 0.5) / (n + 0.5)) (sparseindexes docs), which turns negative for
 * terms in more than half the chunks, and strongly so in a small corpus where a fund's name
 * is in most chunks: a question naming it would push the chunks that name it down. The
 * local index uses Lucene's never-negative form; keeping the counts ourselves gives the same
 * scores in both modes. They are stored beside the index (upstash-manifest.ts), so a new
 * ingest is live without redeploying the worker.
 *
 * Stored as shards: dimension % shardCount picks the shard, so a question fetches only the
 * few shards its terms fall in (about 3 KB each) instead of the whole table.
 */
import { ByteReader, ByteWriter, fromBase64, toBase64 } from './codec.js';
import type { LengthNorms } from './sparse-vectors.js';

/** Terms per shard: a query of 30 terms fetches ≤30 shards of ~3 KB base64 each. */
export const TERMS_PER_SHARD = 512;

export interface TermStats extends LengthNorms {
  /** Chunks counted. */
  documents: number;
  /** Chunks holding each dimension. */
  df: Map<number, number>;
}

/** Counts chunk after chunk (each chunk's distinct dimensions once). */
export class TermStatsBuilder {
  private readonly df = new Map<number, number>();
  private documents = 0;
  private bodyLength = 0;
  private titleLength = 0;

  add(dimensions: Iterable<number>, bodyLength: number, titleLength: number): void {
    this.documents++;
    this.bodyLength += bodyLength;
    this.titleLength += titleLength;
    for (const dimension of new Set(dimensions)) this.df.set(dimension, (this.df.get(dimension) ?? 0) + 1);
  }

  build(): TermStats {
    const n = Math.max(1, this.documents);
    return {
      documents: this.documents,
      avgBodyLength: this.bodyLength / n || 1,
      avgTitleLength: this.titleLength / n || 1,
      df: this.df,
    };
  }
}

export const shardCountFor = (terms: number) => Math.max(1, Math.ceil(terms / TERMS_PER_SHARD));
export const shardOf = (dimension: number, shardCount: number) => dimension % shardCount;

/** Each shard as base64 varints: the count, the dimensions delta-coded in ascending order, then their frequencies. */
export function encodeShards(df: ReadonlyMap<number, number>, shardCount: number): string[] {
  const shards = Array.from({ length: shardCount }, () => [] as number[]);
  for (const dimension of df.keys()) shards[shardOf(dimension, shardCount)]!.push(dimension);
  return shards.map((dimensions) => {
    dimensions.sort((a, b) => a - b);
    const out = new ByteWriter();
    out.varint(dimensions.length);
    let previous = 0;
    for (const d of dimensions) {
      out.varint(d - previous);
      previous = d;
    }
    for (const d of dimensions) out.varint(df.get(d)!);
    return toBase64(out.view());
  });
}

/** @throws RangeError on a damaged shard. */
export function decodeShard(payload: string): Map<number, number> {
  const reader = new ByteReader(fromBase64(payload));
  const n = reader.varint();
  const dimensions = new Uint32Array(n);
  const frequencies = new Uint32Array(n);
  reader.varints(dimensions, 0, n);
  reader.varints(frequencies, 0, n);
  const out = new Map<number, number>();
  let previous = 0;
  for (let i = 0; i < n; i++) {
    previous += dimensions[i]!;
    out.set(previous, frequencies[i]!);
  }
  return out;
}

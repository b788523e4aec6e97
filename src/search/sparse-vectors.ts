/**
 * Sparse vectors from our own Korean analyzer, for Upstash Vector's sparse component
 * (https://upstash.com/docs/vector/features/sparseindexes): Upstash's hosted BM25 model is
 * English-only, so the terms come from `src/text/tokenize.ts` (Hangul bigrams, normalized
 * amounts and dates) and the weights are the local index's BM25F, split in two halves
 * whose dot product is the BM25F score:
 *
 *   document value(t) = (k1 + 1) · tf̃ / (tf̃ + k1),   tf̃ = body tf / norm_body + title tf / norm_title
 *   query value(t)    = weight(t) · idf(t)
 *
 * The document half depends only on the chunk and the corpus' average lengths; the query
 * half needs document frequencies at query time (see term-stats.ts). `5조6천억 원` and
 * `5.6 trillion won` share the term `#krw5600000000000`, so they share a dimension.
 *
 * Dimensions are term hashes: 32-bit FNV-1a of the term's UTF-8 bytes, kept to 31 bits so an
 * index fits the signed 32-bit integers of Upstash's Go SDK (`Indices []int32`); 0 is never
 * produced (reserved for bookkeeping records). Two terms may share a dimension: with V
 * distinct terms about V²/2³² pairs collide (≈60 for half a million terms); their weights
 * then add up, as if one term. Rare enough not to move a ranking measurably.
 */
import { BM25_B_BODY, BM25_B_TITLE, BM25_K1, TITLE_WEIGHT } from './bm25.js';

export interface SparseVector {
  indices: number[];
  values: number[];
}

/** Frequencies are capped as the local index stores them (one byte). */
const MAX_TF = 255;
const encoder = new TextEncoder();

/**
 * The sparse dimension of a term.
 *
 * @example termDimension('#krw5600000000000') // the same for `5조6천억 원` and `5.6 trillion won`
 */
export function termDimension(term: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(term)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash & 0x7fffffff || 1;
}

/** The corpus averages BM25F's length normalization divides by. */
export interface LengthNorms {
  avgBodyLength: number;
  avgTitleLength: number;
}

function counts(terms: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const term of terms) {
    const dimension = termDimension(term);
    out.set(dimension, (out.get(dimension) ?? 0) + 1);
  }
  return out;
}

function sorted(weights: Map<number, number>): SparseVector {
  const indices = [...weights.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => weights.get(i)!) };
}

/** A chunk's half of BM25F: saturated, length-normalized term frequencies of body and title. */
export function documentVector(body: readonly string[], title: readonly string[], norms: LengthNorms): SparseVector {
  const bodyNorm = 1 - BM25_B_BODY + (BM25_B_BODY * body.length) / (norms.avgBodyLength || 1);
  const titleNorm = (1 - BM25_B_TITLE + (BM25_B_TITLE * title.length) / (norms.avgTitleLength || 1)) / TITLE_WEIGHT;
  const bodyTf = counts(body);
  const titleTf = counts(title);
  const weights = new Map<number, number>();
  for (const dimension of new Set([...bodyTf.keys(), ...titleTf.keys()])) {
    const tf =
      Math.min(bodyTf.get(dimension) ?? 0, MAX_TF) / bodyNorm +
      Math.min(titleTf.get(dimension) ?? 0, MAX_TF) / titleNorm;
    weights.set(dimension, ((BM25_K1 + 1) * tf) / (tf + BM25_K1));
  }
  return sorted(weights);
}

/** Inverse document frequency in Lucene's form, never negative (as the local index's BM25). */
export function idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * The query's half: each term's weight (how often the query asks for it, less for
 * translations) times its idf. Terms no chunk holds are left out.
 */
export function queryVector(
  weights: ReadonlyMap<string, number>,
  documentFrequency: (dimension: number) => number,
  documents: number,
): SparseVector {
  const values = new Map<number, number>();
  for (const [term, weight] of weights) {
    const dimension = termDimension(term);
    const df = documentFrequency(dimension);
    if (df <= 0 || weight <= 0) continue;
    values.set(dimension, (values.get(dimension) ?? 0) + weight * idf(df, documents));
  }
  return sorted(values);
}

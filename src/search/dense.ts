/**
 * Dense vectors of the chunks, stored with the index: unit-length, quantized to one signed
 * byte per dimension with a scale per vector (1 KiB a chunk for 1,024 dimensions instead of
 * 4 KiB; cosine ranking is practically unchanged at this precision), searched exhaustively.
 * Exhaustive search is ~1 ms per thousand chunks: right for the embedded default's corpora;
 * large corpora belong in Upstash Vector.
 */

export interface DenseData {
  /** The embeddings model the vectors come from (queries must use the same). */
  model: string;
  dimensions: number;
  /** Int8 components, chunk after chunk. */
  vectors: Int8Array;
  /** Scale per chunk. */
  scales: Float32Array;
}

/** Normalizes and quantizes one vector per chunk. */
export function encodeDense(model: string, vectors: readonly Float32Array[]): DenseData {
  const dimensions = vectors[0]?.length ?? 0;
  const bytes = new Int8Array(vectors.length * dimensions);
  const scales = new Float32Array(vectors.length);
  vectors.forEach((v, i) => {
    if (v.length !== dimensions) throw new RangeError(`vector ${i} has ${v.length} dimensions, not ${dimensions}`);
    let norm = 0;
    let max = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (const x of v) max = Math.max(max, Math.abs(x / norm));
    const scale = max / 127 || 1;
    scales[i] = scale;
    for (let d = 0; d < dimensions; d++) bytes[i * dimensions + d] = Math.round(v[d]! / norm / scale);
  });
  return { model, dimensions, vectors: bytes, scales };
}

export class DenseIndex {
  private constructor(
    readonly model: string,
    readonly dimensions: number,
    private readonly vectors: Int8Array,
    private readonly scales: Float32Array,
  ) {}

  static fromData(data: DenseData, chunks: number): DenseIndex {
    if (data.vectors.length !== chunks * data.dimensions || data.scales.length !== chunks) {
      throw new RangeError(`dense vectors do not match ${chunks} chunks of ${data.dimensions} dimensions`);
    }
    return new DenseIndex(data.model, data.dimensions, data.vectors, data.scales);
  }

  /** Chunks by cosine similarity to `query`, best first, among those `accept` lets through. */
  search(query: Float32Array, limit: number, accept?: (doc: number) => boolean): { doc: number; score: number }[] {
    if (query.length !== this.dimensions) {
      throw new RangeError(`the query vector has ${query.length} dimensions, the index ${this.dimensions}`);
    }
    let norm = 0;
    for (const x of query) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    const n = this.scales.length;
    const best: { doc: number; score: number }[] = [];
    if (limit <= 0) return best;
    for (let doc = 0; doc < n; doc++) {
      let dot = 0;
      const base = doc * this.dimensions;
      for (let d = 0; d < this.dimensions; d++) dot += query[d]! * this.vectors[base + d]!;
      const score = (dot * this.scales[doc]!) / norm;
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      if (accept && !accept(doc)) continue;
      if (best.length === limit) best.pop();
      let i = best.length;
      while (i > 0 && best[i - 1]!.score < score) i--;
      best.splice(i, 0, { doc, score });
    }
    return best;
  }
}

/**
 * The anchor `bench:scale` measures the local index against: the "~100-line BM25 over the
 * same bigrams" of docs/retrieval.md, written the way one would write it first. Terms are the
 * project's analyzer output for the chunk text (so the comparison is about the index, not the
 * analyzer); each term's postings are one JS array of (chunk, frequency) pairs in a Map; one
 * field, no proximity, no query expansion.
 * Scoring shares the local index's accumulator and top-k selection, so its query time is
 * what BM25 itself costs over these postings.
 */
import { BM25_B_BODY, BM25_K1, topK, type ScoredChunk } from '../search/bm25.js';
import { tokenize } from '../text/tokenize.js';

export class PlainBm25 {
  /** Per term: chunk, frequency, chunk, frequency, … */
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: number[] = [];
  private averageLength = 1;
  private scores = new Float64Array(0);
  private touched = new Uint32Array(0);

  /** Indexes the texts as chunks 0, 1, 2, … */
  constructor(texts: Iterable<string>) {
    for (const text of texts) this.add(text);
    const total = this.lengths.reduce((a, b) => a + b, 0);
    this.averageLength = total / Math.max(1, this.lengths.length) || 1;
    this.scores = new Float64Array(this.lengths.length);
    this.touched = new Uint32Array(this.lengths.length);
  }

  private add(text: string): void {
    const doc = this.lengths.length;
    const terms = tokenize(text);
    this.lengths.push(terms.length);
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    for (const [term, count] of tf) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(doc, count);
    }
  }

  get size(): number {
    return this.lengths.length;
  }

  /** The `limit` best chunks for the query, best first. */
  search(query: string, limit: number): ScoredChunk[] {
    const n = this.lengths.length;
    const { scores, touched, lengths } = this;
    let touchedCount = 0;
    for (const term of new Set(tokenize(query, { query: true }))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        const norm = 1 - BM25_B_BODY + (BM25_B_BODY * lengths[doc]!) / this.averageLength;
        if (scores[doc] === 0) touched[touchedCount++] = doc;
        scores[doc] = scores[doc]! + (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
      }
    }
    const candidates = touched.subarray(0, touchedCount);
    const best = topK(candidates, scores, limit);
    for (const doc of candidates) scores[doc] = 0;
    return best;
  }
}

/**
 * Okapi BM25 over analyzer terms, with the title and heading path counted as a boosted
 * field of every chunk (a simple BM25F). k1 and b follow the values that scored best for
 * character bigrams on the Korean benchmark (shared/data README: k1 0.9, b 0.4).
 */
export const BM25_K1 = 0.9;
export const BM25_B = 0.4;
/** A title term counts as this many body occurrences. */
export const TITLE_BOOST = 2;

export interface Posting {
  /** Chunk ordinal in the index. */
  doc: number;
  tf: number;
}

export class Bm25 {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  /** Adds a chunk; must be called with ordinals 0, 1, 2, … in order. */
  add(bodyTerms: string[], titleTerms: string[]): void {
    const doc = this.lengths.length;
    const tf = new Map<string, number>();
    for (const t of bodyTerms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of titleTerms) tf.set(t, (tf.get(t) ?? 0) + TITLE_BOOST);
    for (const [term, count] of tf) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push({ doc, tf: count });
    }
    this.lengths.push(bodyTerms.length);
    this.totalLength += bodyTerms.length;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Inverse document frequency, never negative (the BM25+ style floor). */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    const n = this.lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Scores every chunk that shares a term with the query. */
  score(queryTerms: string[], accept?: (doc: number) => boolean): Map<number, number> {
    const scores = new Map<number, number>();
    const avg = this.totalLength / Math.max(1, this.lengths.length) || 1;
    const unique = new Map<string, number>();
    for (const t of queryTerms) unique.set(t, (unique.get(t) ?? 0) + 1);
    for (const [term, qtf] of unique) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        if (accept && !accept(doc)) continue;
        const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * this.lengths[doc]!) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + qtf * idf * ((tf * (BM25_K1 + 1)) / norm));
      }
    }
    return scores;
  }
}

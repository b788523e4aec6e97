/**
 * Synthetic corpora for the scale benchmark: chunks of real Korean sentences (from the
 * benchmark passages) shuffled into new combinations, so term statistics stay those of real
 * text while the corpus grows to any size. Deterministic for a given seed.
 */
import type { Chunk, DocumentMeta } from '../types.js';

export interface SyntheticCorpusOptions {
  chunks: number;
  /** Chunks per document. */
  chunksPerDocument?: number;
  /** Characters a chunk aims for (the ingest chunker's order of size). */
  chunkChars?: number;
  seed?: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences (or OCR lines) of the source texts, long enough to carry words. */
export function sourceSentences(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const piece of text.split(/(?<=[.!?。])\s+|\n+/)) {
      const sentence = piece.trim();
      if (sentence.length >= 12) out.push(sentence);
    }
  }
  return out;
}

export function syntheticCorpus(
  sentences: readonly string[],
  titles: readonly string[],
  options: SyntheticCorpusOptions,
): { documents: DocumentMeta[]; chunks: Chunk[] } {
  if (sentences.length === 0) throw new Error('no source sentences for a synthetic corpus');
  const random = seededRandom(options.seed ?? 1);
  const perDoc = options.chunksPerDocument ?? 8;
  const target = options.chunkChars ?? 800;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  for (let i = 0; i < options.chunks; i++) {
    const docNumber = Math.floor(i / perDoc);
    const docId = `synthetic/${docNumber}`;
    if (i % perDoc === 0) {
      const day = String(1 + (docNumber % 28)).padStart(2, '0');
      documents.push({
        id: docId,
        title: `${titles.length ? pick(titles) : '문서'} ${docNumber}`,
        date: `2024-${String(1 + (docNumber % 12)).padStart(2, '0')}-${day}`,
        lang: 'ko',
      });
    }
    let text = '';
    while (text.length < target) text += (text ? ' ' : '') + pick(sentences);
    chunks.push({ id: `${docId}#${i % perDoc}`, docId, ordinal: i % perDoc, text });
  }
  return { documents, chunks };
}

import type { Chunk } from '../types.js';
import type { Section } from './types.js';
import { splitSentences } from './sentences.js';

/**
 * Target chunk size in characters. Announcements state one decision per paragraph of
 * 200-500 characters; 700 keeps a decision with its context in one chunk.
 */
export const DEFAULT_CHUNK_CHARS = 700;

export interface ChunkOptions {
  maxChars?: number;
}

/** Paragraphs: blank-line separated blocks, and list items (□ ○ - 1.) as their own units. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*(?:[□○◦•·▶■◆※-]|\d+[.)]\s|[가-하][.)]\s))/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** Breaks an over-long paragraph at sentence ends, and a run-on sentence at spaces. */
function pieces(paragraph: string, maxChars: number): string[] {
  if (paragraph.length <= maxChars) return [paragraph];
  const out: string[] = [];
  for (const sentence of splitSentences(paragraph)) {
    if (sentence.length <= maxChars) {
      out.push(sentence);
      continue;
    }
    for (let start = 0; start < sentence.length;) {
      let end = Math.min(sentence.length, start + maxChars);
      const space = sentence.lastIndexOf(' ', end);
      if (end < sentence.length && space > start + maxChars / 2) end = space;
      out.push(sentence.slice(start, end).trim());
      start = end;
    }
  }
  return out;
}

/**
 * Packs a document's sections into chunks of at most `maxChars`, never across a page or
 * heading boundary, so every chunk has one page and one heading path to cite.
 */
export function chunkSections(docId: string, sections: Section[], options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? DEFAULT_CHUNK_CHARS;
  const chunks: Chunk[] = [];
  const push = (text: string, section: Section) => {
    const ordinal = chunks.length;
    chunks.push({
      id: `${docId}#${ordinal}`,
      docId,
      ordinal,
      text,
      ...(section.page !== undefined ? { page: section.page } : {}),
      ...(section.headings?.length ? { headings: section.headings } : {}),
    });
  };
  for (const section of sections) {
    let current = '';
    for (const piece of paragraphs(section.text).flatMap((p) => pieces(p, maxChars))) {
      if (current && current.length + 1 + piece.length > maxChars) {
        push(current, section);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
    }
    if (current) push(current, section);
  }
  return chunks;
}

import type { Citation } from '../types.js';
import type { Passage } from '../types.js';

const MARKER = /\[(\d+(?:\s*[,,]\s*\d+)*)\]/g;
export const SNIPPET_CHARS = 240;

/** The source numbers an answer cites, in order of first mention, without repeats. */
export function citedNumbers(answer: string): number[] {
  const seen = new Set<number>();
  for (const match of answer.matchAll(MARKER)) {
    for (const part of match[1]!.split(/[,,]/)) seen.add(Number(part.trim()));
  }
  return [...seen];
}

function snippetOf(passage: Passage): string {
  const text = passage.text.replace(/\s+/g, ' ').trim();
  return text.length <= SNIPPET_CHARS ? text : `${text.slice(0, SNIPPET_CHARS - 1).trimEnd()}…`;
}

/**
 * Maps the `[n]` markers of an answer to the passages that were numbered `n` in the
 * prompt. Markers pointing past the context (a model's invention) are dropped.
 */
export function mapCitations(answer: string, passages: Passage[]): Citation[] {
  return citedNumbers(answer)
    .filter((n) => n >= 1 && n <= passages.length)
    .sort((a, b) => a - b)
    .map((n) => {
      const p = passages[n - 1]!;
      return {
        n,
        id: p.docId,
        title: p.title,
        ...(p.date ? { date: p.date } : {}),
        ...(p.url ? { url: p.url } : {}),
        ...(p.page !== undefined ? { page: p.page } : {}),
        snippet: snippetOf(p),
      };
    });
}

import type { Section } from './types.js';

/** A paragraph (or table) of a laid-out document, with where it sits and how large it is set. */
export interface Block {
  text: string;
  page?: number;
  /** Font size; larger than the body text marks a heading. */
  size?: number;
}

/** Set at least this much larger than the body text, a short block is a heading. */
const HEADING_SIZE_RATIO = 1.2;
const MAX_HEADING_CHARS = 100;

/**
 * Turns the blocks of a PDF or HWPX document into sections: one per page and heading, so
 * each chunk can cite its page and carry its heading path. Headings are found by type
 * size (these formats have no heading markup): short blocks set clearly larger than the
 * body text, ranked by size into levels.
 */
export function sectionsFromBlocks(blocks: Block[]): Section[] {
  const body = bodySize(blocks);
  const headingSizes = [
    ...new Set(
      blocks
        .filter((b) => isHeading(b, body))
        .map((b) => b.size!)
        .sort((a, b) => b - a),
    ),
  ];
  const sections: Section[] = [];
  const path: { level: number; text: string }[] = [];
  let current: { parts: string[]; page?: number; headings: string[]; hasBody: boolean } | undefined;
  const flush = () => {
    if (current?.parts.length) {
      sections.push({
        text: current.parts.join('\n\n'),
        ...(current.page !== undefined ? { page: current.page } : {}),
        ...(current.headings.length ? { headings: current.headings } : {}),
      });
    }
    current = undefined;
  };
  let previousWasHeading = false;
  for (const block of blocks) {
    const text = block.text.trim();
    if (!text) continue;
    const heading = isHeading(block, body);
    if (heading) {
      const level = headingSizes.indexOf(block.size!);
      const line = text.replace(/\s+/g, ' ');
      const last = path.at(-1);
      // A headline set over two lines arrives as two blocks of the same size.
      if (last && last.level === level && previousWasHeading) last.text = `${last.text} ${line}`;
      else {
        while (path.length && path.at(-1)!.level >= level) path.pop();
        path.push({ level, text: line });
      }
    }
    const headings = path.map((p) => p.text);
    const samePlace =
      current !== undefined &&
      current.page === block.page &&
      current.headings.join('\u0001') === headings.join('\u0001');
    // Headings with no text under them yet join the section they open.
    if (current && !samePlace && !current.hasBody && current.page === block.page) current.headings = headings;
    else if (!current || !samePlace) {
      flush();
      current = { parts: [], page: block.page, headings, hasBody: false };
    }
    current.parts.push(text);
    current.hasBody ||= !heading;
    previousWasHeading = heading;
  }
  flush();
  return sections;
}

function isHeading(block: Block, body: number | undefined): boolean {
  return (
    body !== undefined &&
    block.size !== undefined &&
    block.size >= body * HEADING_SIZE_RATIO &&
    block.text.trim().length <= MAX_HEADING_CHARS &&
    !block.text.includes('\n')
  );
}

/** The size most of the text is set in. */
function bodySize(blocks: Block[]): number | undefined {
  const chars = new Map<number, number>();
  for (const b of blocks) if (b.size !== undefined) chars.set(b.size, (chars.get(b.size) ?? 0) + b.text.length);
  let best: number | undefined;
  let most = 0;
  for (const [size, n] of chars) {
    if (n > most) {
      best = size;
      most = n;
    }
  }
  return best;
}

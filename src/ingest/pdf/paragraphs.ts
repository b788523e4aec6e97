import type { PdfLine } from './lines.js';
import { startsWithListMarker } from '../list-markers.js';

/**
 * Groups a PDF's lines into paragraphs, and drops page furniture (page numbers, running
 * headers and footers).
 *
 * A line continues into the next when it runs to the right margin of the body text (a
 * paragraph's last line stops short), the next line is set in the same size at normal
 * line spacing, and the next line does not open a list item (□ ○ - 1. ...). The right
 * margin is the most common right edge of long lines: justified body text all ends there,
 * while tables, headings and short lines end elsewhere.
 */

/** How far short of the margin (in ems) a line may end and still be full: Latin text wraps at word ends. */
const FULL_LINE_SLACK_EM = 1.2;
/** Line spacing up to this many ems is within a paragraph; more is a paragraph break. */
const MAX_LINE_SPACING_EM = 2.1;
/** A running header or footer repeats on at least this share of pages. */
const RUNNING_SHARE = 0.5;
const MIN_RUNNING_PAGES = 3;

const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?|\d{1,4})$/i;

/** A paragraph's lines, still to be joined, and the size of its type. */
export interface PdfParagraph {
  lines: string[];
  size: number;
}

/** Each page's paragraphs, in reading order. */
export function pdfParagraphs(pages: PdfLine[][]): PdfParagraph[][] {
  const cleaned = removeFurniture(pages);
  const margin = bodyRightMargin(cleaned.flat());
  return cleaned.map((lines) => {
    const paragraphs: PdfParagraph[] = [];
    let current: PdfParagraph | undefined;
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      if (!current || !previous || !continues(previous, line, margin)) {
        current = { lines: [], size: line.size };
        paragraphs.push(current);
      }
      current.lines.push(line.text);
    });
    return paragraphs;
  });
}

function continues(previous: PdfLine, line: PdfLine, margin: number | undefined): boolean {
  if (margin === undefined) return false;
  const size = previous.size;
  if (Math.abs(line.size - size) > 0.15 * size) return false;
  const spacing = previous.y - line.y;
  if (spacing <= 0.5 * size || spacing > MAX_LINE_SPACING_EM * size) return false;
  if (previous.right < margin - FULL_LINE_SLACK_EM * size) return false;
  return !startsWithListMarker(line.text);
}

function bodyRightMargin(lines: PdfLine[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (line.text.length < 10) continue;
    const edge = Math.round(line.right);
    counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [edge, count] of counts) {
    // Neighbouring points are the same edge, rounded differently.
    const total = count + (counts.get(edge - 1) ?? 0) + (counts.get(edge + 1) ?? 0);
    if (total > bestCount) {
      best = edge;
      bestCount = total;
    }
  }
  return bestCount >= 2 ? best : undefined;
}

/** Drops page numbers and lines repeated at the same height on most pages. */
function removeFurniture(pages: PdfLine[][]): PdfLine[][] {
  const seen = new Map<string, number>();
  const furnitureKey = (line: PdfLine) => `${Math.round(line.y / 4)}\u0001${line.text.replace(/\d+/g, '#')}`;
  for (const lines of pages) {
    for (const k of new Set(lines.map(furnitureKey))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const running =
    pages.length >= MIN_RUNNING_PAGES
      ? new Set([...seen].filter(([, n]) => n >= RUNNING_SHARE * pages.length).map(([k]) => k))
      : new Set<string>();
  return pages.map((lines) => {
    const ys = lines.map((l) => l.y);
    const top = Math.max(...ys);
    const bottom = Math.min(...ys);
    return lines.filter((line) => {
      if (running.has(furnitureKey(line))) return false;
      const text = line.text.trim();
      if (/^[-–—]\s*\d{1,4}\s*[-–—]$/.test(text)) return false;
      const atEdge = line.y === top || line.y === bottom;
      return !(atEdge && PAGE_NUMBER.test(text));
    });
  });
}

/**
 * Rebuilds the lines of a PDF page from its text items.
 *
 * A PDF holds positioned runs of glyphs, not words: a word may come in several items and
 * the space between two words may be an item, a gap, or nothing at all. We keep the
 * content-stream order (the order the author's program wrote, which is the reading order
 * of table cells too), start a new line when the baseline moves, and put a space where
 * the file has one or where the gap between two items is wider than a narrow space.
 */

import { cleanText } from '../clean-text.js';

/** A text item as pdf.js reports it, reduced to what layout needs. */
export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size from the text matrix. */
  size: number;
}

export interface PdfLine {
  text: string;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  /** The font size most of the line's characters are set in. */
  size: number;
}

/** A gap wider than this share of the font size is a space (Korean fonts' space is ~0.25-0.35 em). */
const SPACE_GAP = 0.2;
/** A baseline shift above this share of the font size starts a new line (superscripts shift less). */
const NEW_LINE_SHIFT = 0.5;

interface LineBuilder {
  parts: string[];
  x: number;
  right: number;
  y: number;
  sizeChars: Map<number, number>;
  pendingSpace: boolean;
}

/** Groups a page's items into lines, in stream order. */
export function itemsToLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: LineBuilder | undefined;
  const finish = () => {
    if (!current) return;
    const text = cleanText(current.parts.join('')).replace(/\s+/g, ' ').trim();
    if (text) lines.push({ text, x: current.x, right: current.right, y: current.y, size: dominantSize(current) });
    current = undefined;
  };
  for (const item of items) {
    if (item.str === '') continue;
    if (!item.str.trim()) {
      if (current) current.pendingSpace = true;
      continue;
    }
    const size = item.size || 1;
    if (current) {
      const lineSize = dominantSize(current);
      const shift = Math.abs(item.y - current.y);
      const backwards = item.x < current.right - Math.max(size, lineSize);
      if (shift > NEW_LINE_SHIFT * Math.max(size, lineSize) || backwards) finish();
    }
    if (!current) {
      current = { parts: [], x: item.x, right: item.x, y: item.y, sizeChars: new Map(), pendingSpace: false };
    } else {
      const gap = item.x - current.right;
      if (current.pendingSpace || gap > SPACE_GAP * size) current.parts.push(' ');
    }
    current.parts.push(item.str);
    current.pendingSpace = /\s$/.test(item.str);
    current.right = Math.max(current.right, item.x + item.width);
    const rounded = Math.round(size * 2) / 2;
    current.sizeChars.set(rounded, (current.sizeChars.get(rounded) ?? 0) + item.str.length);
  }
  finish();
  return lines;
}

function dominantSize(line: LineBuilder): number {
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of line.sizeChars) {
    if (count > bestCount) {
      best = size;
      bestCount = count;
    }
  }
  return best || 1;
}

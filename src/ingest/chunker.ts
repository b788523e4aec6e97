import type { Chunk } from '../types.js';
import type { Section } from './types.js';
import { splitSentences } from './sentences.js';
import { startsWithListMarker } from './list-markers.js';

/**
 * Target chunk size in characters. Measured with `npx tsx bench/chunk-size.ts` (the 720
 * allganize pages chunked at each size, 114 questions, page-level hits through LocalIndex,
 * R@1 / MRR@10): 300: 0.886 / 0.932, 500: 0.851 / 0.919, 700: 0.877 / 0.932, 900: 0.904 /
 * 0.948, 1,200: 0.895 / 0.940, 1,400: 0.904 / 0.945, whole pages: 0.895 / 0.940. Recall
 * reaches its plateau at about 900 (differences past it are a question or two); we take
 * the smallest size on it, because smaller chunks hand the answer step fewer unrelated
 * sentences and a citation points closer to the fact.
 */
export const DEFAULT_CHUNK_CHARS = 900;
/** A section's last piece shorter than this share of the target joins the chunk before it. */
const MIN_TAIL_SHARE = 0.25;

export interface ChunkOptions {
  maxChars?: number;
}

/** A unit the packer never splits unless it alone is too long: a paragraph, a list item or a table. */
interface Unit {
  text: string;
  /** Table rows, kept so an over-long table splits between rows and repeats its header. */
  rows?: string[];
}

const TABLE_ROW = / \| /;
/** A note line of a release (`* (2023년) 1,022명 → …`, `※ …`): it explains a `word*` above it. */
const NOTE_LINE = /^(?:\*{1,3}\s|※)/u;
/** A note reference: an asterisk right after a word (증원*, 입법*을). */
const NOTE_REFERENCE = /[\p{L}\p{N})」｣』]\*{1,3}/u;
/** A note may stretch its chunk this far past the target rather than be parted from its reference. */
const NOTE_OVERFLOW = 1.25;

/**
 * Units of a section's text: blank-line separated paragraphs, each list item (□ ○ ◦ - ·,
 * 1., (1), 가.) on its own, and runs of table rows (`cell | cell`) as one table. Other
 * line breaks inside a paragraph are wrapping and become spaces.
 */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let lines: string[] = [];
    let rows: string[] = [];
    const flushLines = () => {
      const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
      if (joined) out.push({ text: joined });
      lines = [];
    };
    const flushRows = () => {
      if (rows.length) out.push({ text: rows.join('\n'), rows });
      rows = [];
    };
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (TABLE_ROW.test(line)) {
        flushLines();
        rows.push(line);
        continue;
      }
      flushRows();
      if (startsWithListMarker(line)) flushLines();
      lines.push(line);
    }
    flushLines();
    flushRows();
  }
  return out;
}

/** Breaks an over-long unit: a table between rows (repeating its header row), prose at sentence ends. */
function pieces(unit: Unit, maxChars: number): string[] {
  if (unit.text.length <= maxChars) return [unit.text];
  if (unit.rows) return tablePieces(unit.rows, maxChars);
  const out: string[] = [];
  let current = '';
  for (const sentence of splitSentences(unit.text).flatMap((s) => hardSplit(s, maxChars))) {
    if (current && current.length + 1 + sentence.length > maxChars) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) out.push(current);
  return out;
}

function tablePieces(rows: string[], maxChars: number): string[] {
  const [header, ...body] = rows;
  const out: string[] = [];
  let current: string[] = [header!];
  for (const row of body.flatMap((r) => hardSplit(r, maxChars))) {
    if (current.length > 1 && current.join('\n').length + 1 + row.length > maxChars) {
      out.push(current.join('\n'));
      current = [header!];
    }
    current.push(row);
  }
  out.push(current.join('\n'));
  return out;
}

/** A run-on sentence longer than a chunk is cut at spaces. */
function hardSplit(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const out: string[] = [];
  for (let start = 0; start < sentence.length;) {
    let end = Math.min(sentence.length, start + maxChars);
    const space = sentence.lastIndexOf(' ', end);
    if (end < sentence.length && space > start + maxChars / 2) end = space;
    out.push(sentence.slice(start, end).trim());
    start = end;
  }
  return out.filter(Boolean);
}

/**
 * Notes a page break parted from their reference: a section (page) that opens with note
 * lines while the section before it holds a `word*` reference gets them copied to the end
 * of that section too, so the sentence and the figures its note gives are in one chunk.
 * They stay on their own page as well, where a citation of the note should point.
 */
function withNotesBesideReferences(sections: Section[]): Section[] {
  return sections.map((section, i) => {
    const next = sections[i + 1];
    if (!next || !NOTE_REFERENCE.test(section.text)) return section;
    const notes: string[] = [];
    for (const line of next.text.trimStart().split('\n')) {
      if (!NOTE_LINE.test(line.trim())) break;
      notes.push(line.trim());
    }
    return notes.length ? { ...section, text: `${section.text.trimEnd()}\n${notes.join('\n')}` } : section;
  });
}

/**
 * Packs a document's sections into chunks of at most `maxChars`, never across a page or
 * heading boundary, so every chunk has one page and one heading path to cite. Units
 * (paragraphs, list items, tables) stay whole when they fit; longer ones break at
 * sentence ends (…다. …니다. …요.) or, for tables, between rows.
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
  for (const section of withNotesBesideReferences(sections)) {
    const packed: string[] = [];
    let current = '';
    for (const piece of units(section.text).flatMap((u) => pieces(u, maxChars))) {
      const keepsNoteWithReference =
        NOTE_LINE.test(piece) && current.length + 1 + piece.length <= maxChars * NOTE_OVERFLOW;
      if (current && current.length + 1 + piece.length > maxChars && !keepsNoteWithReference) {
        packed.push(current);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
    }
    if (current) {
      const previous = packed.at(-1);
      // A short tail reads better with what came before it than as a chunk of its own.
      if (
        previous &&
        current.length < MIN_TAIL_SHARE * maxChars &&
        previous.length + 1 + current.length <= maxChars * 1.25
      ) {
        packed[packed.length - 1] = `${previous}\n${current}`;
      } else packed.push(current);
    }
    for (const text of packed) push(text, section);
  }
  return chunks;
}

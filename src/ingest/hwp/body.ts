import type { Block } from '../structure.js';
import { cleanText } from '../clean-text.js';
import { tableBlocks } from '../table-blocks.js';
import { controlId, RecordList, TAG } from './records.js';
import { readParaText } from './para-text.js';

/** A line of text with its type size, for finding the headline. */
export interface TitleLine {
  text: string;
  size: number;
  page: number;
}

/**
 * Controls whose paragraphs are not body text (spec table 6 and 4.3.10): running headers
 * and footers, and hidden comments. Other controls with paragraph lists (text boxes of
 * drawing objects, footnotes, endnotes) are read where they stand.
 */
const SKIPPED_CONTROLS = new Set(['head', 'foot', 'tcmt']);
const TABLE_CONTROL = 'tbl ';

/** PARA_HEADER break-type bits (spec table 59): a section or page break starts a new page. */
const SECTION_BREAK = 0x01;
const PAGE_BREAK = 0x04;
/** PARA_LINE_SEG: 36 bytes a line, the line's vertical position at byte 4 (spec table 62). */
const LINE_SEG_BYTES = 36;

/**
 * Walks the records of BodyText sections, collecting blocks in reading order with their
 * page. HWP stores no page numbers, but like HWPX it keeps each paragraph's laid-out lines
 * (PARA_LINE_SEG) with their vertical position on the page: when it goes back up, a new
 * page began; a paragraph flagged with a page or section break starts one too.
 */
export class HwpBodyWalker {
  readonly blocks: Block[] = [];
  readonly titleLines: TitleLine[] = [];
  pages = 0;
  private lastVertPos = -1;

  /** `charSizes`: DocInfo's CHAR_SHAPE base sizes in points, by char shape id. */
  constructor(private readonly charSizes: number[]) {}

  section(records: RecordList): void {
    for (let i = 0; i < records.length;) {
      const end = subtreeEnd(records, i);
      if (records.tags[i] === TAG.PARA_HEADER) {
        const blocks: Block[] = [];
        const layout = this.paragraph(records, i, end, blocks);
        this.placeOnPage(blocks, layout.lineTops, layout.breaksPage);
      }
      i = end;
    }
  }

  /**
   * Reads one paragraph (the PARA_HEADER at `start` and the records below it up to `end`)
   * into `out`: its text, split where tables, text boxes and notes stand, with those in between.
   */
  private paragraph(
    records: RecordList,
    start: number,
    end: number,
    out: Block[],
  ): { lineTops: number[]; breaksPage: boolean } {
    const header = records.data(start);
    const breakType = header.length > 11 ? header[11]! : 0;
    let textData: Uint8Array | undefined;
    let charShapes: Uint8Array | undefined;
    let lineTops: number[] = [];
    const controls: { id: string; start: number; end: number }[] = [];
    for (let i = start + 1; i < end;) {
      const next = subtreeEnd(records, i);
      const tag = records.tags[i];
      if (tag === TAG.PARA_TEXT) textData = records.data(i);
      else if (tag === TAG.PARA_CHAR_SHAPE) charShapes = records.data(i);
      else if (tag === TAG.PARA_LINE_SEG) lineTops = lineTopsOf(records.data(i));
      else if (tag === TAG.CTRL_HEADER) controls.push({ id: controlId(records.data(i)), start: i, end: next });
      i = next;
    }

    const visible: number[] = [];
    const pieces = textData ? readParaText(textData, (unit) => visible.push(unit)) : [];
    const size = this.sizeOf(visible, charShapes);
    let text = '';
    const flush = () => {
      const cleaned = cleanText(text).replace(/\s+/g, ' ').trim();
      if (cleaned) this.push(out, size === undefined ? { text: cleaned } : { text: cleaned, size });
      text = '';
    };
    let nextControl = 0;
    for (const piece of pieces) {
      if ('text' in piece) {
        text += piece.text;
        continue;
      }
      // The k-th extended control in the text is the k-th CTRL_HEADER below the paragraph (spec 4.2.4).
      const found = controls.findIndex((c, k) => k >= nextControl && c.id === piece.control);
      if (found < 0) continue;
      for (const skipped of controls.slice(nextControl, found)) this.control(records, skipped, out, flush);
      this.control(records, controls[found]!, out, flush);
      nextControl = found + 1;
    }
    for (const rest of controls.slice(nextControl)) this.control(records, rest, out, flush);
    flush();
    return { lineTops, breaksPage: (breakType & (PAGE_BREAK | SECTION_BREAK)) !== 0 };
  }

  /** Reads a control's paragraphs into `out` where it stands, after the text before it. */
  private control(
    records: RecordList,
    control: { id: string; start: number; end: number },
    out: Block[],
    flushTextBefore: () => void,
  ): void {
    if (SKIPPED_CONTROLS.has(control.id)) return;
    const blocks =
      control.id === TABLE_CONTROL
        ? this.table(records, control.start, control.end)
        : this.paragraphsBelow(records, control.start + 1, control.end);
    if (blocks.length === 0) return;
    flushTextBefore();
    for (const block of blocks) out.push(block);
  }

  /** Every paragraph in a range (text boxes nest them under shape components at any depth). */
  private paragraphsBelow(records: RecordList, start: number, end: number): Block[] {
    const blocks: Block[] = [];
    for (let i = start; i < end;) {
      if (records.tags[i] === TAG.PARA_HEADER) {
        const paragraphEnd = subtreeEnd(records, i);
        this.paragraph(records, i, paragraphEnd, blocks);
        i = paragraphEnd;
      } else i++;
    }
    return blocks;
  }

  /**
   * A table control (spec 4.3.9.1): below its CTRL_HEADER, an optional caption (a
   * LIST_HEADER and its paragraphs), the TABLE record (rows, columns), then per cell a
   * LIST_HEADER (its row address at byte 10, table 80) followed by the cell's paragraphs.
   */
  private table(records: RecordList, start: number, end: number): Block[] {
    const caption: Block[] = [];
    const cells: { row: number; blocks: Block[] }[] = [];
    let columns = 1;
    let seenTable = false;
    let target = caption;
    for (let i = start + 1; i < end;) {
      const next = subtreeEnd(records, i);
      const tag = records.tags[i];
      const data = records.data(i);
      if (tag === TAG.TABLE && data.length >= 8) {
        columns = data[6]! | (data[7]! << 8);
        seenTable = true;
      } else if (tag === TAG.LIST_HEADER && seenTable) {
        const row = data.length >= 12 ? data[10]! | (data[11]! << 8) : 0;
        const cell = { row, blocks: [] as Block[] };
        cells.push(cell);
        target = cell.blocks;
      } else if (tag === TAG.PARA_HEADER) {
        this.paragraph(records, i, next, target);
      }
      i = next;
    }
    const rows = new Map<number, Block[][]>();
    for (const cell of cells) {
      rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell.blocks]);
    }
    const ordered = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
    return [...caption, ...tableBlocks(columns, ordered)];
  }

  private push(out: Block[], block: Block): void {
    out.push(block);
    if (block.size !== undefined) this.pendingTitleLines.push({ text: block.text, size: block.size, page: 0 });
  }

  private pendingTitleLines: TitleLine[] = [];

  /**
   * The type size of a paragraph: the largest char shape (PARA_CHAR_SHAPE: pairs of start
   * position and shape id, spec table 61) that sets a visible character.
   */
  private sizeOf(visible: number[], charShapes: Uint8Array | undefined): number | undefined {
    if (!charShapes || visible.length === 0) return undefined;
    const view = new DataView(charShapes.buffer, charShapes.byteOffset, charShapes.byteLength);
    const runs: { from: number; size: number }[] = [];
    for (let at = 0; at + 8 <= charShapes.length; at += 8) {
      const size = this.charSizes[view.getUint32(at + 4, true)];
      if (size !== undefined) runs.push({ from: view.getUint32(at, true), size });
    }
    let largest: number | undefined;
    let run = -1;
    for (const unit of visible) {
      while (run + 1 < runs.length && runs[run + 1]!.from <= unit) run++;
      const size = runs[run]?.size;
      if (size !== undefined && (largest === undefined || size > largest)) largest = size;
    }
    return largest;
  }

  /** Gives a top-level paragraph's blocks their page, from where its laid-out lines sit. */
  private placeOnPage(blocks: Block[], lineTops: number[], breaksPage: boolean): void {
    if (this.pages === 0) this.pages = 1;
    else if (breaksPage || (lineTops.length && lineTops[0]! < this.lastVertPos)) this.pages++;
    const page = this.pages;
    for (const block of blocks) {
      block.page = page;
      this.blocks.push(block);
    }
    for (const line of this.pendingTitleLines) {
      line.page = page;
      this.titleLines.push(line);
    }
    this.pendingTitleLines = [];
    // A paragraph that runs onto the next page: its later lines start again near the top.
    for (let i = 1; i < lineTops.length; i++) if (lineTops[i]! < lineTops[i - 1]!) this.pages++;
    if (lineTops.length) this.lastVertPos = lineTops.at(-1)!;
  }
}

/** The index after record `i` and every record nested below it (deeper level). */
function subtreeEnd(records: RecordList, i: number): number {
  const level = records.levels[i]!;
  let j = i + 1;
  while (j < records.length && records.levels[j]! > level) j++;
  return j;
}

function lineTopsOf(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tops: number[] = [];
  for (let at = 0; at + LINE_SEG_BYTES <= data.length; at += LINE_SEG_BYTES) tops.push(view.getInt32(at + 4, true));
  return tops;
}

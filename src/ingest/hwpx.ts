import type { LoadedDocument, SourceFile } from './types.js';
import { SkipFileError } from './types.js';
import { tokenizeMarkup } from './markup.js';
import type { Block } from './structure.js';
import { pagedDocument } from './paged-document.js';
import { cleanText } from './clean-text.js';
import { tableBlocks } from './table-blocks.js';
import { unzipBounded } from './bounded-unzip.js';
import { InflateLimitError } from './bounded-inflate.js';

/**
 * HWPX (KS X 6101, OWPML): a zip of XML parts. Body text lives in Contents/section*.xml
 * as paragraphs (`hp:p`) of runs (`hp:run`) whose text is in `hp:t`; tables (`hp:tbl`)
 * hold rows (`hp:tr`) of cells (`hp:tc`) that hold paragraphs again. Font sizes are in
 * Contents/header.xml (`hh:charPr` height, in 1/100 pt).
 *
 * Pages are not stored, but Hangul saves each paragraph's laid-out lines (`hp:lineseg`)
 * with their vertical position on the page: when it goes back up, a new page began.
 */
export function loadHwpx(file: SourceFile): LoadedDocument {
  const parts = unzipHwpx(file.bytes);
  const decoder = new TextDecoder('utf-8');
  const read = (name: string) => (parts[name] ? decoder.decode(parts[name]) : undefined);
  if (/encryption-data|EncryptedData/i.test(read('META-INF/manifest.xml') ?? '')) {
    throw new SkipFileError('encrypted HWPX (password protected)');
  }
  const sizes = charSizes(read('Contents/header.xml') ?? '');
  const sectionNames = sectionOrder(read('Contents/content.hpf'), Object.keys(parts));
  if (sectionNames.length === 0) throw new SkipFileError('not an HWPX document (no Contents/section*.xml)');

  const walker = new OwpmlWalker(sizes);
  for (const name of sectionNames) walker.section(read(name) ?? '');
  return pagedDocument(file.path, walker, metadataTitle(read('Contents/content.hpf')));
}

/** The parts ingest reads; images and previews are never inflated. */
const WANTED_PART = /^(Contents\/.*\.(xml|hpf)|META-INF\/manifest\.xml)$/i;

function unzipHwpx(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipBounded(bytes, { filter: (name) => WANTED_PART.test(name) });
  } catch (error) {
    if (error instanceof InflateLimitError) throw new SkipFileError(`HWPX ${error.message}`);
    throw new SkipFileError(`corrupt HWPX (${(error as Error).message || 'not a zip archive'})`);
  }
}

/** Section parts in the order the package's spine lists them, else by number. */
function sectionOrder(hpf: string | undefined, names: string[]): string[] {
  const sections = names.filter((n) => /^Contents\/section\d+\.xml$/i.test(n));
  const byNumber = (n: string) => Number(/(\d+)\.xml$/i.exec(n)?.[1] ?? 0);
  sections.sort((a, b) => byNumber(a) - byNumber(b));
  if (!hpf) return sections;
  const hrefs = new Map<string, string>();
  const spine: string[] = [];
  for (const token of tokenizeMarkup(hpf)) {
    if (token.type !== 'open') continue;
    if (token.name.endsWith(':item') && token.attrs.id && token.attrs.href) hrefs.set(token.attrs.id, token.attrs.href);
    if (token.name.endsWith(':itemref') && token.attrs.idref) spine.push(token.attrs.idref);
  }
  const ordered = spine.map((id) => hrefs.get(id)).filter((h): h is string => !!h && sections.includes(h));
  return ordered.length ? [...ordered, ...sections.filter((s) => !ordered.includes(s))] : sections;
}

function metadataTitle(hpf: string | undefined): string | undefined {
  const title = /<opf:title>([^<]+)<\/opf:title>/.exec(hpf ?? '')?.[1]?.trim();
  return title || undefined;
}

/** `hh:charPr` id -> font height in points. */
function charSizes(header: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const token of tokenizeMarkup(header)) {
    if (token.type === 'open' && token.name === 'hh:charpr' && token.attrs.id && token.attrs.height) {
      sizes.set(token.attrs.id, Number(token.attrs.height) / 100);
    }
  }
  return sizes;
}

/** Inline elements of `hp:t` that stand for characters. */
const INLINE_CHARS: Record<string, string> = {
  'hp:linebreak': ' ',
  'hp:tab': ' ',
  'hp:fwspace': ' ',
  'hp:nbspace': ' ',
  'hp:hyphen': '-',
};

/**
 * Deeper nesting than this is no document (real ones nest a table in a table a few times)
 * and would make each element cost a walk down the stack: refused, so time stays bounded.
 */
const MAX_NESTING = 200;

/** Parts whose text is not body text: running headers and footers, hidden comments, field codes. */
const SKIPPED = new Set(['hp:header', 'hp:footer', 'hp:shapecomment', 'hp:hiddencomment', 'hp:parameters']);

interface Paragraph {
  kind: 'p';
  text: string;
  size: number;
}
interface Table {
  kind: 'table';
  columns: number;
  /** Each row's cells, each cell the blocks it holds. */
  rows: Block[][][];
}
interface Cell {
  kind: 'cell';
  blocks: Block[];
}
type Frame = Paragraph | Table | Cell | { kind: 'other'; name: string };

/** Walks OWPML sections, collecting blocks in reading order with their page. */
class OwpmlWalker {
  readonly blocks: Block[] = [];
  readonly titleLines: { text: string; size: number; page: number }[] = [];
  pages = 0;
  private lastVertPos = -1;

  constructor(private readonly sizes: Map<string, number>) {}

  section(xml: string): void {
    const stack: Frame[] = [];
    let inText = 0;
    let skipped = 0;
    let topBlocks: Block[] = [];
    let topTitleLines: { text: string; size: number; page: number }[] = [];
    let topLineSegs: number[] = [];
    let topPageBreak = false;
    let runSize = 0;
    const container = (): Block[] => {
      for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i]!;
        if (frame.kind === 'cell') return frame.blocks;
      }
      return topBlocks;
    };
    // Emitting a block inside a paragraph first flushes that paragraph's text, keeping order.
    const emit = (block: Block) => {
      for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i]!;
        if (frame.kind === 'cell') break;
        if (frame.kind === 'p' && frame.text.trim()) {
          const flushed = { text: frame.text.trim(), size: frame.size };
          frame.text = '';
          this.pushBlock(containerBelow(stack, i), flushed, topTitleLines);
        }
      }
      this.pushBlock(container(), block, topTitleLines);
    };
    const containerBelow = (frames: Frame[], index: number): Block[] => {
      for (let i = index - 1; i >= 0; i--) {
        const frame = frames[i]!;
        if (frame.kind === 'cell') return frame.blocks;
      }
      return topBlocks;
    };
    const depthOfParagraphs = () => stack.filter((f) => f.kind === 'p').length;

    for (const token of tokenizeMarkup(xml)) {
      if (token.type === 'text') {
        if (inText && !skipped) {
          const p = innermost(stack, 'p');
          if (p) {
            p.text += token.text;
            if (token.text.trim()) p.size = Math.max(p.size, runSize);
          }
        }
        continue;
      }
      const name = token.name;
      if (token.type === 'open') {
        if (SKIPPED.has(name)) {
          if (!token.selfClosing) skipped++;
          continue;
        }
        if (skipped) continue;
        if (inText && INLINE_CHARS[name] !== undefined) {
          const p = innermost(stack, 'p');
          if (p) p.text += INLINE_CHARS[name];
          continue;
        }
        switch (name) {
          case 'hp:p':
            if (depthOfParagraphs() === 0) {
              topBlocks = [];
              topTitleLines = [];
              topLineSegs = [];
              topPageBreak = token.attrs.pagebreak === '1';
            }
            if (!token.selfClosing) stack.push({ kind: 'p', text: '', size: 0 });
            break;
          case 'hp:run':
            runSize = this.sizes.get(token.attrs.charpridref ?? '') ?? 0;
            break;
          case 'hp:t':
            if (!token.selfClosing) inText++;
            break;
          case 'hp:tbl':
            stack.push({ kind: 'table', columns: Number(token.attrs.colcnt ?? 1), rows: [] });
            break;
          case 'hp:tr': {
            const table = innermost(stack, 'table');
            table?.rows.push([]);
            break;
          }
          case 'hp:tc':
            stack.push({ kind: 'cell', blocks: [] });
            break;
          case 'hp:lineseg':
            if (depthOfParagraphs() === 1 && innermost(stack, 'p') === stack.at(-1)) {
              topLineSegs.push(Number(token.attrs.vertpos ?? 0));
            }
            break;
          default:
            break;
        }
        if (stack.length > MAX_NESTING)
          throw new SkipFileError(`HWPX nests elements deeper than ${MAX_NESTING} levels`);
        continue;
      }
      // Closing tags.
      if (SKIPPED.has(name)) {
        skipped = Math.max(0, skipped - 1);
        continue;
      }
      if (skipped) continue;
      switch (name) {
        case 'hp:t':
          inText = Math.max(0, inText - 1);
          break;
        case 'hp:p': {
          const frame = stack.pop();
          if (frame?.kind !== 'p') break;
          const text = cleanText(frame.text).replace(/\s+/g, ' ').trim();
          if (text) this.pushBlock(container(), { text, size: frame.size }, topTitleLines);
          if (depthOfParagraphs() === 0) {
            this.placeOnPage(topBlocks, topTitleLines, topLineSegs, topPageBreak);
          }
          break;
        }
        case 'hp:tc': {
          const cell = stack.pop();
          const table = innermost(stack, 'table');
          if (cell?.kind !== 'cell' || !table) break;
          table.rows.at(-1)?.push(cell.blocks);
          break;
        }
        case 'hp:tbl': {
          const table = stack.pop();
          if (table?.kind !== 'table') break;
          for (const block of tableBlocks(table.columns, table.rows)) emit(block);
          break;
        }
        default:
          break;
      }
    }
  }

  private pushBlock(target: Block[], block: Block, titleLines: { text: string; size: number; page: number }[]): void {
    target.push(block);
    if (block.size !== undefined) titleLines.push({ text: block.text, size: block.size, page: 0 });
  }

  /** Gives a top-level paragraph's blocks their page, from where its laid-out lines sit. */
  private placeOnPage(
    blocks: Block[],
    titleLines: { text: string; size: number; page: number }[],
    lineSegs: number[],
    pageBreak: boolean,
  ): void {
    if (this.pages === 0) this.pages = 1;
    else if (pageBreak || (lineSegs.length && lineSegs[0]! < this.lastVertPos)) this.pages++;
    const page = this.pages;
    for (const block of blocks) {
      block.page = page;
      this.blocks.push(block);
    }
    for (const line of titleLines) {
      line.page = page;
      this.titleLines.push(line);
    }
    // A paragraph that runs onto the next page: its later lines start again near the top.
    for (let i = 1; i < lineSegs.length; i++) if (lineSegs[i]! < lineSegs[i - 1]!) this.pages++;
    if (lineSegs.length) this.lastVertPos = lineSegs.at(-1)!;
  }
}

function innermost<K extends Frame['kind']>(stack: Frame[], kind: K): Extract<Frame, { kind: K }> | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i]!;
    if (frame.kind === kind) return frame as Extract<Frame, { kind: K }>;
  }
  return undefined;
}

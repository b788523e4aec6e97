import { getDocumentProxy } from 'unpdf';
import type { LoadedDocument, SourceFile } from '../types.js';
import { SkipFileError } from '../types.js';
import { documentIdFromPath, fileNameTitle } from '../document-id.js';
import { dateFromText, headlineFromLines } from '../metadata.js';
import { joinWrappedLines, statsFrom } from '../line-join.js';
import { primaryLanguage } from '../../text/language.js';
import { itemsToLines, type PdfLine, type PdfTextItem } from './lines.js';
import { pdfParagraphs } from './paragraphs.js';
import { sectionsFromBlocks, type Block } from '../structure.js';

/**
 * Limits on what pdf.js is asked to do, so a small file cannot make it work for hours or
 * fill memory (issue 10): a page tree can list one page 150,000 times in 1 MB, and a
 * 200 KB content stream can inflate to millions of text-showing operators (so can forms
 * that draw each other ten times over). Releases run to tens of pages, and a dense page
 * shows a few thousand text items.
 */
export const MAX_PDF_PAGES = 2000;
export const MAX_TEXT_ITEMS_PER_PAGE = 20_000;
export const MAX_PDF_TEXT_ITEMS = 500_000;
export const MAX_PDF_TEXT_CHARS = 5_000_000;

/** Fewer letters than this in the whole file means there is no text layer to read. */
const MIN_TEXT_CHARS = 20;
/** pdf.js logs font and parse warnings to the console by default; errors reach us as exceptions. */
const PDFJS_ERRORS_ONLY = 0;

/**
 * Loads a PDF's text page by page through pdf.js (unpdf's serverless build, which runs in
 * Node and in workerd). Lines are rebuilt from item positions, wrapped lines are joined
 * with Korean-aware spacing (see line-join.ts), and each page becomes one section, so
 * every chunk keeps its page number.
 */
export async function loadPdf(file: SourceFile): Promise<LoadedDocument> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const pdf = await openPdf(file.bytes.slice());
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new SkipFileError(`PDF has ${pdf.numPages} pages (the limit is ${MAX_PDF_PAGES})`);
    }
    const pages: PdfLine[][] = [];
    const budget = { chars: MAX_PDF_TEXT_CHARS, items: MAX_PDF_TEXT_ITEMS };
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push(itemsToLines(await pageTextItems(page, n, budget)));
      page.cleanup();
    }
    const letters = pages.flat().reduce((sum, line) => sum + (line.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
    if (letters < MIN_TEXT_CHARS) {
      throw new SkipFileError('PDF has no text layer (a scanned or image-only PDF needs OCR first)');
    }
    const paragraphsByPage = pdfParagraphs(pages);
    const stats = statsFrom(paragraphsByPage.flat().map((p) => p.lines));
    const blocks: Block[] = paragraphsByPage.flatMap((paragraphs, index) => {
      const texts = joinWrappedLines(
        paragraphs.map((p) => p.lines),
        stats,
      );
      return paragraphs.map((p, i) => ({ text: texts[i]!, size: p.size, page: index + 1 }));
    });
    const sections = sectionsFromBlocks(blocks);
    const firstPage = blocks
      .filter((b) => b.page === 1)
      .map((b) => b.text)
      .join('\n');
    const allText = blocks.map((b) => b.text).join('\n');
    const title =
      headlineFromLines((pages[0] ?? []).map((line) => ({ text: line.text, size: line.size }))) ??
      (await metadataTitle(pdf)) ??
      fileNameTitle(file.path);
    return {
      meta: {
        id: documentIdFromPath(file.path),
        title,
        date: dateFromText(firstPage) ?? dateFromText(allText),
        lang: primaryLanguage(allText),
        pages: pdf.numPages,
      },
      sections,
    };
  } finally {
    await pdf.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * A page's text items, read from pdf.js's text stream chunk by chunk rather than whole,
 * so a page showing more items or characters than a document has is refused while it is
 * read. Not reader.cancel(): pdf.js then closes the cancelled stream and throws outside
 * any promise (ERR_INVALID_STATE); loadPdf's destroy() terminates the work behind it.
 */
async function pageTextItems(
  page: PdfPage,
  n: number,
  budget: { chars: number; items: number },
): Promise<PdfTextItem[]> {
  const reader = (page.streamTextContent() as ReadableStream<{ items: unknown[] }>).getReader();
  const items: PdfTextItem[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    seen += value.items.length;
    budget.items -= value.items.length;
    for (const item of value.items) {
      for (const textItem of toTextItem(item)) {
        budget.chars -= textItem.str.length;
        items.push(textItem);
      }
    }
    if (seen > MAX_TEXT_ITEMS_PER_PAGE) {
      throw new SkipFileError(
        `PDF page ${n} shows more than ${MAX_TEXT_ITEMS_PER_PAGE} text items (a page has a few thousand)`,
      );
    }
    if (budget.items < 0) throw new SkipFileError(`PDF shows more than ${MAX_PDF_TEXT_ITEMS} text items`);
    if (budget.chars < 0) throw new SkipFileError(`PDF holds more than ${MAX_PDF_TEXT_CHARS} characters of text`);
  }
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    return await getDocumentProxy(bytes, { verbosity: PDFJS_ERRORS_ONLY, isEvalSupported: false });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new SkipFileError('encrypted PDF (password protected)');
    const message = String((error as Error).message ?? error).split('\n')[0];
    throw new SkipFileError(`corrupt PDF (${message})`);
  }
}

async function metadataTitle(pdf: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = (await pdf.getMetadata()) as { info?: { Title?: unknown } };
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return title && !/^(untitled|제목 없음|microsoft word - .*)$/i.test(title) ? title : undefined;
  } catch {
    return undefined;
  }
}

function toTextItem(item: unknown): PdfTextItem[] {
  const it = item as { str?: unknown; transform?: number[]; width?: number };
  if (typeof it.str !== 'string' || !Array.isArray(it.transform)) return [];
  const [, , c = 0, d = 0, x = 0, y = 0] = it.transform;
  return [{ str: it.str, x, y, width: it.width ?? 0, size: Math.hypot(c, d) }];
}

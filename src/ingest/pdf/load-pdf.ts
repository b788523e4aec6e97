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
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items.flatMap(toTextItem)));
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

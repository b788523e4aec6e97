/**
 * The document a word processor's body walker read (HWP 5.0 and HWPX alike): blocks in
 * reading order with their pages, and the type sizes of the lines that could be a headline.
 * Both loaders end the same way, so a release reads the same in either format.
 */
import type { LoadedDocument } from './types.js';
import { SkipFileError } from './types.js';
import { documentIdFromPath, fileNameTitle } from './document-id.js';
import { dateFromText, headlineFromLines, type SizedLine } from './metadata.js';
import { sectionsFromBlocks, type Block } from './structure.js';
import { primaryLanguage } from '../text/language.js';

export interface WalkedBody {
  blocks: Block[];
  titleLines: (SizedLine & { page: number })[];
  pages: number;
}

/**
 * Title (the first page's headline, else `fallbackTitle`, else the file name), date (the
 * first page's, else any), language and sections of a walked body.
 *
 * @throws SkipFileError when the body holds no letter or digit.
 */
export function pagedDocument(path: string, body: WalkedBody, fallbackTitle?: string): LoadedDocument {
  const { blocks } = body;
  const allText = blocks.map((b) => b.text).join('\n');
  if (!/[\p{L}\p{N}]/u.test(allText)) throw new SkipFileError('no text');
  const firstPage = blocks.filter((b) => b.page === 1);
  const title = headlineFromLines(body.titleLines.filter((l) => l.page === 1)) ?? fallbackTitle ?? fileNameTitle(path);
  return {
    meta: {
      id: documentIdFromPath(path),
      title,
      date: dateFromText(firstPage.map((b) => b.text).join('\n')) ?? dateFromText(allText),
      lang: primaryLanguage(allText),
      pages: body.pages,
    },
    sections: sectionsFromBlocks(blocks),
  };
}

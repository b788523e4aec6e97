import type { LoadedDocument, SourceFile } from './types.js';
import { SkipFileError } from './types.js';
import { extensionOf } from './document-id.js';
import { loadMarkdown, loadPlainText } from './markdown.js';
import { loadHtml } from './html.js';
import { loadHwpx } from './hwpx.js';
import { loadPdf } from './pdf/load-pdf.js';
import { loadHwp } from './hwp/load-hwp.js';

type Loader = (file: SourceFile) => LoadedDocument | Promise<LoadedDocument>;

/** Loaders by file extension (DESIGN.md, "Corpus files"). */
const LOADERS: Record<string, Loader> = {
  md: loadMarkdown,
  markdown: loadMarkdown,
  txt: loadPlainText,
  text: loadPlainText,
  html: loadHtml,
  htm: loadHtml,
  xhtml: loadHtml,
  pdf: loadPdf,
  hwpx: loadHwpx,
  hwp: loadHwp,
};

/** True for the extensions ingest has a loader for. */
export function isSupported(path: string): boolean {
  return extensionOf(path) in LOADERS;
}

/** Loads one file, or throws SkipFileError saying why it cannot be indexed. */
export async function loadDocument(file: SourceFile): Promise<LoadedDocument> {
  const ext = extensionOf(file.path);
  const loader = LOADERS[ext];
  if (!loader) throw new SkipFileError(ext ? `unsupported format ".${ext}"` : 'no file extension');
  if (file.bytes.length === 0) throw new SkipFileError('empty file');
  return loader(file);
}

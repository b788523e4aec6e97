import CFB from 'cfb';
import type { LoadedDocument, SourceFile } from '../types.js';
import { SkipFileError } from '../types.js';
import { pagedDocument } from '../paged-document.js';
import { InflateBudget, inflateRawBounded } from '../bounded-inflate.js';
import { loadHwpx } from '../hwpx.js';
import { readFileHeader } from './file-header.js';
import { RecordList, TAG } from './records.js';
import { HwpBodyWalker } from './body.js';

/** [MS-CFB] 2.2: every compound file starts with these eight bytes. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** HWP 3.x (1990s) files are no compound file; they start with this text. */
const HWP3_SIGNATURE = 'HWP Document File V3';
/** CHAR_SHAPE's base size (HWPUNIT, 1/100 pt) sits after 7 face ids, ratios, spacings, sizes, offsets (table 33). */
const CHAR_SHAPE_BASE_SIZE_AT = 42;

/**
 * Loads an HWP 5.0 document (한글 문서 파일 형식 5.0): an OLE compound file whose
 * `BodyText/SectionN` streams hold the text as records, raw-DEFLATE compressed when the
 * FileHeader says so. Paragraphs come in reading order, tables as rows of cells (as from
 * HWPX), pages from the saved line layout; every stream is inflated within one budget, so
 * a decompression bomb is refused (issue 10). Password-protected, DRM and distribution
 * documents (배포용 문서, encrypted ViewText streams) are skipped with the reason.
 */
export function loadHwp(file: SourceFile): LoadedDocument {
  const bytes = file.bytes;
  // Hangul can save HWPX under an .hwp name; it is a zip, read as what it is.
  if (startsWith(bytes, ZIP_SIGNATURE)) return loadHwpx(file);
  if (!startsWith(bytes, OLE_SIGNATURE)) {
    if (String.fromCharCode(...bytes.subarray(0, HWP3_SIGNATURE.length)) === HWP3_SIGNATURE) {
      throw new SkipFileError('HWP 3.x document (a format older than HWP 5.0) is not supported; save it as HWPX');
    }
    throw new SkipFileError('not an HWP document (no OLE compound file header)');
  }
  const streams = openCompoundFile(bytes);
  const header = readFileHeader(streams.get('FileHeader'));
  if (header.passwordProtected) throw new SkipFileError('password-protected HWP');
  if (header.drm) throw new SkipFileError('DRM-protected HWP');
  if (header.distribution) {
    throw new SkipFileError(
      'HWP distribution document (배포용 문서): its text is encrypted (ViewText), which ingest does not decrypt; ask for HWPX or PDF',
    );
  }

  const budget = new InflateBudget();
  const records = (name: string): RecordList => {
    const stream = streams.get(name) ?? new Uint8Array(0);
    const data = header.compressed ? inflateRawBounded(stream, { part: name, budget }) : stream;
    return RecordList.read(data, name);
  };
  const sectionNames = [...streams.keys()]
    .filter((name) => /^BodyText\/Section\d+$/.test(name))
    .sort((a, b) => sectionNumber(a) - sectionNumber(b));
  if (sectionNames.length === 0) throw new SkipFileError('not an HWP 5.0 document (no BodyText sections)');

  const walker = new HwpBodyWalker(charSizes(streams.has('DocInfo') ? records('DocInfo') : undefined));
  for (const name of sectionNames) walker.section(records(name));
  return pagedDocument(file.path, walker);
}

/** The compound file's streams by path below the root (`FileHeader`, `BodyText/Section0`). */
function openCompoundFile(bytes: Uint8Array): Map<string, Uint8Array> {
  let container: CFB.CFB$Container;
  try {
    // cfb joins sectors with Buffer.concat when it is given a Buffer (Node, workerd with
    // nodejs_compat) and byte by byte otherwise: 70 ms against 1.7 s for a 4 MB file.
    const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
    container = NodeBuffer
      ? CFB.read(NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' })
      : CFB.read(bytes, { type: 'array' });
  } catch (error) {
    throw new SkipFileError(`corrupt HWP (${firstLine(error)})`);
  }
  const streams = new Map<string, Uint8Array>();
  container.FileIndex.forEach((entry, i) => {
    // Type 2 is a stream ([MS-CFB] 2.6.1); paths start with the root entry's name.
    if (entry.type !== 2 || !entry.content) return;
    const path = container.FullPaths[i]?.replace(/^[^/]*\//, '');
    if (!path) return;
    const content = entry.content as ArrayLike<number>;
    streams.set(path, content instanceof Uint8Array ? content : Uint8Array.from(content));
  });
  return streams;
}

/** Base sizes in points of the CHAR_SHAPE records, in id order. */
function charSizes(docInfo: RecordList | undefined): number[] {
  const sizes: number[] = [];
  if (!docInfo) return sizes;
  for (let i = 0; i < docInfo.length; i++) {
    if (docInfo.tags[i] !== TAG.CHAR_SHAPE) continue;
    const data = docInfo.data(i);
    if (data.length < CHAR_SHAPE_BASE_SIZE_AT + 4) {
      sizes.push(0);
      continue;
    }
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    sizes.push(view.getInt32(CHAR_SHAPE_BASE_SIZE_AT, true) / 100);
  }
  return sizes;
}

function sectionNumber(name: string): number {
  return Number(/(\d+)$/.exec(name)?.[1] ?? 0);
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

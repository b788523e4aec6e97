import { InflateBudget, inflateRawBounded, InflateLimitError, megabytes } from './bounded-inflate.js';
import { SkipFileError } from './types.js';

/** A package with more entries than this is no document (an HWPX has about fifteen). */
export const MAX_ZIP_ENTRIES = 10_000;

export interface BoundedUnzipOptions {
  /** Which entries to extract, by name; the others are never inflated. */
  filter: (name: string) => boolean;
  budget?: InflateBudget;
  maxEntries?: number;
}

// Signatures and record layouts from PKWARE's APPNOTE.TXT, sections 4.3.7 (local file
// header), 4.3.12 (central directory header) and 4.3.16 (end of central directory).
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const STORED = 0;
const DEFLATED = 8;

/**
 * Extracts the wanted entries of a zip archive within an inflation budget. Sizes come from
 * the central directory, but declared sizes can lie, so every entry is also counted as it
 * inflates (see inflateRawBounded): whichever limit is passed first, the archive is refused
 * with a SkipFileError before memory fills. ZIP64 archives (over 4 GB) are refused.
 */
export function unzipBounded(bytes: Uint8Array, options: BoundedUnzipOptions): Record<string, Uint8Array> {
  const budget = options.budget ?? new InflateBudget();
  const maxEntries = options.maxEntries ?? MAX_ZIP_ENTRIES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  if (count > maxEntries) throw new SkipFileError(`zip has ${count} entries (the limit is ${maxEntries})`);
  let at = view.getUint32(end + 16, true);
  if (at === 0xffffffff) throw new SkipFileError('ZIP64 archive (over 4 GB) is not supported');

  const names = new TextDecoder('utf-8');
  const wanted: { name: string; method: number; compressedSize: number; size: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    need(view, at, 46);
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new SkipFileError('corrupt zip (bad central directory)');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    need(view, at + 46, nameLength);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (options.filter(name)) {
      wanted.push({
        name,
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        offset: view.getUint32(at + 42, true),
      });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }

  // Refuse early when the declared sizes already say too much; the inflater checks the truth.
  const declared = wanted.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > budget.maxFileBytes) {
    throw new InflateLimitError(
      `declares ${megabytes(declared)} of content (the limit is ${megabytes(budget.maxFileBytes)}); refused as a decompression bomb`,
    );
  }
  const out: Record<string, Uint8Array> = {};
  for (const entry of wanted) out[entry.name] = extract(bytes, view, entry, budget);
  return out;
}

function extract(
  bytes: Uint8Array,
  view: DataView,
  entry: { name: string; method: number; compressedSize: number; size: number; offset: number },
  budget: InflateBudget,
): Uint8Array {
  need(view, entry.offset, 30);
  if (view.getUint32(entry.offset, true) !== LOCAL_HEADER) throw new SkipFileError(`corrupt zip (${entry.name})`);
  const dataStart =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  need(view, dataStart, entry.compressedSize);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === STORED) {
    if (data.length > budget.maxPartBytes) throw new InflateLimitError(`${entry.name} is larger than the limit`);
    budget.spend(data.length, entry.name);
    return data;
  }
  if (entry.method !== DEFLATED) throw new SkipFileError(`unsupported zip compression ${entry.method} (${entry.name})`);
  return inflateRawBounded(data, { part: entry.name, budget });
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - END_RECORD_BYTES;
  const first = Math.max(0, last - MAX_COMMENT_BYTES);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new SkipFileError('not a zip archive');
}

function need(view: DataView, at: number, length: number): void {
  if (at < 0 || at + length > view.byteLength) throw new SkipFileError('corrupt zip (truncated)');
}

import { SkipFileError } from '../types.js';

/**
 * HWP 5.0 data records (한글 문서 파일 형식 5.0, section 3.1 "데이터 레코드"): a 32-bit
 * header of tag ID (10 bits), level (10 bits) and size (12 bits, 0xFFF meaning a 32-bit
 * size follows), then the data. Levels nest records: a paragraph's text and controls sit
 * one level below its header.
 */

/** Tag numbers from the spec's table 13 (DocInfo) and table 57 (BodyText); HWPTAG_BEGIN = 16. */
export const TAG = {
  DOCUMENT_PROPERTIES: 16,
  CHAR_SHAPE: 21,
  DISTRIBUTE_DOC_DATA: 28,
  PARA_HEADER: 66,
  PARA_TEXT: 67,
  PARA_CHAR_SHAPE: 68,
  PARA_LINE_SEG: 69,
  CTRL_HEADER: 71,
  LIST_HEADER: 72,
  TABLE: 77,
} as const;

/**
 * More records than this in one stream is no document (a three-page release has about
 * 500): without the cap, 64 MB of empty 4-byte records would be 16 million entries.
 */
export const MAX_RECORDS = 1_000_000;
/** Records nest a table in a table a few levels deep; deeper is corrupt (and would recurse). */
export const MAX_LEVEL = 64;

/**
 * The records of one stream, as parallel arrays (compact: 16 bytes a record, no object
 * per record). `data(i)` is a view of record i's bytes.
 */
export class RecordList {
  readonly tags: Uint16Array;
  readonly levels: Uint16Array;
  private readonly starts: Uint32Array;
  private readonly sizes: Uint32Array;

  private constructor(
    private readonly stream: Uint8Array,
    readonly length: number,
    arrays: { tags: Uint16Array; levels: Uint16Array; starts: Uint32Array; sizes: Uint32Array },
  ) {
    this.tags = arrays.tags;
    this.levels = arrays.levels;
    this.starts = arrays.starts;
    this.sizes = arrays.sizes;
  }

  data(i: number): Uint8Array {
    return this.stream.subarray(this.starts[i]!, this.starts[i]! + this.sizes[i]!);
  }

  /**
   * Reads every record of a stream; throws SkipFileError naming `part` when a record's
   * size runs past the end (a truncated or corrupt file) or a limit is passed.
   */
  static read(stream: Uint8Array, part: string): RecordList {
    const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    let capacity = Math.min(MAX_RECORDS, Math.max(16, stream.length >> 6));
    let arrays = allocate(capacity);
    let n = 0;
    let at = 0;
    while (at < stream.length) {
      if (at + 4 > stream.length) throw new SkipFileError(`${part}: a record header is cut off (truncated file)`);
      const header = view.getUint32(at, true);
      at += 4;
      let size = header >>> 20;
      if (size === 0xfff) {
        if (at + 4 > stream.length) throw new SkipFileError(`${part}: a record header is cut off (truncated file)`);
        size = view.getUint32(at, true);
        at += 4;
      }
      if (size > stream.length - at) {
        throw new SkipFileError(`${part}: a record of ${size} bytes runs past the end of the stream (corrupt file)`);
      }
      const level = (header >>> 10) & 0x3ff;
      if (level > MAX_LEVEL) throw new SkipFileError(`${part}: records nest ${level} levels deep (corrupt file)`);
      if (n === capacity) {
        if (capacity === MAX_RECORDS) throw new SkipFileError(`${part}: more than ${MAX_RECORDS} records`);
        capacity = Math.min(MAX_RECORDS, capacity * 2);
        arrays = grow(arrays, capacity);
      }
      arrays.tags[n] = header & 0x3ff;
      arrays.levels[n] = level;
      arrays.starts[n] = at;
      arrays.sizes[n] = size;
      n++;
      at += size;
    }
    return new RecordList(stream, n, arrays);
  }
}

function allocate(capacity: number) {
  return {
    tags: new Uint16Array(capacity),
    levels: new Uint16Array(capacity),
    starts: new Uint32Array(capacity),
    sizes: new Uint32Array(capacity),
  };
}

function grow(arrays: ReturnType<typeof allocate>, capacity: number) {
  const next = allocate(capacity);
  next.tags.set(arrays.tags);
  next.levels.set(arrays.levels);
  next.starts.set(arrays.starts);
  next.sizes.set(arrays.sizes);
  return next;
}

/** A control's 4-character id (`tbl `, `gso `, `head`), stored as a little-endian MAKE_4CHID. */
export function controlId(data: Uint8Array, at = 0): string {
  if (data.length < at + 4) return '';
  return String.fromCharCode(data[at + 3]!, data[at + 2]!, data[at + 1]!, data[at]!);
}

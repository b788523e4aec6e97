/**
 * Builds small HWP 5.0 files for ingest tests (no binary fixtures committed): records as
 * the spec lays them out (한글 문서 파일 형식 5.0, 3.1), in an OLE compound file written
 * by the same `cfb` library that reads them.
 */
import CFB from 'cfb';
import { deflateRawSync } from 'node:zlib';

export interface HwpRecordSpec {
  tag: number;
  level: number;
  data: Uint8Array;
}

/** Tag ids (HWPTAG_BEGIN = 16). */
export const HWPTAG = {
  CHAR_SHAPE: 21,
  PARA_HEADER: 66,
  PARA_TEXT: 67,
  PARA_CHAR_SHAPE: 68,
  PARA_LINE_SEG: 69,
  CTRL_HEADER: 71,
  LIST_HEADER: 72,
  TABLE: 77,
} as const;

/** Record bytes: a 32-bit header (tag, level, size; 0xFFF and a 32-bit size for large ones), then the data. */
export function encodeRecords(records: HwpRecordSpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const { tag, level, data } of records) {
    const long = data.length >= 0xfff;
    const header = new Uint8Array(long ? 8 : 4);
    const view = new DataView(header.buffer);
    view.setUint32(0, (tag & 0x3ff) | ((level & 0x3ff) << 10) | ((long ? 0xfff : data.length) << 20), true);
    if (long) view.setUint32(4, data.length, true);
    parts.push(header, data);
  }
  return concat(parts);
}

/** UTF-16LE units as bytes. */
export function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/**
 * An extended or inline control in PARA_TEXT: the code, six units of payload (the
 * control's id first, then bytes that read as CJK noise if taken for text), the code again.
 */
export function controlChar(code: number, id = 'tbl '): string {
  const low = (id.charCodeAt(2) << 8) | id.charCodeAt(3);
  const high = (id.charCodeAt(0) << 8) | id.charCodeAt(1);
  return String.fromCharCode(code, low, high, 0x6c61, 0x4e2d, 0x9f8d, 0xe0ff, code);
}

export function paraHeader(options: { pageBreak?: boolean } = {}): Uint8Array {
  const data = new Uint8Array(24);
  data[11] = options.pageBreak ? 0x04 : 0;
  return data;
}

/** PARA_LINE_SEG with one line at each vertical position. */
export function lineSegs(...tops: number[]): Uint8Array {
  const data = new Uint8Array(36 * tops.length);
  const view = new DataView(data.buffer);
  tops.forEach((top, i) => view.setInt32(i * 36 + 4, top, true));
  return data;
}

/** PARA_CHAR_SHAPE: one run of char shape `id` from position 0. */
export function charShapeRun(id: number): Uint8Array {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setUint32(4, id, true);
  return data;
}

/** A DocInfo CHAR_SHAPE record's data with a base size in points. */
export function charShape(points: number): Uint8Array {
  const data = new Uint8Array(72);
  new DataView(data.buffer).setInt32(42, Math.round(points * 100), true);
  return data;
}

export function controlHeader(id: string): Uint8Array {
  return Uint8Array.from([id.charCodeAt(3), id.charCodeAt(2), id.charCodeAt(1), id.charCodeAt(0), 0, 0, 0, 0]);
}

export function tableRecord(rows: number, columns: number): Uint8Array {
  const data = new Uint8Array(18 + rows * 2 + 2);
  const view = new DataView(data.buffer);
  view.setUint16(4, rows, true);
  view.setUint16(6, columns, true);
  return data;
}

export function cellHeader(row: number, column: number): Uint8Array {
  const data = new Uint8Array(34);
  const view = new DataView(data.buffer);
  view.setUint16(0, 1, true);
  view.setUint16(8, column, true);
  view.setUint16(10, row, true);
  view.setUint16(12, 1, true);
  view.setUint16(14, 1, true);
  return data;
}

/** Records of one paragraph at `level`: header, text (13 ends it), one char shape run, line positions. */
export function paragraph(
  text: string,
  options: { level?: number; charShape?: number; tops?: number[]; pageBreak?: boolean } = {},
): HwpRecordSpec[] {
  const level = options.level ?? 0;
  return [
    { tag: HWPTAG.PARA_HEADER, level, data: paraHeader(options) },
    { tag: HWPTAG.PARA_TEXT, level: level + 1, data: utf16(`${text}\r`) },
    { tag: HWPTAG.PARA_CHAR_SHAPE, level: level + 1, data: charShapeRun(options.charShape ?? 0) },
    { tag: HWPTAG.PARA_LINE_SEG, level: level + 1, data: lineSegs(...(options.tops ?? [0])) },
  ];
}

/** A top-level paragraph holding a table of the given cell texts, as Hangul writes one. */
export function tableParagraph(rows: string[][], options: { tops?: number[] } = {}): HwpRecordSpec[] {
  const records: HwpRecordSpec[] = [
    { tag: HWPTAG.PARA_HEADER, level: 0, data: paraHeader() },
    { tag: HWPTAG.PARA_TEXT, level: 1, data: utf16(`${controlChar(11, 'tbl ')}\r`) },
    { tag: HWPTAG.PARA_LINE_SEG, level: 1, data: lineSegs(...(options.tops ?? [0])) },
    { tag: HWPTAG.CTRL_HEADER, level: 1, data: controlHeader('tbl ') },
    { tag: HWPTAG.TABLE, level: 2, data: tableRecord(rows.length, rows[0]?.length ?? 0) },
  ];
  rows.forEach((cells, row) =>
    cells.forEach((text, column) => {
      records.push({ tag: HWPTAG.LIST_HEADER, level: 2, data: cellHeader(row, column) });
      records.push(...paragraph(text, { level: 2 }));
    }),
  );
  return records;
}

export interface HwpFileOptions {
  /** FileHeader property bits (bit 0 compressed, 1 password, 2 distribution). Default: compressed. */
  flags?: number;
  version?: number;
  /** DocInfo CHAR_SHAPE sizes in points, by id. */
  charSizes?: number[];
  /** Raw stream bytes to use instead of compressing the records (a bomb, a truncated stream). */
  rawSections?: Uint8Array[];
}

/** An HWP 5.0 file with one BodyText section per entry of `sections`. */
export function hwpFile(sections: HwpRecordSpec[][], options: HwpFileOptions = {}): Uint8Array {
  const flags = options.flags ?? 1;
  const compress = (data: Uint8Array) => (flags & 1 ? new Uint8Array(deflateRawSync(data)) : data);
  const container = CFB.utils.cfb_new();
  const header = new Uint8Array(256);
  header.set(new TextEncoder().encode('HWP Document File'));
  const view = new DataView(header.buffer);
  view.setUint32(32, options.version ?? 0x05000300, true);
  view.setUint32(36, flags, true);
  CFB.utils.cfb_add(container, 'FileHeader', header);
  const sizes = options.charSizes ?? [10];
  CFB.utils.cfb_add(
    container,
    'DocInfo',
    compress(encodeRecords(sizes.map((points) => ({ tag: HWPTAG.CHAR_SHAPE, level: 0, data: charShape(points) })))),
  );
  const raw = options.rawSections ?? sections.map((records) => compress(encodeRecords(records)));
  raw.forEach((data, i) => CFB.utils.cfb_add(container, `BodyText/Section${i}`, data));
  return new Uint8Array(CFB.write(container, { type: 'array' }) as ArrayLike<number>);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

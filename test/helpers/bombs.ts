/**
 * Hostile inputs for ingest's resource tests, made in memory in milliseconds so no binary
 * fixtures are committed: DEFLATE data that expands about 1000:1 and zip archives whose
 * central directory says what the test wants it to say.
 */
import { constants, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/**
 * Raw DEFLATE data that inflates to `megabytes` MB of zeros. One megabyte compressed with a
 * full flush is a run of byte-aligned blocks that refer to nothing before them, so copies
 * of it can follow each other; a final empty block (0x03 0x00) ends the stream.
 */
export function deflateBomb(megabytes: number): Uint8Array {
  const oneMegabyte = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const out = new Uint8Array(oneMegabyte.length * megabytes + 2);
  for (let i = 0; i < megabytes; i++) out.set(oneMegabyte, i * oneMegabyte.length);
  out.set([0x03, 0x00], oneMegabyte.length * megabytes);
  return out;
}

export interface ZipEntry {
  name: string;
  /** The bytes as stored: raw DEFLATE when `deflated`. */
  data: Uint8Array;
  deflated: boolean;
  /** The uncompressed size to declare (a bomb can lie about it). */
  declaredSize: number;
}

/** A zip archive (PKWARE APPNOTE 4.3) of the given entries, CRCs left zero (ingest does not check them). */
export function zipOf(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.deflated ? 8 : 0, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.deflated ? 8 : 0, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An entry compressed honestly. */
export function deflatedEntry(name: string, text: string): ZipEntry {
  const raw = new TextEncoder().encode(text);
  return { name, data: deflateRawSync(raw), deflated: true, declaredSize: raw.length };
}

/**
 * Bytes for the binary index files: unsigned LEB128 varints (posting lists are delta-coded,
 * so most gaps fit one byte), length-prefixed UTF-8 strings and raw byte runs. Runs
 * unchanged in workerd and Node.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends varints, strings and bytes to a buffer that doubles when full. */
export class ByteWriter {
  private bytes: Uint8Array;
  private at = 0;

  constructor(initial = 1024) {
    this.bytes = new Uint8Array(initial);
  }

  get length(): number {
    return this.at;
  }

  private reserve(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.at++] = v;
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** A varint byte length, then the UTF-8 bytes. */
  string(text: string): void {
    const bytes = encoder.encode(text);
    this.varint(bytes.length);
    this.raw(bytes);
  }

  /** The bytes written, as a view (no copy). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.at);
  }

  /** The bytes written, copied to an exact-size buffer: what an index keeps. */
  toArray(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

/** Reads what ByteWriter wrote; throws RangeError when the data ends early. */
export class ByteReader {
  at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (this.at >= this.bytes.length) throw new RangeError('varint data ends early');
      byte = this.bytes[this.at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  }

  /** The next `length` bytes, as a view into the source. */
  raw(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new RangeError('byte data ends early');
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  string(): string {
    return decoder.decode(this.raw(this.varint()));
  }

  /** Fills `out[from..from+count)` with varints. */
  varints(out: Uint32Array, from: number, count: number): void {
    for (let i = from; i < from + count; i++) out[i] = this.varint();
  }
}

/** Base64, for binary kept in text stores (the Upstash term statistics). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its bytes as arguments: a few thousand at a time.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Compact binary fields for the serialized index, as base64 inside its JSON: unsigned
 * varints (posting lists are delta-coded, so most gaps fit one byte) and raw byte arrays.
 * Runs unchanged in workerd and Node (atob/btoa exist in both).
 */

/** Appends unsigned integers as LEB128 varints to a growable byte buffer. */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  finish(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Decodes `count` varints from `bytes`, starting at `state.at` (advanced as it reads). */
export function readVarints(bytes: Uint8Array, count: number, out: Uint32Array | Int32Array, state = { at: 0 }): void {
  let at = state.at;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= bytes.length) throw new RangeError('varint data ends early');
      byte = bytes[at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    out[i] = value >>> 0;
  }
  state.at = at;
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

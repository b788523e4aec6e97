import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './decode.js';
import { SkipFileError } from './types.js';

const KOREAN = '국민성장펀드 5조6천억 원 투자 승인 (똠방각하, 뷁)';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

// CP949 bytes of '한글 똠 뷁.' as Windows writes them: 똠 (0x8C63) and 뷁 (0x94EE) are
// in the extension block that plain EUC-KR lacks.
const CP949 = new Uint8Array([0xc7, 0xd1, 0xb1, 0xdb, 0x20, 0x8c, 0x63, 0x20, 0x94, 0xee, 0x2e]);

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = new TextEncoder().encode(KOREAN);
    expect(decodeText(plain)).toBe(KOREAN);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toBe(KOREAN);
  });

  it('reads UTF-16 in both byte orders, with a BOM and without', () => {
    for (const le of [true, false]) {
      expect(decodeText(utf16(KOREAN, le, true))).toBe(KOREAN);
      expect(detectEncoding(utf16(KOREAN, le, false))).toBe(le ? 'utf-16le' : 'utf-16be');
      expect(decodeText(utf16(KOREAN, le, false))).toBe(KOREAN);
    }
  });

  it('reads EUC-KR and CP949, including the syllables only CP949 has', () => {
    expect(detectEncoding(CP949)).toBe('cp949');
    expect(decodeText(CP949)).toBe('한글 똠 뷁.');
  });

  it('reads every Hangul syllable of a CP949 file', () => {
    // Bytes built from the KS X 1001 layout: 0xB0A1 is 가, the first of its 2,350 syllables.
    const bytes: number[] = [];
    for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(0xb0, trail);
    const text = decodeText(new Uint8Array(bytes));
    expect(text.startsWith('가각간갇갈')).toBe(true);
    expect(text).toHaveLength(94);
  });

  it('refuses binary data with a reason', () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeText(garbage)).toThrow(SkipFileError);
    expect(() => decodeText(garbage)).toThrow(/binary data/);
    const nulHeavy = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x08, 0, 0, 0, 1, 2, 0, 0, 0, 0]);
    expect(() => decodeText(nulHeavy)).toThrow(/binary data/);
  });
});

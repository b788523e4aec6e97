import { SkipFileError } from './types.js';
import { decodeCp949 } from './cp949.js';

/** The text encodings ingest tells apart (DESIGN.md, "Corpus files"). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp949';

export interface DecodeOptions {
  /** A charset the file declares itself (an HTML `<meta charset>`), used when no BOM says otherwise. */
  declared?: string;
}

/**
 * Guesses a text file's encoding: a byte-order mark wins; then valid UTF-8 (Korean
 * EUC-KR text of any length is never valid UTF-8); then UTF-16 without a BOM; then the
 * legacy Korean CP949/EUC-KR, when its byte pairs are well formed and mostly Hangul.
 * Returns undefined for bytes that are none of these (binary data).
 */
export function detectEncoding(bytes: Uint8Array, options: DecodeOptions = {}): TextEncoding | undefined {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  if (isValidUtf8(bytes)) return 'utf-8';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  // A declared legacy charset vouches for text that is mostly Hanja or symbols.
  const minHangulShare = declaredEncoding(options.declared) === 'cp949' ? 0 : 0.3;
  if (looksLikeCp949(bytes, minHangulShare)) return 'cp949';
  return undefined;
}

/**
 * Decodes a text file to a string without its BOM, in whichever encoding `detectEncoding`
 * finds; throws SkipFileError for binary data, so ingest can name the reason.
 *
 * @example decodeText(new Uint8Array([0xc7, 0xd1, 0xb1, 0xdb])) // '한글' (EUC-KR)
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const encoding = detectEncoding(bytes, options);
  if (!encoding) throw new SkipFileError('binary data, not text (no UTF-8, UTF-16 or EUC-KR/CP949 text found)');
  const text = decodeAs(bytes, encoding);
  if (looksBinary(text)) throw new SkipFileError('binary data, not text (control characters)');
  return text;
}

export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  const body = bytes.subarray(bomLength(bytes, encoding));
  if (encoding === 'cp949') return decodeCp949(body);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

function bomEncoding(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function bomLength(bytes: Uint8Array, encoding: TextEncoding): number {
  const bom = bomEncoding(bytes);
  if (bom !== encoding) return 0;
  return bom === 'utf-8' ? 3 : 2;
}

function declaredEncoding(label: string | undefined): TextEncoding | undefined {
  const name = label?.trim().toLowerCase();
  if (!name) return undefined;
  if (/^(euc-?kr|cp949|ms949|windows-949|ks_c_5601-1987|x-windows-949|uhc)$/.test(name)) return 'cp949';
  if (/^utf-?8$/.test(name)) return 'utf-8';
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: the sample decodes to letters and punctuation of prose, and its
 * spaces and digits put a zero byte on the same side of their units. Both byte orders.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(encoding).decode(sample);
    let plausible = 0;
    let ascii = 0;
    for (const char of text) {
      if (PLAUSIBLE_CHAR.test(char)) plausible++;
      if (char < '\x80') ascii++;
    }
    // Prose has spaces and digits (a zero byte in UTF-16); EUC-KR pairs alone can look like Hangul.
    if (plausible / text.length >= 0.95 && ascii / text.length >= 0.05) return encoding;
  }
  return undefined;
}

/** Letters and punctuation of Korean and English prose, and whitespace. */
const PLAUSIBLE_CHAR =
  /[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2190-\u25ff\u3000-\u303f\u3130-\u318f\uac00-\ud7a3\uff01-\uff5e]/;

/**
 * CP949 (a superset of EUC-KR): every byte above 0x80 leads a pair whose second byte is
 * in range, and most pairs are Hangul syllables (lead 0xB0-0xC8) or the extension block.
 */
function looksLikeCp949(bytes: Uint8Array, minHangulShare: number): boolean {
  let pairs = 0;
  let hangul = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined || trail < 0x41 || trail === 0xff) return false;
    pairs++;
    if ((lead >= 0xb0 && lead <= 0xc8 && trail >= 0xa1) || (lead >= 0x81 && lead <= 0xc6 && trail < 0xa1)) hangul++;
    i++;
  }
  return pairs > 0 && hangul / pairs >= minHangulShare;
}

/** Too many control characters for prose: an image, an archive or an executable renamed. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) control++;
  }
  return control / text.length > 0.02;
}

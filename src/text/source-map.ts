/**
 * NFKC-normalizes a text while remembering where each normalized character came from, so a
 * match found in the normalized text can be reported with its original wording and offset.
 *
 * Text is cut into segments that start at a base character (combining marks and conjoining
 * Hangul vowels/finals stay with their base, so NFD Hangul still composes), and each segment
 * is normalized on its own. Plain NFC text (the common case) takes a fast path.
 */
export interface SourceMappedText {
  /** The NFKC form. */
  text: string;
  /** `offsets[i]` is the original offset of normalized character `i`; one extra entry for the end. */
  offsets: number[] | undefined;
}

const JOINS_PREVIOUS = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;

export function normalizeWithOffsets(original: string): SourceMappedText {
  const whole = original.normalize('NFKC');
  if (whole === original) return { text: whole, offsets: undefined };
  let text = '';
  const offsets: number[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end <= start) return;
    const normalized = original.slice(start, end).normalize('NFKC');
    for (let k = 0; k < normalized.length; k++) offsets.push(start);
    text += normalized;
    start = end;
  };
  for (let i = 0; i < original.length;) {
    const codePoint = original.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    if (i > start && !JOINS_PREVIOUS.test(String.fromCodePoint(codePoint))) flush(i);
    i += width;
  }
  flush(original.length);
  offsets.push(original.length);
  return { text, offsets };
}

/** The original span behind normalized `[start, end)`. */
export function originalSpan(mapped: SourceMappedText, original: string, start: number, end: number) {
  if (!mapped.offsets) return { index: start, text: original.slice(start, end) };
  const offsets = mapped.offsets;
  const from = offsets[start]!;
  // A match may end inside an expanded segment (㎏ -> kg): extend to the segment's end.
  let j = end;
  while (j < offsets.length - 1 && end > start && offsets[j] === offsets[end - 1]) j++;
  return { index: from, text: original.slice(from, offsets[j]) };
}

/**
 * The text of an HWPTAG_PARA_TEXT record (spec 4.2.3 "문단의 텍스트", table 6 "제어 문자"):
 * UTF-16LE code units in which 0-31 are control characters, not text. Three kinds:
 *  - char controls take one unit: 0 (unusable), 10 line break, 13 paragraph end,
 *    24 hyphen, 25-29 reserved, 30 non-breaking space, 31 fixed-width space;
 *  - inline controls (4-9, 19, 20: field end, title mark, tab...) and
 *  - extended controls (1-3, 11, 12, 14-18, 21-23: section and column definitions,
 *    fields, tables and drawings, footnotes, headers, page controls...) take eight units:
 *    the code, six units of payload, the code again. The payload is binary; read as text it
 *    would be CJK noise. An extended control's payload begins with its 4-character id, and
 *    its body is the paragraph's next CTRL_HEADER record.
 */

/** A paragraph's text, split where extended controls (tables, drawings, notes) stand. */
export type TextPiece = { text: string } | { control: string };

const INLINE = new Set([4, 5, 6, 7, 8, 9, 19, 20]);
const EXTENDED = new Set([1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23]);
const CONTROL_UNITS = 8;
const TAB = 9;
const LINE_BREAK = 10;
const PARAGRAPH_END = 13;
const HYPHEN = 24;
const NON_BREAKING_SPACE = 30;
const FIXED_WIDTH_SPACE = 31;

/**
 * Splits PARA_TEXT bytes into text and the extended controls between it, in order.
 * `onVisible` hears the position (in code units, as PARA_CHAR_SHAPE counts) of every
 * character that is neither a control nor white space.
 */
export function readParaText(data: Uint8Array, onVisible?: (unit: number) => void): TextPiece[] {
  const units = data.length >> 1;
  const pieces: TextPiece[] = [];
  let text = '';
  const unit = (i: number) => data[2 * i]! | (data[2 * i + 1]! << 8);
  for (let i = 0; i < units; i++) {
    const code = unit(i);
    if (code >= 32) {
      text += String.fromCharCode(code);
      if (onVisible && code !== 0x20 && code !== 0x3000 && code !== 0xa0) onVisible(i);
      continue;
    }
    if (INLINE.has(code) || EXTENDED.has(code)) {
      if (i + CONTROL_UNITS > units) break; // cut off: the rest is no text
      if (code === TAB) text += ' ';
      if (EXTENDED.has(code)) {
        if (text) pieces.push({ text });
        text = '';
        pieces.push({
          control: String.fromCharCode(unit(i + 2) >> 8, unit(i + 2) & 0xff, unit(i + 1) >> 8, unit(i + 1) & 0xff),
        });
      }
      i += CONTROL_UNITS - 1;
      continue;
    }
    if (code === PARAGRAPH_END) break;
    if (code === LINE_BREAK || code === NON_BREAKING_SPACE || code === FIXED_WIDTH_SPACE) text += ' ';
    else if (code === HYPHEN) text += '-';
  }
  if (text) pieces.push({ text });
  return pieces;
}

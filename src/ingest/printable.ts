/**
 * Characters that change how a line reads without being seen: C0 and C1 controls (a
 * newline in a file name starts a forged log line), line and paragraph separators, and
 * the bidirectional formatting characters of UAX #9 (U+202E turns `gpj.exe` around).
 */
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on one log line: every control, separator and bidi formatting
 * character written as an escape (`\n`, `\x1b`, `\u202e`), the rest unchanged.
 *
 * @example printable('a\nwarning: forged') // 'a\\nwarning: forged'
 */
export function printable(text: string): string {
  return text.replace(UNSEEN, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

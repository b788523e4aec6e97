import { describe, expect, it } from 'vitest';
import { documentIdFromPath, fileNameTitle } from './document-id.js';
import { ingestFiles } from './corpus.js';
import { formatProgress, formatWarning } from './progress.js';
import { printable } from './printable.js';

describe('document ids and log lines with hostile file names (issue 10)', () => {
  it('drops bidi overrides and isolates from ids', () => {
    expect(documentIdFromPath('invoice\u202Efdp.exe.md')).toBe('invoicefdp.exe');
    expect(documentIdFromPath('a\u2066b\u2069c\u200f.md')).toBe('abc');
  });

  it('turns newlines and other control characters in ids into spaces', () => {
    expect(documentIdFromPath('2024/보도\n자료\t최종\u0007.md')).toBe('2024/보도 자료 최종 ');
    expect(fileNameTitle('a\r\nb.txt')).toBe('a  b');
  });

  it('keeps ordinary names as they are', () => {
    expect(documentIdFromPath('(보도자료) 2024년+교육부 [최종].hwpx')).toBe('(보도자료) 2024년+교육부 [최종]');
  });

  it('a name with a newline cannot forge a warning line', async () => {
    const forged = 'x\nwarning: skipped good.md: fake\u202e.xyz';
    const { warnings } = await ingestFiles([{ path: forged, bytes: new TextEncoder().encode('data') }]);
    const line = formatWarning(warnings[0]!);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('warning: skipped x\\nwarning: skipped good.md: fake\\u202e.xyz: unsupported format ".xyz"');
  });

  it('the progress line escapes the current file name too', () => {
    const line = formatProgress(
      { done: 1, total: 2, elapsedMs: 2000, current: 'a\nb.md' },
      { bar: false, columns: 200 },
    );
    expect(line).toMatch(/ a\\nb\.md$/);
  });

  it('printable escapes controls, separators and bidi characters and nothing else', () => {
    expect(printable('\x1b[31m한글\u2028\u0085 ok')).toBe('\\x1b[31m한글\\u2028\\x85 ok');
  });
});

import { describe, expect, it } from 'vitest';
import { docIdOfSourcePath, quoteOf, sourcePath, QUOTE_CHARS } from './source-path.js';

describe('source paths', () => {
  it('round-trips ids with folders, Hangul, spaces, #, ? and %', () => {
    for (const id of ['2026-04-30-upstage-ko', '보도자료/2026/업스테이지 투자', 'a/#1 ?x=1&y/50%', 'é/café']) {
      const url = new URL(sourcePath(id, { page: 3 }), 'https://fa.example/');
      expect(url.hash).toBe('#cited');
      expect(url.searchParams.get('page')).toBe('3');
      expect(docIdOfSourcePath(url.pathname)).toBe(id);
    }
  });

  it('keeps the folders of an id readable in the path', () => {
    expect(sourcePath('press/2026 release')).toBe('sources/press/2026%20release#cited');
  });

  it('quotes the opening words of a snippet, without its ellipsis', () => {
    const snippet = `${'가'.repeat(300)}…`;
    expect(quoteOf(snippet)).toBe('가'.repeat(QUOTE_CHARS));
    expect(quoteOf('짧은  문장…')).toBe('짧은 문장');
    const url = new URL(sourcePath('d', { snippet: '5조6천억 원 & <b>' }), 'https://fa.example/');
    expect(url.searchParams.get('quote')).toBe('5조6천억 원 & <b>');
  });

  it('reads no id from other paths or broken escapes', () => {
    expect(docIdOfSourcePath('/sources/')).toBeUndefined();
    expect(docIdOfSourcePath('/other/x')).toBeUndefined();
    expect(docIdOfSourcePath('/sources/%E0%A4')).toBeUndefined();
  });
});

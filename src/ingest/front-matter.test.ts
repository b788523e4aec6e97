import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.js';
import { ingestFiles } from './corpus.js';
import { isCalendarDate, isIsoCalendarDate } from '../text/dates.js';

const md = (text: string) => new TextEncoder().encode(text);

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2026, 4, 31)).toBe(false);
    expect(isCalendarDate(2026, 12, 31)).toBe(true);
    expect(isCalendarDate(2026, 13, 1)).toBe(false);
    expect(isCalendarDate(2026, 0, 10)).toBe(false);
    expect(isCalendarDate(2026, 1, 0)).toBe(false);
    expect(isIsoCalendarDate('2026-02-31')).toBe(false);
    expect(isIsoCalendarDate('2026-04-30')).toBe(true);
    expect(isIsoCalendarDate('2026-4-30')).toBe(false);
  });
});

describe('front matter (issue 10)', () => {
  it('keeps a document whose date is no calendar day, without a date, with a warning naming the file', async () => {
    const corpus = await ingestFiles([
      { path: 'typo.md', bytes: md('---\ntitle: 공고\ndate: 2026-02-31\n---\n본문은 2026년 3월 3일에 발표되었다.\n') },
    ]);
    expect(corpus.documents).toHaveLength(1);
    expect(corpus.documents[0]!.title).toBe('공고');
    expect(corpus.documents[0]!.date).toBeUndefined();
    expect(corpus.warnings).toEqual([
      {
        file: 'typo.md',
        reason: 'front matter "date" 2026-02-31 is not a calendar date; the document is kept without a date',
        indexed: true,
      },
    ]);
  });

  it('keeps a real date', () => {
    expect(splitFrontMatter('---\ndate: 2024-02-29\n---\nx').data.date).toBe('2024-02-29');
  });

  it('reads an unclosed fence as no front matter, drops the fence line, and warns', async () => {
    const split = splitFrontMatter('---\ntitle: 닫히지 않음\n본문 첫 줄\n');
    expect(split).toEqual({
      data: {},
      body: 'title: 닫히지 않음\n본문 첫 줄\n',
      warnings: ['front matter opened with --- but never closed; read as text without front matter'],
    });
    const corpus = await ingestFiles([{ path: 'open.md', bytes: md('---\n# 제목\n\n본문입니다.\n') }]);
    expect(corpus.documents[0]!.title).toBe('제목');
    expect(corpus.chunks.map((c) => c.text).join('\n')).not.toContain('---');
    expect(corpus.warnings).toEqual([
      {
        file: 'open.md',
        reason: 'front matter opened with --- but never closed; read as text without front matter',
        indexed: true,
      },
    ]);
  });

  it('leaves a document without a fence alone', () => {
    expect(splitFrontMatter('# 제목\n\n---\n본문')).toEqual({ data: {}, body: '# 제목\n\n---\n본문', warnings: [] });
  });
});

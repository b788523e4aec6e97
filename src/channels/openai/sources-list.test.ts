import { describe, expect, it } from 'vitest';
import type { Citation } from '../../types.js';
import { sourcesList, withoutSourcesList } from './sources-list.js';

const upstage: Citation = {
  n: 1,
  id: '2026-04-30-upstage-ko',
  title: '국민성장펀드, 업스테이지에 5조6천억 원 투자 승인',
  date: '2026-04-30',
  snippet: '…',
};
const report: Citation = {
  n: 3,
  id: 'reports/annual',
  title: 'Annual report',
  page: 12,
  url: 'https://example.com/annual.pdf',
  snippet: '…',
};

describe('sourcesList', () => {
  it('lists each cited source in the answer language, with its date, page and link when known', () => {
    expect(sourcesList([upstage, report], 'ko')).toBe(
      '\n\n출처:\n- [1] 국민성장펀드, 업스테이지에 5조6천억 원 투자 승인 (2026-04-30)\n- [3] Annual report, 12쪽 — https://example.com/annual.pdf',
    );
    expect(sourcesList([report], 'en')).toBe(
      '\n\nSources:\n- [3] Annual report, p. 12 — https://example.com/annual.pdf',
    );
  });

  it('is empty when nothing is cited', () => {
    expect(sourcesList([], 'en')).toBe('');
  });
});

describe('withoutSourcesList', () => {
  it('takes our list off an answer sent back as history, in either language', () => {
    for (const language of ['ko', 'en'] as const) {
      const answer = '5조6천억 원입니다 [1].';
      expect(withoutSourcesList(answer + sourcesList([upstage], language))).toBe(answer);
    }
  });

  it('leaves other text alone', () => {
    const text = 'Sources:\nthe FSC and the fund.\n\nSources: none';
    expect(withoutSourcesList(text)).toBe(text);
  });
});

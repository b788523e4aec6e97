import { describe, expect, it } from 'vitest';
import type { QuestionItem } from '../answer-log/types.js';
import { formatGapsReport } from './gaps-report.js';
import { inlineStatement, LocalD1Error } from './local-d1.js';
import { questionsStatement } from '../answer-log/report-sql.js';

const item = (over: Partial<QuestionItem>): QuestionItem => ({
  question: '후성 대출의 금리는 얼마인가요?',
  language: 'ko',
  count: 2,
  refused: 2,
  up: 0,
  down: 0,
  last_asked: '2026-05-01T00:30:00.000Z',
  documents: [],
  comments: [],
  ...over,
});

describe('formatGapsReport', () => {
  it('shows days with their refusal rate, refused questions, and down-votes with their comments', () => {
    const text = formatGapsReport({
      since: '2026-04-02',
      days: [
        { day: '2026-04-30', questions: 4, refused: 1 },
        { day: '2026-05-01', questions: 2, refused: 2 },
      ],
      refused: [item({})],
      down: [
        item({
          question: '업스테이지 투자 규모는?',
          refused: 0,
          down: 1,
          count: 1,
          documents: ['2026-04-30-upstage-ko'],
          comments: [{ rating: 'down', comment: '승인일이 빠졌습니다.', at: '2026-05-01T00:31:00.000Z' }],
        }),
      ],
    });
    expect(text).toContain('2026-04-30      4');
    expect(text).toContain('1 refused (25%)');
    expect(text).toContain('total 6 questions, 3 refused (50%)');
    expect(text).toMatch(/\s2\s+2\s+ko\s+2026-05-01 \d\d:30\s+후성 대출의 금리는 얼마인가요\?/);
    expect(text).toContain('cited: 2026-04-30-upstage-ko');
    expect(text).toContain('wrong: 승인일이 빠졌습니다.');
  });

  it('keeps each question on its line: control characters and terminal escapes are shown, not obeyed', () => {
    const text = formatGapsReport({
      since: '2026-04-02',
      days: [],
      refused: [item({ question: 'a\n  999  999  ko  forged\u001b[2J' })],
      down: [],
    });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('a\\n  999  999  ko  forged\\x1b[2J');
    expect(text.match(/none/g)).toHaveLength(2);
  });
});

describe('inlineStatement', () => {
  it('writes the numbered parameters in, and only numbers', () => {
    const sql = inlineStatement(questionsStatement({ filter: 'refused', sinceMs: 1_700_000_000_000, limit: 20 }));
    expect(sql).toContain('a.asked_at >= 1700000000000');
    expect(sql).toContain('LIMIT 20');
    expect(sql).not.toMatch(/\?\d/);
    expect(() => inlineStatement({ sql: 'SELECT ?1', params: [Number.NaN] })).toThrow(LocalD1Error);
    expect(() => inlineStatement({ sql: 'SELECT ?2', params: [1] })).toThrow(/\?2/);
  });
});

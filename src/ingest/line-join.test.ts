import { describe, expect, it } from 'vitest';
import { joinWrappedLines, statsFrom } from './line-join.js';

describe('joinWrappedLines', () => {
  // Text a Hangul word processor wrapped at arbitrary syllables; the other paragraphs show
  // how the document spaces these words when they are not at a line break.
  const context = [
    ['지방은행의 시중은행 전환을 추진한다.'],
    ['지방은행의 시중은행 전환 방식을 명확히 한다.'],
    ['정부는 지방은행의 전환을 적극 추진하겠다고 발표하였다.'],
  ];

  it('joins a word broken across lines and keeps the space between two words', () => {
    const wrapped = [['정부는 작년 지방', '은행의 시중은행', '전환을 추진하겠다고 발표', '하였다.']];
    const paragraphs = [...wrapped, ...context];
    const [joined] = joinWrappedLines(paragraphs, statsFrom(paragraphs));
    expect(joined).toBe('정부는 작년 지방은행의 시중은행 전환을 추진하겠다고 발표하였다.');
  });

  it('joins English lines with a space and keeps hyphenated words whole', () => {
    const [joined] = joinWrappedLines([['The Financial Services', 'Commission approved a long-', 'term loan.']]);
    expect(joined).toBe('The Financial Services Commission approved a long-term loan.');
  });

  it('keeps A·B compounds and bracketed words together', () => {
    const [joined] = joinWrappedLines([['금융회사·', '빅테크 기업과 「핀테크', '혁신펀드」를']]);
    expect(joined).toContain('금융회사·빅테크');
  });
});

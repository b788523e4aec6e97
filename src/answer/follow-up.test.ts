import { describe, expect, it } from 'vitest';
import { carryEntities, looksLikeFollowUp } from './follow-up.js';

describe('offline follow-up resolution', () => {
  const history = [
    { role: 'user' as const, content: '업스테이지 투자 금액은 얼마인가요?' },
    { role: 'assistant' as const, content: '5조6천억 원입니다. [1]' },
  ];

  it('carries the names of the earlier question into a short follow-up', () => {
    expect(carryEntities('IBK기업은행 몫은?', history)).toBe('IBK기업은행 몫은? (업스테이지 투자)');
    expect(
      carryEntities('What about its completion date?', [
        { role: 'user', content: 'How many chips will the Haenam center get?' },
      ]),
    ).toMatch(/\(.*Haenam.*center/);
  });

  it('leaves a standalone question alone', () => {
    const standalone = '해남 국가AI컴퓨팅센터를 짓는 특수목적법인의 자본금 규모는 얼마인가요?';
    expect(looksLikeFollowUp(standalone)).toBe(false);
    expect(carryEntities(standalone, history)).toBe(standalone);
  });

  it('needs an earlier user turn to carry from', () => {
    expect(carryEntities('그럼 후성은?', [])).toBe('그럼 후성은?');
  });
});

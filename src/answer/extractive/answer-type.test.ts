import { describe, expect, it } from 'vitest';
import { answerTypesOf } from './answer-type.js';

describe('answerTypesOf', () => {
  it('keeps the money a money noun asks for beside the quantity 얼마 asks for', () => {
    expect(answerTypesOf('생산량은 얼마이고 투자금은?')).toEqual(['count', 'money']);
  });

  it('reads a bare 얼마 after a measured noun as that quantity, not money', () => {
    expect(answerTypesOf('연간 생산량은 얼마인가요?')).toEqual(['count']);
  });

  it('reads a number of a currency as an amount', () => {
    expect(answerTypesOf('달러로 치면 몇 억 달러 정도임?')).toContain('money');
  });
});

import { describe, expect, it } from 'vitest';
import { isRefusal, REFUSAL_TEXT } from './refusal.js';

describe('isRefusal', () => {
  it.each([
    REFUSAL_TEXT.ko,
    REFUSAL_TEXT.en,
    'The documents do not mention the interest rate. They say the loan is low-interest [1].',
    "I couldn't find the share price in the announcements.",
    '후성 대출 금리는 자료에 나와 있지 않습니다. 저리 대출이라는 점만 확인됩니다 [1].',
    '해당 정보는 공고에 명시되지 않았습니다.',
    '',
  ])('reads %j as a refusal', (answer) => {
    expect(isRefusal(answer)).toBe(true);
  });

  it.each([
    'Housung receives a 165 billion won loan [1]. The interest rate is not stated.',
    '후성은 1,650억 원의 저리 대출을 받습니다 [1]. 금리는 나와 있지 않습니다.',
    'The center is to be completed in 2028 [2].',
  ])('reads %j as an answer: it opens with one', (answer) => {
    expect(isRefusal(answer)).toBe(false);
  });
});

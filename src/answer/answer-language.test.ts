import { describe, expect, it } from 'vitest';
import { answerLanguageOf } from './answer-language.js';

describe('answerLanguageOf', () => {
  it.each([
    ['업스테이지 투자 금액은?', 'ko'],
    ['How much will Upstage get?', 'en'],
    ['How much is the 퓨처그래프 loan?', 'en'],
    ['How many projects has the 국민성장펀드 approved so far?', 'en'],
    ['Upstage 투자에서 민간 몫은 얼마?', 'ko'],
    ['IBK 몫은?', 'ko'],
  ])('answers %j in %s', (question, lang) => {
    expect(answerLanguageOf(question)).toBe(lang);
  });
});

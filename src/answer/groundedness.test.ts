import { describe, expect, it } from 'vitest';
import { unsupportedFigures } from './groundedness.js';

const passages = [
  {
    title: '업스테이지 투자',
    text: '국민성장펀드가 업스테이지에 5조6천억 원(약 42억 달러)을 투자한다. 센터는 2028년 완공을 목표로 한다.',
  },
  { title: 'Haenam center', text: 'The SPC will bring in 15,000 advanced AI chips.' },
];

describe('unsupportedFigures', () => {
  it('accepts figures the passages state, in any of their written forms', () => {
    expect(
      unsupportedFigures('The fund invests 5.6 trillion won (US$4.2 billion) [1], done by 2028 [1].', passages),
    ).toEqual([]);
    expect(unsupportedFigures('AI 반도체 1만5천 장을 들여옵니다 [2].', passages)).toEqual([]);
  });

  it('names the figures no passage states', () => {
    expect(unsupportedFigures('업스테이지에 10조 원을 투자합니다 [1]. 금리는 3.5%입니다.', passages)).toEqual([
      '10조 원',
      '3.5%',
    ]);
  });

  it('does not read citation markers or bare list numbers as figures', () => {
    expect(unsupportedFigures('Three loans were approved [1][2].', passages)).toEqual([]);
  });
});

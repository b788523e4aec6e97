/**
 * How the words of a question are sorted (issue 5, real Korean questions): the words that
 * only phrase a question must not count as topics a sentence has to contain, or every
 * long question would be refused for words no source writes (설명하시오, 이유, 있으며).
 */
import { describe, expect, it } from 'vitest';
import { readQuestion } from './question-words.js';

/** "text/kind" of each word of the question. */
const words = (question: string) => readQuestion(question).words.map((w) => `${w.text}/${w.kind}`);

describe('readQuestion', () => {
  it.each([
    // 하다/되다/받다 verbs with any run of endings: the noun is what a source writes
    ['적용되며', ['적용/verb']],
    ['배포되었고', ['배포/verb']],
    ['예정되어있고', ['예정/verb']],
    ['처벌받게', ['처벌/verb']],
    ['계산하면', ['계산/verb']],
    ['유예되었는가', ['유예/verb']],
    ['설립되었으며', ['설립/verb']],
    ['불복하여', ['불복/verb']],
    // adjectives asked about, other verb endings
    ['높은가요', ['높/verb']],
    ['큰가요', ['크/verb']],
    ['이루어진', ['이루/verb']],
    ['도입했을', ['도입/verb']],
    // a syllable closed by ㅆ is a tense: 변하였고, 끼쳤으며, 수행해왔던
    ['변하였고', ['변/verb']],
    ['끼쳤으며', ['끼/verb']],
    ['수행해왔던', ['수행/verb']],
    ['나가요', ['나가/verb']],
  ])('reads %s as a verb', (question, expected) => {
    expect(words(question)).toEqual(expected);
  });

  it('keeps nouns ending in 하 or carrying a particle as nouns', () => {
    expect(words('시력 저하가')).toEqual(['시력/content', '저하/content']);
    expect(words('금리인하를')).toEqual(['금리인하/content']);
  });

  it('drops what only shapes the question', () => {
    for (const question of [
      '설명하시오',
      '있으며',
      '없는지',
      '되며',
      '것이라',
      '것들이',
      '본문에서',
      '날짜는',
      '때',
      '거기',
    ]) {
      expect(words(question), question).toEqual([]);
    }
  });

  it('reads what the answer is to be, and modifiers made of nouns, as generic words', () => {
    expect(words('차이점은')).toEqual(['차이점/generic']);
    expect(words('회사죠')).toEqual(['회사/generic']);
    expect(words('회사명이랑')).toEqual(['회사명/generic']);
    expect(words('이유는')).toEqual(['이유/generic']);
    expect(words('절차와')).toEqual(['절차/generic']);
    expect(words('법률적')).toEqual(['법률적/generic']);
    expect(words('잠재적인')).toEqual(['잠재적/generic']);
  });

  it('keeps the topic words of a long question as content', () => {
    const read = words('비은행 금융기관의 부동산 PF 대출 연체율 상승에 따른 영향은 무엇이며, 그 이유를 설명하시오.');
    expect(read).toContain('금융기관/content');
    expect(read).toContain('PF/content');
    expect(read).toContain('이유/generic');
    expect(read.some((w) => w.startsWith('설명'))).toBe(false);
  });
});

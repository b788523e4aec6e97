import { describe, expect, it } from 'vitest';
import { analyzeWords, tokenize } from './tokenize.js';
import { detectLanguage, primaryLanguage } from './language.js';
import { stripParticle } from './particles.js';
import { stemEnglish } from './english-stem.js';
import { questionContent } from './question-words.js';

const shared = (a: string, b: string) => tokenize(a).filter((t) => tokenize(b).includes(t));

describe('tokenize: Hangul', () => {
  it('turns Hangul into bigrams and keeps one-syllable words', () => {
    expect(tokenize('해남 센터')).toEqual(['해남', '센터']);
    expect(tokenize('국민성장펀드')).toEqual(['국민', '민성', '성장', '장펀', '펀드']);
    expect(tokenize('빛')).toEqual(['빛']);
  });

  it('lets a noun with a particle meet the bare noun', () => {
    expect(tokenize('업스테이지에')).toEqual(tokenize('업스테이지'));
    expect(tokenize('업스테이지는')).toEqual(tokenize('업스테이지'));
    expect(tokenize('금융위원회에서는')).toEqual(tokenize('금융위원회'));
  });

  it('lets a one-syllable noun with a particle meet the noun', () => {
    expect(tokenize('몫은')).toContain('몫');
    expect(shared('정부의 몫은', '민간의 몫을')).toContain('몫');
    expect(tokenize('증가')).toEqual(['증가']);
    // Pronouns do not become terms of their own.
    expect(tokenize('그에 대한')).not.toContain('그');
  });

  it('keeps mixed-script words apart by script', () => {
    expect(tokenize('IBK기업은행')).toEqual(['ibk', '기업', '업은', '은행']);
    expect(tokenize('AI반도체 1만5천 장')).toEqual(['ai', '반도', '도체', '#15000', '장']);
  });

  it('keeps legal references whole, without their particle', () => {
    expect(tokenize('은행법 제8조에 근거')).toEqual(['은행', '행법', '제8조', '근거']);
    expect(tokenize('제65조 제1항 제1호')).toEqual(['제65조', '제1항', '제1호']);
    expect(tokenize('제4차 기본계획')).toEqual(['제4차', '기본', '본계', '계획']);
  });
});

describe('tokenize: Latin, numbers and quantities', () => {
  it('keeps Latin words and codes whole, lower-cased, plurals folded, without stopwords', () => {
    expect(tokenize('The SPC will bring in 15,000 AI chips')).toEqual(['spc', 'bring', '#15000', 'ai', 'chip']);
    expect(tokenize('Loans to companies')).toEqual(['loan', 'company']);
    expect(tokenize('K64 B2B GPT-4o')).toEqual(['k64', 'b2b', 'gpt', '4o']);
  });

  it('indexes every written form of an amount under the same terms', () => {
    const term = '#krw5600000000000';
    for (const form of ['5조6천억 원', '5조 6,000억 원', '5.6조 원', '5.6 trillion won', 'KRW 5.6 trillion']) {
      expect(tokenize(`투자 ${form}`)).toContain(term);
    }
    expect(shared('약 42억 달러', 'about US$4.2 billion')).toEqual(['#usd4200000000', '#4200000000']);
    // An amount without a currency still meets the amount with one.
    expect(shared('5.6 trillion', '5조6천억 원')).toEqual(['#5600000000000']);
  });

  it('indexes every written form of a date under the same terms', () => {
    for (const form of ['2026-04-30', '2026년 4월 30일', '2026.4.30.', 'April 30, 2026', '30 April 2026']) {
      expect(tokenize(form)).toEqual(['#d2026', '#d2026-04', '#d-04-30', '#d2026-04-30']);
    }
    expect(tokenize('2028년 완공')).toEqual(['#d2028', '완공']);
    expect(tokenize('1986년에 신설된')).toEqual(['#d1986', '신설', '설된']);
  });

  it('indexes counts by value, keeping the counted word', () => {
    expect(shared('3만7천 톤', '37,000 tons')).toEqual(['#37000']);
    expect(tokenize('40% 증가')).toEqual(['#40%', '증가']);
  });
});

describe('tokenize: queries', () => {
  it('drops words that only shape the question', () => {
    expect(tokenize('국민성장펀드의 투자 규모는 무엇인가요?', { query: true })).toEqual(
      tokenize('국민성장펀드의 투자 규모는'),
    );
    expect(tokenize('어떻게 변화하였는지 설명해주세요', { query: true })).toEqual(tokenize('변화하였는지'));
    expect(tokenize('What is the total? Please explain', { query: true })).toEqual(['total']);
    // Documents keep them: a passage may well say 무엇.
    expect(tokenize('무엇')).toEqual(['무엇']);
  });

  it('keeps the content of a question-shaped word', () => {
    expect(questionContent('필요하나요')).toBe('필요');
    expect(questionContent('어떠한가요')).toBe('');
    expect(questionContent('서술해주세요')).toBe('');
    expect(questionContent('대출')).toBe('대출');
  });
});

describe('tokenize: normalization and edges', () => {
  it('folds full-width forms and NFD Hangul', () => {
    expect(tokenize('ＡＩ')).toEqual(['ai']);
    expect(tokenize('해남'.normalize('NFD'))).toEqual(['해남']);
    expect(tokenize('５조６천억 원')).toContain('#krw5600000000000');
  });

  it('handles empty, symbol-only and very long input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('?!… ')).toEqual([]);
    expect(tokenize('가다'.repeat(50_000)).length).toBe(99_999);
    const long = '국민성장펀드가 2026년 4월 30일 업스테이지에 5조6천억 원을 투자한다. '.repeat(5_000);
    expect(tokenize(long).filter((t) => t === '#krw5600000000000')).toHaveLength(5_000);
  });

  it('reports words for expansion and positions', () => {
    expect([...analyzeWords('업스테이지에 5.6조 원')]).toEqual([
      { kind: 'hangul', stem: '업스테이지', raw: '업스테이지에' },
      { kind: 'terms', terms: ['#krw5600000000000', '#5600000000000'] },
    ]);
  });
});

describe('stripParticle', () => {
  it('removes one trailing particle but keeps short words and listed nouns', () => {
    expect(stripParticle('금융위원회는')).toBe('금융위원회');
    expect(stripParticle('새만금에서')).toBe('새만금');
    expect(stripParticle('해남')).toBe('해남');
    expect(stripParticle('투자가')).toBe('투자가');
  });

  it('strips 로는 and leaves names ending in 나 whole (bare 나 is rarely a particle after a noun)', () => {
    expect(stripParticle('해외로는')).toBe('해외');
    expect(stripParticle('루미나')).toBe('루미나');
    expect(stripParticle('캐나다나')).toBe('캐나다나');
  });
});

describe('stemEnglish', () => {
  it('folds plurals without over-stemming', () => {
    expect(['chips', 'companies', 'taxes', 'bus', 'class', 'loan'].map(stemEnglish)).toEqual([
      'chip',
      'company',
      'taxe',
      'bus',
      'class',
      'loan',
    ]);
  });
});

describe('detectLanguage', () => {
  it('tells Korean, English and mixed text apart', () => {
    expect(detectLanguage('업스테이지에 투자하는 금액은?')).toBe('ko');
    expect(detectLanguage('How many AI chips?')).toBe('en');
    expect(detectLanguage('업스테이지(Upstage) LLM')).toBe('ko');
    expect(detectLanguage('FSC approved 업스테이지 투자 today')).toBe('mixed');
    expect(detectLanguage('')).toBe('en');
    expect(primaryLanguage('FSC approved 업스테이지 투자 today')).toBe('ko');
  });
});

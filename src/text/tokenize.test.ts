import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
import { detectLanguage } from './language.js';
import { stripParticle } from './particles.js';

describe('tokenize', () => {
  it('turns Hangul into bigrams and keeps one-syllable words', () => {
    expect(tokenize('해남 센터')).toEqual(['해남', '센터']);
    expect(tokenize('국민성장펀드')).toEqual(['국민', '민성', '성장', '장펀', '펀드']);
    expect(tokenize('빛')).toEqual(['빛']);
  });

  it('lets a noun with a particle meet the bare noun', () => {
    expect(tokenize('업스테이지에')).toEqual(tokenize('업스테이지'));
    expect(tokenize('업스테이지는')).toEqual(tokenize('업스테이지'));
  });

  it('keeps Latin words and numbers whole, lower-cased, without stopwords', () => {
    expect(tokenize('The SPC will bring in 15,000 AI chips')).toEqual(['spc', 'bring', '15000', 'ai', 'chips']);
  });

  it('folds full-width forms and NFD Hangul', () => {
    expect(tokenize('ＡＩ')).toEqual(['ai']);
    expect(tokenize('해남'.normalize('NFD'))).toEqual(['해남']);
  });

  it('handles empty and very long input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('?!… ')).toEqual([]);
    expect(tokenize('가다'.repeat(50_000)).length).toBe(99_999);
  });
});

describe('stripParticle', () => {
  it('removes one trailing particle but keeps short words', () => {
    expect(stripParticle('금융위원회는')).toBe('금융위원회');
    expect(stripParticle('새만금에서')).toBe('새만금');
    expect(stripParticle('해남')).toBe('해남');
  });
});

describe('detectLanguage', () => {
  it('tells Korean, English and mixed text apart', () => {
    expect(detectLanguage('업스테이지에 투자하는 금액은?')).toBe('ko');
    expect(detectLanguage('How many AI chips?')).toBe('en');
    expect(detectLanguage('업스테이지(Upstage) LLM')).toBe('ko');
    expect(detectLanguage('FSC approved 업스테이지 투자 today')).toBe('mixed');
  });
});

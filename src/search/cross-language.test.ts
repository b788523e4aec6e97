import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta } from '../types.js';
import { mineGlossary } from './glossary.js';
import { RomanizedNames } from './romanized-names.js';
import { createIndexData, LocalIndex } from './local-index.js';
import { romanize } from '../text/romanize.js';
import { tokenize } from '../text/tokenize.js';

describe('mineGlossary', () => {
  it('pairs a Korean name with the English name in parentheses, either way round', () => {
    const glossary = mineGlossary([
      '금융위원회(Financial Services Commission)는 국민성장펀드(National Growth Fund)가 업스테이지(Upstage)에 투자한다.',
      'The Industrial Bank of Korea(기업은행) joins. 민관 합작 특수목적법인(SPC)이 짓는다.',
      '업스테이지(Upstage)는 다시 나온다. (주)회사, 표(a) 참조, 2024년(FY) 실적',
    ]);
    expect(glossary).toEqual([
      ['금융위원회', 'Financial Services Commission'],
      ['국민성장펀드', 'National Growth Fund'],
      ['업스테이지', 'Upstage'],
      ['특수목적법인', 'SPC'],
      ['기업은행', 'The Industrial Bank of Korea'],
    ]);
  });
});

describe('mineGlossary on real-world asides', () => {
  it('skips citations, predicates and two-syllable words that do not sound like the English', () => {
    expect(
      mineGlossary([
        '소비자가 선호합니다(Merit). 조사를 수행(McKinsey & Company)했다. 거래 형태(B2B)는 다양하다.',
        '웹훅(Webhook)으로 알린다. 국내총생산(GDP)이 늘었다.',
      ]),
    ).toEqual([
      ['웹훅', 'Webhook'],
      ['국내총생산', 'GDP'],
    ]);
  });
});

describe('romanize', () => {
  it('writes names in Revised Romanization with the common sound changes', () => {
    expect(['해남', '울산', '새만금', '전라남도', '신라', '부산'].map(romanize)).toEqual([
      'haenam',
      'ulsan',
      'saemangeum',
      'jeollanamdo',
      'silla',
      'busan',
    ]);
  });
});

describe('RomanizedNames', () => {
  const names = new RomanizedNames(tokenize('해남 새만금 국가산업단지 전라남도 부산항 투자'));

  it('finds the Hangul word an English spelling stands for, among the index words', () => {
    expect(names.find('haenam')).toEqual(['해남']);
    expect(names.find('saemangeum')).toEqual(['새만금']);
    expect(names.find('jeollanam')).toEqual(['전라남']);
    expect(names.find('pusan')).toEqual(['부산']);
  });

  it('proposes nothing the index does not hold, nor for short or non-letter words', () => {
    expect(names.find('ulsan')).toEqual([]);
    expect(names.find('loan')).toEqual([]);
    expect(names.find('hae')).toEqual([]);
    expect(names.find('k64')).toEqual([]);
  });
});

describe('cross-language search', () => {
  const documents: DocumentMeta[] = [
    { id: 'haenam-ko', title: '해남 국가AI컴퓨팅센터 구축 승인', lang: 'ko' },
    { id: 'upstage-ko', title: '국민성장펀드, 업스테이지(Upstage)에 투자', lang: 'ko' },
    { id: 'loans-en', title: 'Low-interest loans for supply chains', lang: 'en' },
    { id: 'ulsan-en', title: 'Ulsan battery plant', lang: 'en' },
  ];
  const chunks: Chunk[] = [
    {
      id: 'haenam-ko#0',
      docId: 'haenam-ko',
      ordinal: 0,
      text: '전라남도 해남에 들어설 센터는 AI 반도체 1만5천 장을 도입한다.',
    },
    {
      id: 'upstage-ko#0',
      docId: 'upstage-ko',
      ordinal: 0,
      text: '업스테이지는 대규모 언어모델을 만드는 벤처기업이다.',
    },
    {
      id: 'loans-en#0',
      docId: 'loans-en',
      ordinal: 0,
      text: 'Housung receives a low-interest loan for hydrogen fluoride gas.',
    },
    { id: 'ulsan-en#0', docId: 'ulsan-en', ordinal: 0, text: 'A secondary battery plant in Ulsan gets support.' },
  ];
  const index = new LocalIndex(createIndexData(documents, chunks));
  const first = async (q: string) => (await index.search(q))[0]?.passage.docId;

  it('finds a Korean-only document for an English question', async () => {
    expect(await first('How many semiconductor chips will the Haenam center bring in?')).toBe('haenam-ko');
    expect(await first('Which language models does Upstage build?')).toBe('upstage-ko');
  });

  it('finds an English-only document for a Korean question', async () => {
    expect(await first('불화수소 저리 대출')).toBe('loans-en');
    expect(await first('울산 배터리 공장')).toBe('ulsan-en');
  });

  it('keeps a direct match ahead of a translated one', async () => {
    const hits = await index.search('low-interest loan 대출');
    expect(hits[0]!.passage.docId).toBe('loans-en');
  });
});

describe('names spelled by sound', () => {
  const documents: DocumentMeta[] = [
    { id: 'celltrion-en', title: 'Celltrion expands a plant', lang: 'en' },
    { id: 'other-en', title: 'A loan for a battery maker', lang: 'en' },
    { id: 'loans-ko', title: '저리 대출 승인', lang: 'ko' },
  ];
  const chunks: Chunk[] = [
    { id: 'celltrion-en#0', docId: 'celltrion-en', ordinal: 0, text: 'Celltrion will receive a long-term loan.' },
    { id: 'other-en#0', docId: 'other-en', ordinal: 0, text: 'Krafton will receive a short-term loan.' },
    { id: 'loans-ko#0', docId: 'loans-ko', ordinal: 0, text: '국민성장펀드는 저리 대출을 승인하였다.' },
  ];
  const index = new LocalIndex(createIndexData(documents, chunks));

  const english = async (q: string) =>
    (await index.search(q)).map((h) => h.passage.docId).filter((id) => id.endsWith('-en'));

  it('finds the English-only document of a name a Korean question spells in Hangul', async () => {
    // The Korean document matching 대출 directly stays ahead of translations; among the
    // English ones, the name decides.
    expect(await english('셀트리온 대출 기간은?')).toEqual(['celltrion-en', 'other-en']);
    expect(await english('크래프톤이 받는 대출')).toEqual(['other-en', 'celltrion-en']);
  });
});

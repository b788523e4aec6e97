import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta } from '../types.js';
import { englishSkeleton, koreanSkeleton, mineParallelGlossary } from './parallel-glossary.js';

describe('consonant skeletons', () => {
  it('match a Korean loanword spelling with the English name it transcribes', () => {
    for (const [ko, en] of [
      ['퓨처그래프', 'FutureGraph'],
      ['에스티젠바이오', 'Estigen Bio'],
      ['후성', 'Housung'],
      ['포스코퓨처엠', 'POSCO Future M'],
      ['업스테이지', 'Upstage'],
      ['바이오시밀러', 'biosimilar'],
    ]) {
      expect(koreanSkeleton(ko!), `${ko} / ${en}`).toBe(englishSkeleton(en!));
    }
    expect(koreanSkeleton('반도체')).not.toBe(englishSkeleton('Semiconductor'));
  });
});

describe('mineParallelGlossary', () => {
  const documents: DocumentMeta[] = [
    { id: 'ko', title: '퓨처그래프에 2조5천억 원 대출', lang: 'ko' },
    { id: 'en', title: 'Loans for core materials', lang: 'en' },
    { id: 'other-en', title: 'Unrelated', lang: 'en' },
  ];
  const chunks: Chunk[] = [
    {
      id: 'ko#0',
      docId: 'ko',
      ordinal: 0,
      text: '국민성장펀드는 퓨처그래프에 2조5천억 원을 빌려준다. 공장은 연 3만7천 톤을 만든다.',
    },
    {
      id: 'en#0',
      docId: 'en',
      ordinal: 0,
      text: 'The fund lends 2.5 trillion won to FutureGraph for a plant making 37,000 tons a year.',
    },
    { id: 'other-en#0', docId: 'other-en', ordinal: 0, text: 'Later, Fitch Group reported 900 billion won in sales.' },
  ];

  it('pairs sound-alike names of releases that report the same figures', () => {
    expect(mineParallelGlossary(documents, chunks)).toEqual([['퓨처그래프', 'FutureGraph']]);
  });

  it('pairs nothing across releases without shared figures, or already known words', () => {
    expect(mineParallelGlossary(documents, chunks, new Set(['퓨처그래프']))).toEqual([]);
    const unrelated = chunks.map((c) => (c.docId === 'en' ? { ...c, text: 'FutureGraph builds a plant.' } : c));
    expect(mineParallelGlossary(documents, unrelated)).toEqual([]);
    expect(mineParallelGlossary([documents[0]!], [chunks[0]!])).toEqual([]);
  });
});

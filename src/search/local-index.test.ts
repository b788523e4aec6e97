import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta } from '../types.js';
import { createIndexData, LocalIndex } from './local-index.js';

const documents: DocumentMeta[] = [
  {
    id: 'upstage-ko',
    title: '국민성장펀드, 업스테이지에 5조6천억 원 투자 승인',
    date: '2026-04-30',
    lang: 'ko',
    tags: ['ai'],
  },
  { id: 'haenam-ko', title: '해남 국가AI컴퓨팅센터 구축', date: '2026-04-30', lang: 'ko', tags: ['infrastructure'] },
  { id: 'loans-en', title: 'Low-interest loans for supply chains', date: '2026-04-30', lang: 'en', tags: ['loan'] },
  { id: 'old-ko', title: '2024년 핀테크 투자 생태계', date: '2024-04-09', lang: 'ko', tags: ['fintech'] },
];
const chunks: Chunk[] = [
  {
    id: 'upstage-ko#0',
    docId: 'upstage-ko',
    ordinal: 0,
    text: '금융위원회는 2026년 4월 30일 국민성장펀드가 업스테이지에 5조6천억 원을 투자하는 안건을 승인하였다.',
  },
  {
    id: 'upstage-ko#1',
    docId: 'upstage-ko',
    ordinal: 1,
    text: '첨단전략산업기금이 1조 원을 맡고 IBK기업은행이 3천억 원을 보탠다.',
    headings: ['재원 구성'],
  },
  {
    id: 'haenam-ko#0',
    docId: 'haenam-ko',
    ordinal: 0,
    text: '민관 합작 특수목적법인(SPC)이 GPU와 NPU를 포함한 AI 반도체 1만5천 장을 도입한다. 센터는 2028년 완공이 목표다.',
  },
  {
    id: 'loans-en#0',
    docId: 'loans-en',
    ordinal: 0,
    text: 'Estigen Bio receives a long-term low-interest loan of 850 billion won to expand biosimilar production.',
  },
  {
    id: 'old-ko#0',
    docId: 'old-ko',
    ordinal: 0,
    text: '금융위원회는 핀테크 기업에 대한 투자 생태계를 활성화하기 위해 핀테크 혁신펀드를 조성한다.',
  },
];

const index = new LocalIndex(createIndexData(documents, chunks));
const top = async (query: string, options = {}) => (await index.search(query, options)).map((h) => h.passage.id);

describe('LocalIndex.search', () => {
  it('finds the passage a Korean question is about, whatever particles it uses', async () => {
    expect((await top('업스테이지에 대한 투자 규모는 얼마인가요?'))[0]).toBe('upstage-ko#0');
    expect((await top('IBK기업은행은 얼마를 보태나요?'))[0]).toBe('upstage-ko#1');
    expect((await top('해남 센터는 언제 완공되나요?'))[0]).toBe('haenam-ko#0');
  });

  it('matches amounts, counts and dates across their written forms', async () => {
    expect((await top('5.6조 원'))[0]).toBe('upstage-ko#0');
    expect((await top('5.6 trillion won'))[0]).toBe('upstage-ko#0');
    expect((await top('15,000 chips'))[0]).toBe('haenam-ko#0');
    expect((await top('8,500억 원 대출'))[0]).toBe('loans-en#0');
    expect((await top('April 30, 2026 승인'))[0]).toBe('upstage-ko#0');
  });

  it('returns passages joined with their document metadata, best first, within the limit', async () => {
    const hits = await index.search('금융위원회 투자', { limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(hits[0]!.passage).toMatchObject({ title: expect.any(String), lang: 'ko', date: expect.any(String) });
  });

  it('applies date, language and tag filters', async () => {
    expect(await top('금융위원회 투자', { filters: { dateTo: '2025-12-31' } })).toEqual(['old-ko#0']);
    expect(await top('금융위원회 투자', { filters: { dateFrom: '2026-01-01' } })).not.toContain('old-ko#0');
    expect(await top('loan 대출 투자', { filters: { lang: 'en' } })).toEqual(['loans-en#0']);
    expect(await top('투자', { filters: { tags: ['FINTECH'] } })).toEqual(['old-ko#0']);
  });

  it('ranks a passage where the query words stand together above one where they are apart', async () => {
    // Same query words in both; `near` is longer (so plain BM25 prefers `apart`) but has them side by side.
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `단어${String.fromCharCode(0xac00 + i * 29)}`).join(' ');
    const apart = ['핀테크', filler(6), '혁신', filler(6), '펀드', filler(6), '조성'].join(' ');
    const near = ['핀테크 혁신 펀드 조성', filler(30)].join(' ');
    const docs: DocumentMeta[] = [
      { id: 'apart', title: '보도자료', lang: 'ko' },
      { id: 'near', title: '보도자료', lang: 'ko' },
    ];
    const pair = new LocalIndex(
      createIndexData(docs, [
        { id: 'apart#0', docId: 'apart', ordinal: 0, text: apart },
        { id: 'near#0', docId: 'near', ordinal: 0, text: near },
      ]),
    );
    const hits = await pair.search('핀테크 혁신 펀드 조성');
    expect(hits.map((h) => h.passage.id)).toEqual(['near#0', 'apart#0']);
  });

  it('returns nothing for a query without terms or without matches', async () => {
    expect(await index.search('?!')).toEqual([]);
    expect(await index.search('무엇인가요?')).toEqual([]);
    expect(await index.search('zebra')).toEqual([]);
  });
});

describe('createIndexData', () => {
  it('refuses chunks of unknown documents', () => {
    expect(() => createIndexData(documents, [{ id: 'x#0', docId: 'x', ordinal: 0, text: '' }])).toThrow(
      /unknown document x/,
    );
  });
});

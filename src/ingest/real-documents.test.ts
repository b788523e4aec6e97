import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedDocs as describe, SHARED_DOCS as DOCS } from '../../test/helpers/shared-data.js';
import { ingestFiles, type IngestedCorpus } from './corpus.js';
import type { Chunk, DocumentMeta } from '../types.js';

/** Real government releases, as published (shared data; never copied into the repo). */
const FINTECH = '240409(보도자료) 금융위 핀테크 투자 생태계 활성화 나선다';
const BANKS = '240130(보도자료) 지방은행의 시중은행 전환시 인가방식 및 절차';
const EDUCATION = '(보도자료)2024년+교육부+주요정책+추진계획+발표';

function ingestOne(name: string): Promise<IngestedCorpus> {
  const file = readdirSync(DOCS).find((f) => f.normalize('NFC').startsWith(name))!;
  return ingestFiles([{ path: file, bytes: new Uint8Array(readFileSync(join(DOCS, file))) }]);
}

/** The page of the chunk that holds a phrase (compared without spaces, so the test is about pages). */
function pageOf(chunks: Chunk[], phrase: string): number | undefined {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return chunks.find((c) => squeeze(c.text).includes(squeeze(phrase)))?.page;
}

/**
 * Readable Korean word spacing: Korean words (어절) run 2-5 syllables; text whose line
 * breaks became spaces splits them (short average), text that lost its spaces runs on.
 */
function expectReadableSpacing(chunks: Chunk[]) {
  const text = chunks.map((c) => c.text).join(' ');
  const words = text.split(/\s+/).filter((w) => /^[\uac00-\ud7a3]+$/.test(w));
  const syllables = words.reduce((sum, w) => sum + w.length, 0);
  expect(syllables / words.length).toBeGreaterThan(2.6);
  expect(syllables / words.length).toBeLessThan(4.5);
  expect(text).not.toMatch(/[\uac00-\ud7a3]{16,}/);
}

describe('FSC press release PDF: fintech innovation fund (2024-04-09)', () => {
  let doc: DocumentMeta;
  let chunks: Chunk[];
  beforeAll(async () => {
    const corpus = await ingestOne(FINTECH);
    expect(corpus.warnings).toEqual([]);
    [doc] = corpus.documents as [DocumentMeta];
    chunks = corpus.chunks;
  });

  it('takes the headline as title, the release time as date, and counts pages', () => {
    expect(doc).toMatchObject({
      id: FINTECH,
      title: '금융위, 핀테크 투자 생태계 활성화 나선다',
      date: '2024-04-09',
      lang: 'ko',
      pages: 6,
    });
  });

  it('finds known phrases on the right pages', () => {
    expect(pageOf(chunks, '2호 펀드 역시 5,000억원 규모로 조성되며')).toBe(2);
    expect(pageOf(chunks, 'T社*는 핀테크 혁신펀드 투자당시 기업가치**가 850억원')).toBe(3);
    expect(pageOf(chunks, '8년간 총 1조원 확충 목표')).toBe(6);
  });

  it('reads with natural word spacing, words broken across lines joined', () => {
    const text = chunks.map((c) => c.text).join('\n');
    expect(text).toContain('2호 펀드 역시 5,000억원 규모로 조성되며');
    expect(text).toContain('핀테크 기업의 현장 애로를 살펴보고');
    expect(text).toContain('금융회사·빅테크 기업과의');
    expectReadableSpacing(chunks);
  });

  it('drops page numbers and keeps every chunk under its page and headline', () => {
    expect(chunks.some((c) => /(^|\n)- \d+ -($|\n)/.test(c.text))).toBe(false);
    expect(chunks.every((c) => c.page !== undefined && c.page >= 1 && c.page <= 6)).toBe(true);
    expect(chunks.filter((c) => c.page! >= 2).every((c) => c.headings?.[0] === doc.title)).toBe(true);
  });
});

describe('FSC press release PDF: regional banks (2024-01-30)', () => {
  let doc: DocumentMeta;
  let chunks: Chunk[];
  beforeAll(async () => {
    const corpus = await ingestOne(BANKS);
    [doc] = corpus.documents as [DocumentMeta];
    chunks = corpus.chunks;
  });

  it('takes the two-line headline as title and 보도시점 as date', () => {
    expect(doc).toMatchObject({ title: '지방은행의 시중은행 전환시 인가방식 및 절차', date: '2024-01-31', pages: 7 });
  });

  it('finds known phrases on the right pages with readable spacing', () => {
    expect(pageOf(chunks, '지방은행의 시중은행 전환 방식·절차 등을 명확히 하기 위해')).toBe(2);
    expect(pageOf(chunks, '대법원 2011두21485')).toBe(4);
    expect(pageOf(chunks, '최소 자본금 요건(250억원 → 1,000억원)이 강화됨')).toBe(7);
    const text = chunks.map((c) => c.text).join('\n');
    expect(text).toContain('지방은행의 시중은행 전환 방식·절차 등을 명확히 하기 위해');
    expect(text).toContain('2024년 1월 31일 제2차 금융위원회 정례회의에 보고하였습니다');
    expectReadableSpacing(chunks);
  });
});

describe('Ministry of Education HWPX (2024 policy plan)', () => {
  let doc: DocumentMeta;
  let chunks: Chunk[];
  beforeAll(async () => {
    const corpus = await ingestOne(EDUCATION);
    expect(corpus.warnings).toEqual([]);
    [doc] = corpus.documents as [DocumentMeta];
    chunks = corpus.chunks;
  });

  it('takes the headline in the largest type as title and the release time as date', () => {
    expect(doc.title).toContain('늘봄학교, 유보통합, 대학개혁 등 교육개혁으로 저출산 등 사회적 난제 푼다');
    expect(doc).toMatchObject({ date: '2024-01-24', lang: 'ko', pages: 6 });
  });

  it('reads paragraphs in order on the pages Hangul laid them out on', () => {
    expect(pageOf(chunks, '‘늘봄학교’를 2024년 1학기에는 2,000개교 이상에서')).toBe(1);
    expect(pageOf(chunks, '(2) 0세부터 국가책임 교육·보육 체제 구축을 위해 유보통합 추진')).toBe(2);
    expect(pageOf(chunks, '(8) 청년들의 성장을 위한 기회와 투자 확대')).toBe(4);
    const text = chunks.map((c) => c.text).join('\n');
    expect(text.indexOf('(1) 초등학교 방과후와 돌봄')).toBeLessThan(text.indexOf('(2) 0세부터'));
    expect(text).not.toContain('그림입니다');
    expectReadableSpacing(chunks);
  });

  it('reads tables as rows of cells', () => {
    const text = chunks.map((c) => c.text).join('\n');
    expect(text).toContain('시간 | 방과후부터 최장 오후 7시까지 | 아침 7시부터 최장 오후 8시까지');
    expect(pageOf(chunks, '시간 | 방과후부터 최장 오후 7시까지')).toBe(2);
  });
});

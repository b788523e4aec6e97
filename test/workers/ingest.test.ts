import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { decodeText } from '../../src/ingest/decode.js';
import { ingestFiles } from '../../src/ingest/corpus.js';
import { hwpFile, paragraph, tableParagraph } from '../helpers/hwp-fixtures.js';

// Ingest is runtime-agnostic: the same loaders run in workerd as in Node.
describe('ingest in workerd', () => {
  it('decodes CP949 text, extension syllables included', () => {
    expect(decodeText(new Uint8Array([0xc7, 0xd1, 0xb1, 0xdb, 0x20, 0x8c, 0x63, 0x20, 0x94, 0xee]))).toBe('한글 똠 뷁');
  });

  it('loads HTML and HWPX files into chunks', async () => {
    const section =
      '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="s" xmlns:hp="p">' +
      '<hp:p><hp:run><hp:t>교육부는 2024년 1월 24일 추진계획을 발표한다.</hp:t></hp:run></hp:p></hs:sec>';
    const { documents, chunks, warnings } = await ingestFiles([
      { path: 'page.html', bytes: strToU8('<title>공고</title><nav>메뉴</nav><p>국민성장펀드 투자 승인</p>') },
      { path: 'plan.hwpx', bytes: zipSync({ 'Contents/section0.xml': strToU8(section) }) },
    ]);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => [d.id, d.title])).toEqual([
      ['page', '공고'],
      ['plan', '교육부는 2024년 1월 24일 추진계획을 발표한다.'],
    ]);
    expect(chunks.map((c) => c.text)).toEqual([
      '국민성장펀드 투자 승인',
      '교육부는 2024년 1월 24일 추진계획을 발표한다.',
    ]);
  });

  it('loads HWP 5.0 files (cfb, bounded inflate) into chunks', async () => {
    const bytes = hwpFile([[...paragraph('발사체 이름은 누리로 정해졌다.'), ...tableParagraph([['구분', '내용']])]]);
    const { chunks, warnings } = await ingestFiles([{ path: 'release.hwp', bytes }]);
    expect(warnings).toEqual([]);
    expect(chunks.map((c) => c.text)).toEqual(['발사체 이름은 누리로 정해졌다.\n구분 | 내용']);
  });
});

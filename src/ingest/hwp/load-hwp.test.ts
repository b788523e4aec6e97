import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../corpus.js';
import { readParaText } from './para-text.js';
import {
  controlChar,
  controlHeader,
  encodeRecords,
  HWPTAG,
  hwpFile,
  paragraph,
  tableParagraph,
  utf16,
  type HwpRecordSpec,
} from '../../../test/helpers/hwp-fixtures.js';
import { deflateBomb, deflatedEntry, zipOf } from '../../../test/helpers/bombs.js';
import { ingestInChild } from '../../../test/helpers/bounded-ingest.js';

const ingestOne = (path: string, bytes: Uint8Array) => ingestFiles([{ path, bytes }]);
const texts = async (bytes: Uint8Array) => (await ingestOne('doc.hwp', bytes)).chunks.map((c) => c.text).join('\n');

describe('PARA_TEXT: control characters are not text', () => {
  it('skips extended and inline controls whole (code, six units of payload, code), keeping the text around them', () => {
    const text = `앞${controlChar(2, 'secd')}${controlChar(3, '%hlk')}링크${controlChar(4, '%hlk')} 뒤${controlChar(9, 'tab ')}탭\r`;
    expect(readParaText(utf16(text))).toEqual([
      { text: '앞' },
      { control: 'secd' },
      { control: '%hlk' },
      { text: '링크 뒤 탭' },
    ]);
  });

  it('reads char controls as what they stand for: line break and spaces as spaces, 24 as a hyphen, 13 ends the text', () => {
    const text = `줄\n바꿈\u001e묶음\u001f고정\u0018하이픈\r그 뒤는 없다`;
    expect(readParaText(utf16(text))).toEqual([{ text: '줄 바꿈 묶음 고정-하이픈' }]);
  });

  it('stops at a control cut off by the end of the record instead of reading its payload', () => {
    const text = `글${controlChar(11)}`.slice(0, 4);
    expect(readParaText(utf16(text))).toEqual([{ text: '글' }]);
  });
});

describe('HWP 5.0 loader', () => {
  it('reads paragraphs in order, with a table where it stands as rows of cells, and no control noise', async () => {
    const records: HwpRecordSpec[] = [
      ...paragraph('국민성장펀드 출자 공고', { charShape: 1 }),
      ...tableParagraph([
        ['보도시점', '2024. 4. 9.(화) 12:00'],
        ['담당 부서', '금융위원회'],
      ]),
      ...paragraph('□ 정부는 펀드를 조성한다.'),
      ...paragraph('  o 세부 내용은 붙임 참고'),
    ];
    const corpus = await ingestOne('공고.hwp', hwpFile([records], { charSizes: [10, 18] }));
    expect(corpus.warnings).toEqual([]);
    expect(corpus.documents[0]).toMatchObject({ id: '공고', title: '국민성장펀드 출자 공고', date: '2024-04-09' });
    const text = corpus.chunks.map((c) => c.text).join('\n');
    expect(text).toContain('보도시점 | 2024. 4. 9.(화) 12:00\n담당 부서 | 금융위원회');
    expect(text.indexOf('보도시점')).toBeLessThan(text.indexOf('□ 정부는'));
    expect(text).toContain('o 세부 내용은 붙임 참고');
    expect(text).not.toMatch(/[\u4e00-\u9fff\ue000-\uf8ff\u0000-\u0008]/);
  });

  it('splits a paragraph around a table anchored inside its text', async () => {
    const records: HwpRecordSpec[] = [
      { tag: HWPTAG.PARA_HEADER, level: 0, data: new Uint8Array(24) },
      { tag: HWPTAG.PARA_TEXT, level: 1, data: utf16(`표 앞 문장.${controlChar(11)}표 뒤 문장.\r`) },
      { tag: HWPTAG.CTRL_HEADER, level: 1, data: controlHeader('tbl ') },
      ...tableParagraph([['가', '나']])
        .slice(4)
        .map((r) => ({ ...r, level: r.level })),
    ];
    const text = await texts(hwpFile([records]));
    expect(text.replace(/\s+/g, ' ')).toBe('표 앞 문장. 가 | 나 표 뒤 문장.');
  });

  it('leaves out running headers, footers and hidden comments', async () => {
    const hidden = (id: string, words: string): HwpRecordSpec[] => [
      { tag: HWPTAG.CTRL_HEADER, level: 1, data: controlHeader(id) },
      { tag: HWPTAG.LIST_HEADER, level: 2, data: new Uint8Array(34) },
      ...paragraph(words, { level: 2 }),
    ];
    const records: HwpRecordSpec[] = [
      { tag: HWPTAG.PARA_HEADER, level: 0, data: new Uint8Array(24) },
      {
        tag: HWPTAG.PARA_TEXT,
        level: 1,
        data: utf16(`${controlChar(16, 'head')}${controlChar(16, 'foot')}${controlChar(15, 'tcmt')}본문만 읽는다.\r`),
      },
      ...hidden('head', '머리말 문구'),
      ...hidden('foot', '꼬리말 문구'),
      ...hidden('tcmt', '숨은 설명'),
    ];
    expect(await texts(hwpFile([records]))).toBe('본문만 읽는다.');
  });

  it('gives pages from the saved line layout and page breaks, over sections', async () => {
    const corpus = await ingestOne(
      'pages.hwp',
      hwpFile([
        [
          ...paragraph('첫 쪽 문단입니다.', { tops: [1000, 60000] }),
          ...paragraph('둘째 쪽 문단입니다.', { tops: [1000] }),
        ],
        [...paragraph('셋째 쪽, 쪽 나누기 뒤.', { tops: [1000], pageBreak: true })],
        [...paragraph('넷째 쪽, 새 구역.', { tops: [0] })],
      ]),
    );
    expect(corpus.documents[0]!.pages).toBe(4);
    const pageOf = (words: string) => corpus.chunks.find((c) => c.text.includes(words))?.page;
    expect([pageOf('첫 쪽'), pageOf('둘째 쪽'), pageOf('셋째 쪽'), pageOf('넷째 쪽')]).toEqual([1, 2, 3, 4]);
  });

  it('reads uncompressed bodies (FileHeader bit 0 off)', async () => {
    expect(await texts(hwpFile([paragraph('압축하지 않은 본문.')], { flags: 0 }))).toBe('압축하지 않은 본문.');
  });

  it('reads an HWPX package saved under an .hwp name as HWPX', async () => {
    const section = '<hs:sec xmlns:hp="p"><hp:p><hp:run><hp:t>이름만 hwp인 HWPX 문서.</hp:t></hp:run></hp:p></hs:sec>';
    expect(await texts(zipOf([deflatedEntry('Contents/section0.xml', section)]))).toBe('이름만 hwp인 HWPX 문서.');
  });
});

describe('HWP: bad input is skipped with a reason naming the file; nothing throws', () => {
  const good = () => hwpFile([paragraph('정상 문서의 본문입니다.')]);
  const oneRecordTooLong = () => {
    const stream = encodeRecords(paragraph('잘린 레코드'));
    return hwpFile([], { flags: 0, rawSections: [stream.subarray(0, stream.length - 3)] });
  };
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['a text file named .hwp', () => new TextEncoder().encode('이것은 한글 문서가 아니다'), /not an HWP document/],
    ['an HWP 3.x file', () => new TextEncoder().encode('HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05'), /HWP 3\.x/],
    ['a truncated file', () => good().slice(0, 1500), /corrupt HWP|not an HWP 5\.0 document/],
    [
      'a compound file that is no HWP',
      () => hwpFile([]).map((b, i) => (i >= 512 && b === 0x48 ? 0x58 : b)),
      /not an HWP 5\.0 document/,
    ],
    [
      'a record that runs past its stream',
      oneRecordTooLong,
      /BodyText\/Section0: a record of \d+ bytes runs past the end/,
    ],
    [
      'a corrupt compressed stream',
      () => hwpFile([], { rawSections: [new Uint8Array([0xff, 0xff, 0xff, 0xff])] }),
      /BodyText\/Section0 is not valid compressed data/,
    ],
    ['a password-protected file', () => hwpFile([paragraph('비밀')], { flags: 0b11 }), /password-protected HWP/],
    [
      'a distribution document',
      () => hwpFile([paragraph('배포용')], { flags: 0b101 }),
      /distribution document \(배포용 문서\)/,
    ],
    ['a file with no sections', () => hwpFile([]), /no BodyText sections/],
    [
      'an HWP 2.x version',
      () => hwpFile([paragraph('옛 판')], { version: 0x02000000 }),
      /HWP version 2 is not supported/,
    ],
  ];

  it.each(cases)('%s', async (_label, bytes, reason) => {
    const corpus = await ingestFiles([
      { path: 'bad.hwp', bytes: bytes() },
      { path: 'good.hwp', bytes: good() },
    ]);
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0]!.file).toBe('bad.hwp');
    expect(corpus.warnings[0]!.reason).toMatch(reason);
    expect(corpus.documents.map((d) => d.id)).toEqual(['good']);
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fund-hwp-bomb-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a decompression bomb in a section below 300 MB of memory', async () => {
    const file = join(dir, 'bomb.hwp');
    await writeFile(file, hwpFile([], { rawSections: [deflateBomb(4096)] }));
    const result = await ingestInChild(file, 300);
    expect(result.warnings).toEqual([
      { file: 'bomb.hwp', reason: 'BodyText/Section0 expands to more than 64 MB; refused as a decompression bomb' },
    ]);
    expect(result.maxRssMb).toBeLessThan(300);
  }, 60_000);

  it('refuses a section of millions of empty records in bounded time and memory', async () => {
    const bytes = hwpFile([], { flags: 0, rawSections: [new Uint8Array(4 * 1_100_000)] });
    const started = performance.now();
    const corpus = await ingestOne('records.hwp', bytes);
    expect(corpus.warnings[0]!.reason).toMatch(/more than 1000000 records/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuses records nested deeper than a document nests them', async () => {
    const deep: HwpRecordSpec[] = Array.from({ length: 100 }, (_, level) => ({
      tag: HWPTAG.PARA_HEADER,
      level,
      data: new Uint8Array(24),
    }));
    const corpus = await ingestOne('deep.hwp', hwpFile([deep]));
    expect(corpus.warnings[0]!.reason).toMatch(/records nest 65 levels deep/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedHwpDocs as describe, SHARED_HWP_DOCS as DOCS } from '../../test/helpers/shared-data.js';
import { ingestFiles, type IngestedCorpus } from './corpus.js';
import type { Chunk } from '../types.js';

/** Real HWP 5.0 files (shared data from hahnlee/hwp.js, Apache-2.0; never copied into the repo). */
const HWP_FILES = ['noori.hwp', '(양식7-대리인)위임장.hwp', 'basicsReport.hwp'];

/**
 * Characters a Korean government document is written in: Hangul (syllables and the jamo
 * used as bullets), ASCII, Latin-1 signs (·, ×), general punctuation (‘’“”…※), letterlike
 * and number forms, arrows, math signs, enclosed numbers (①), box and geometric shapes
 * (□○◦●), miscellaneous symbols (☎), CJK punctuation (「」〈〉), enclosed CJK (㈜) and
 * half/full-width forms (｢｣). Anything else in extracted text is a decoding error.
 */
const EXPECTED_CHAR =
  /[\n\t\x20-\x7e\u00a0-\u00ff\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3\u2000-\u206f\u2100-\u21ff\u2200-\u22ff\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff\u3000-\u303f\u3200-\u33ff\uff00-\uffef]/u;
/** Hanja stand alone in Korean text (T社, 第); runs of them are control payloads read as text. */
const HANJA = /[\u3400-\u9fff\uf900-\ufaff]/u;
const HANJA_RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/u;

/** Characters of a chunk that are neither expected script nor a lone Hanja. */
function strayCharacters(text: string): string[] {
  const stray = [...text].filter((c) => !EXPECTED_CHAR.test(c) && !HANJA.test(c));
  const run = HANJA_RUN.exec(text)?.[0];
  return run ? [...stray, run] : stray;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const pageOf = (chunks: Chunk[], phrase: string) => chunks.find((c) => squeeze(c.text).includes(squeeze(phrase)))?.page;

describe('real HWP 5.0 documents', () => {
  let corpus: IngestedCorpus;
  beforeAll(async () => {
    const present = readdirSync(DOCS).map((f) => f.normalize('NFC'));
    expect(present).toEqual(expect.arrayContaining(HWP_FILES));
    corpus = await ingestFiles(
      HWP_FILES.map((name) => ({ path: name, bytes: new Uint8Array(readFileSync(join(DOCS, name))) })),
    );
  });

  it('indexes all three with no warning', () => {
    expect(corpus.warnings).toEqual([]);
    expect(corpus.documents.map((d) => d.id).sort()).toEqual(['(양식7-대리인)위임장', 'basicsReport', 'noori']);
  });

  it('leaves no control-character noise in any chunk (no private-use, control or stray CJK characters)', () => {
    expect(corpus.chunks.length).toBeGreaterThan(5);
    const noisy = corpus.chunks
      .map((c) => ({ id: c.id, stray: strayCharacters(c.text) }))
      .filter((c) => c.stray.length);
    expect(noisy).toEqual([]);
  });

  it('the scan catches what a control payload read as text looks like', () => {
    expect(strayCharacters('앞捤獥{뒤')).toEqual(['捤獥']);
    expect(strayCharacters('글\ue000자\u0002')).toEqual(['\ue000', '\u0002']);
    expect(strayCharacters('T社는 ① □ ○ ※ ｢누리｣ ☎ 02-2110-2428')).toEqual([]);
  });

  it('noori: the press release reads like the HWPX and PDF ones: header table, headline, □/o bullets, pages', () => {
    const doc = corpus.documents.find((d) => d.id === 'noori')!;
    expect(doc.title).toMatch(/^우리가 독자 개발하여 최초 발사하는 한국형발사체, 국민이 정한 그 이름은 ｢누리｣/);
    expect(doc).toMatchObject({ date: '2018-09-04', lang: 'ko', pages: 3 });
    const chunks = corpus.chunks.filter((c) => c.docId === 'noori');
    const text = chunks.map((c) => c.text).join('\n');
    expect(text).toContain('보도일시 | 2018. 9. 4.(화) 조간(온라인 9. 3. 12:00)부터 보도해 주시기 바랍니다.');
    expect(text).toContain('배포일시 | 2018. 9. 3.(월) 09:00 | 담당부서 | 거대공공연구정책과');
    expect(text).toContain('한국형발사체(KSLV-2)의 새로운 이름으로 “누리”가 선정되었다고 밝혔다.');
    expect(text).toContain('총 10,000건 이상의 응모작을 제출하여');
    expect(text).toContain('1.5톤급 실용위성을 지구 저궤도(600km~800km)까지 쏘아 올릴 수 있는');
    expect(text).toMatch(/\n□ 과기정통부는 한국항공우주연구원/);
    expect(text).toMatch(/\no 4월 27일부터 5월 31일까지/);
    expect(pageOf(chunks, '새로운 이름으로 “누리”가 선정되었다고')).toBe(1);
    expect(pageOf(chunks, '명칭선정절차는 제출된 응모작에 대해')).toBe(2);
    expect(pageOf(chunks, '탑재체 중량 | 1.5 톤 | -')).toBe(3);
  });

  it('the power-of-attorney form: its tables read as text in order', () => {
    const text = corpus.chunks
      .filter((c) => c.docId === '(양식7-대리인)위임장')
      .map((c) => c.text)
      .join('\n');
    expect(text.indexOf('위 임 장')).toBeLessThan(text.indexOf('1. 위 임 인(신청자)'));
    expect(text.indexOf('1. 위 임 인(신청자)')).toBeLessThan(text.indexOf('2. 수 임 인(대리인)'));
    expect(text).toContain('한국토지주택공사 경남지역본부장 귀하');
  });

  it('the report template: text boxes and tables are read; the running header is not', () => {
    const text = corpus.chunks
      .filter((c) => c.docId === 'basicsReport')
      .map((c) => c.text)
      .join('\n');
    expect(text).toContain('과목명 | ○○○○');
    expect(text).toContain('리포트의 제목');
    expect(text).toContain('01 서론 01');
    expect(text).not.toContain('리포트 제목 / 전공명');
  });
});

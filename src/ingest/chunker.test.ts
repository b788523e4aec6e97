import { describe, expect, it } from 'vitest';
import { chunkSections } from './chunker.js';

describe('chunkSections', () => {
  it('keeps page and heading path on every chunk and never crosses sections', () => {
    const chunks = chunkSections('doc', [
      { text: '첫 쪽의 본문입니다.', page: 1, headings: ['제목'] },
      { text: '둘째 쪽의 본문입니다.', page: 2, headings: ['제목', '소제목'] },
    ]);
    expect(chunks.map((c) => [c.id, c.page, c.headings])).toEqual([
      ['doc#0', 1, ['제목']],
      ['doc#1', 2, ['제목', '소제목']],
    ]);
  });

  it('splits long text at Korean sentence ends, not inside sentences', () => {
    const sentence = (n: number) => `${n}번째 문장은 국민성장펀드의 투자 결정을 설명합니다.`;
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkSections('doc', [{ text }], { maxChars: 200 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(250);
      expect(chunk.text).toMatch(/^\d+번째 문장은/);
      expect(chunk.text).toMatch(/설명합니다\.$/);
    }
  });

  it('keeps list items whole and on their own lines', () => {
    const text =
      '□ (개요) 핀테크 기업에 집중 투자\n이어지는 줄입니다.\nㅇ (조성) 1,655억원을 바탕으로\n- 민간 자금 3,478억원\n1. 첫째 항목';
    const [chunk] = chunkSections('doc', [{ text }]);
    expect(chunk!.text.split('\n')).toEqual([
      '□ (개요) 핀테크 기업에 집중 투자 이어지는 줄입니다.',
      'ㅇ (조성) 1,655억원을 바탕으로',
      '- 민간 자금 3,478억원',
      '1. 첫째 항목',
    ]);
  });

  it('splits a long table between rows and repeats its header row', () => {
    const rows = [
      '구분 | 금액 | 비고',
      ...Array.from({ length: 30 }, (_, i) => `${i}번 사업 | ${i * 100}억 원 | 승인`),
    ];
    const chunks = chunkSections('doc', [{ text: rows.join('\n') }], { maxChars: 200 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.text.startsWith('구분 | 금액 | 비고\n')).toBe(true);
      expect(chunk.text.split('\n').every((row) => row.split(' | ').length === 3)).toBe(true);
    }
  });
});

describe('notes of a release', () => {
  const reference = '학교전담경찰관도 증원*하여 새로운 역할을 부여한다.';
  const note = '* (2023년) 1,022명 → (2024년) 1,127명';

  it('copies a note a page break parted from its reference to the page before, and keeps it on its own page', () => {
    const chunks = chunkSections('doc', [
      { text: `학교폭력에 체계적으로 대응한다. ${reference}`, page: 2 },
      { text: `${note}\n(5) 학생의 마음건강을 최우선 지원\n학생들의 정신건강을 증진한다.`, page: 3 },
    ]);
    expect(chunks.map((c) => [c.page, c.text.includes(reference), c.text.includes(note)])).toEqual([
      [2, true, true],
      [3, false, true],
    ]);
    expect(chunks[0]!.text).not.toContain('마음건강');
  });

  it('leaves the next page alone when the page before refers to no note', () => {
    const chunks = chunkSections('doc', [
      { text: '학교폭력에 체계적으로 대응한다.', page: 2 },
      { text: note, page: 3 },
    ]);
    expect(chunks[0]!.text).not.toContain('1,127명');
  });

  it('keeps a note in the chunk of its reference when the chunk is just full', () => {
    const filler = '가나다라마바사아자차카타파하 '.repeat(6).trim() + '.';
    const text = [filler, filler, `${filler} ${reference}`, note, filler].join('\n\n');
    const chunks = chunkSections('doc', [{ text }], { maxChars: 3 * filler.length + reference.length + 4 });
    const withReference = chunks.find((c) => c.text.includes(reference))!;
    expect(withReference.text).toContain(note);
  });
});

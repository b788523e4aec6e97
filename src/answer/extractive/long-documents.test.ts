/**
 * The offline answerer on long OCR'd documents (issue 5, the classes behind answers that miss
 * the figure a reader asked for): dates written with dots that the layout splits like
 * sentence ends, and question words that phrase the question but were read as its topic.
 * Every passage is made up and names nothing from any corpus.
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';
import { pdfSentences } from './score-sentences.js';
import { splitSentences } from '../../ingest/sentences.js';

describe('dates written with dots (2031. 3. 14.)', () => {
  const RULING = passage(
    '가) 신청인은 2030. 11.\n' +
      '2. 해솔구청에 건축허가를 신청하였으나, 해솔구청장은 2031. 2. 9.자 통지로 이를 반려하였다.\n' +
      '나) 신청인은 2031. 3.14. 위 반려처분에 불복하여 행정심판을 청구하였고, 행정심판위원회는 2031. 8. 21. 그 청구를 기각하였다.',
    { title: '해솔 행정심판 재결서' },
  );

  it('keeps a date whole, and the sentence it sits in', () => {
    const sentences = pdfSentences(RULING.text);
    expect(sentences).toContain(
      '나) 신청인은 2031. 3.14. 위 반려처분에 불복하여 행정심판을 청구하였고, 행정심판위원회는 2031. 8. 21. 그 청구를 기각하였다.',
    );
    expect(sentences[0]).toMatch(/^가\) 신청인은 2030\. 11\. 2\. 해솔구청에 건축허가를 신청하였으나/);
  });

  it('answers when something was done with the whole date', () => {
    const { text, refused } = ask('신청인이 행정심판을 청구한 날짜는 언제인가요?', [RULING], 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('2031. 3.14.');
  });

  it('leaves numbered list items and decimals as the splitter reads them', () => {
    for (const text of [
      '절차는 다음과 같다.\n1. 신청서를 낸다.\n2. 심사를 받는다.',
      '금리는 2.5. 이다.\n3. 기간은 2년이다.',
    ])
      expect(pdfSentences(text)).toEqual(splitSentences(text));
  });
});

/**
 * The offline answerer on long OCR'd documents (issue 5, the classes behind answers that miss
 * the figure a reader asked for): dates written with dots that the layout splits like
 * sentence ends, and question words that phrase the question but were read as its topic.
 * Every passage is made up and names nothing from any corpus.
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';
import { pdfSentences } from './sentences.js';
import { readQuestion } from '../../text/question-words.js';
import { isDomainNoun } from './glossary.js';

const analyzeQuestion = (q: string) => readQuestion(q, { isKnownNoun: isDomainNoun }).words;
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

describe('the two parts of a two-part question', () => {
  const SCHEME = '해솔시 창업바우처 제도는 청년 창업자에게 사무공간과 시제품 제작비를 묶어 바우처 방식으로 지원한다.';
  const RESULT = '첫해에는 청년기업 214개사가 바우처를 받아 매출 37억원을 올리는 성과를 냈다.';
  const QUESTION = '해솔시 창업바우처 제도의 지원 방식을 자세히 설명하고, 이 제도의 주요 성과는 무엇인가요?';

  // The same sentences in both releases, so only where the result sits differs.
  const FILLER = [
    '시는 올해 교통 예산을 12% 늘렸다.',
    '시는 내년에 공원을 넓힐 계획이다.',
    '시는 도서관 두 곳을 연다.',
  ];

  it('answers the second part from the sentence beside the first, with its figures', () => {
    const release = passage([FILLER[0], SCHEME, RESULT, FILLER[1], FILLER[2]].join('\n'), { title: '해솔시 보도자료' });
    const { text, refused } = ask(QUESTION, [release], 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('바우처 방식으로 지원한다');
    expect(text).toContain('214개사');
  });

  it('does not take a sentence far from the first for the other part', () => {
    const release = passage([SCHEME, ...FILLER, RESULT].join('\n'), { title: '해솔시 보도자료' });
    expect(ask(QUESTION, [release], 'ko').text).not.toContain('214개사');
  });
});

describe('question words read as a topic', () => {
  it('drops how much detail is asked and the 데 of a clause, and takes a noun after 이러한 as pointing back', () => {
    const words = analyzeQuestion('해솔 바우처를 자세히 설명하고, 이러한 변경의 성과와 받는 데에는 제한이 있나요?');
    const texts = words.map((w) => w.text);
    expect(texts).not.toContain('자세히');
    expect(texts).not.toContain('데에');
    expect(words.find((w) => w.text === '변경')?.kind).toBe('generic');
    expect(words.find((w) => w.text === '성과')?.kind).toBe('content');
  });
});

/**
 * The general signals of the offline answerer, each on a made-up corpus that shows the class
 * of failure it handles (docs/answerer.md, "Signals").
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';

describe('proximity', () => {
  it('prefers, among sentences of equal support, the one whose words and value stand together', () => {
    // An OCR'd page runs on without sentence ends: its words are all there, but far apart.
    const runOn = passage(
      '한빛소재 관련 설명회는 올해 세 차례 열렸으며 참석 기업들은 공급망과 인력 문제를 두루 논의하였고 ' +
        '별도로 지역 협의체가 구성되어 운영 방안을 검토하였으며 그 밖에 다른 기업의 대출은 3천억 원이다.',
      { title: '소재 기업 동향' },
    );
    const compact = passage('한빛소재의 대출은 450억 원이다.', { title: '소재 기업 동향' });
    const { text } = ask('한빛소재 대출은 얼마야?', [runOn, compact], 'ko');
    expect(text.startsWith('한빛소재의 대출은 450억 원이다. [2]')).toBe(true);
  });
});

describe('term support', () => {
  // A modifier of age or order (새, 옛, latest) is said by the source in another form (새로운,
  // 예전에, the date) or not at all: as a required word it sank the support of a one-topic question.
  it.each([
    [
      '바람개비재단의 새 목표는?',
      '바람개비재단은 2030년까지 청년 창업가 1만 명을 돕는다는 새로운 목표를 세웠다.',
      'ko',
      '1만 명',
    ],
    ['해달기금의 옛 명칭은?', '해달기금은 2024년까지 푸른바다기금이라는 명칭을 썼다.', 'ko', '푸른바다기금'],
    ["What is Windmill's latest deal?", 'Windmill signed a deal to fund 12 solar farms in May 2026.', 'en', '12 solar'],
  ] as const)('lets a modifier of age or order only help: %s', (question, text, lang, expected) => {
    const { text: answer, refused } = ask(question, [passage(text, { lang, title: 'Notice' })], lang);
    expect(refused, answer).toBe(false);
    expect(answer).toContain(expected);
  });

  it('still refuses when the noun a modifier qualifies is nowhere in the sources', () => {
    const source = passage('바람개비재단은 2030년까지 청년 창업가 1만 명을 돕는다는 새로운 목표를 세웠다.');
    expect(ask('바람개비재단의 새 본부는 어디야?', [source], 'ko').refused).toBe(true);
  });

  it('reads a one-syllable noun through its particle, so its synonyms find it (집은: 집 = 주택)', () => {
    const source = passage('해달시는 역세권에 청년 주택 300채를 짓는다.', { title: '해달시 주거 지원' });
    const { text, refused } = ask('해달시 집은 모두 몇 채야?', [source], 'ko');
    expect(refused, text).toBe(false);
    expect(text).toContain('300채');
  });

  it('reads a counter after a numeral (한 번만, 세 곳) as how many, not a word to find', () => {
    const source = passage(
      '바람개비재단은 상담회를 매년 정기적으로 연다. 바람개비재단 상담회에는 청년 창업가가 참여한다. ' +
        '바람개비재단은 상담회 결과를 공개한다.',
    );
    const { text, refused } = ask('바람개비재단 상담회는 한 번만 열리나요?', [source], 'ko');
    expect(refused, text).toBe(false);
    expect(text).toContain('정기적으로');
  });
});

import { describe, expect, it } from 'vitest';
import type { Passage } from '../../types.js';
import { toContextSources } from '../context.js';
import { contextGlossary } from './glossary.js';
import { readQuestion } from '../../text/question-words.js';
import { isDomainNoun } from './glossary.js';
import { namesNotInSources } from './entities.js';
import { namesAsked } from '../../text/names.js';

const read = (question: string) => readQuestion(question, { isKnownNoun: isDomainNoun });
const asked = (question: string) => namesAsked(read(question), isDomainNoun).map((n) => n.text);

describe('namesAsked', () => {
  it.each([
    ['How much did the fund invest in Coupang?', ['Coupang']],
    ['What is Samsung SDI getting from the fund?', ['Samsung SDI']],
    ['Did RebellionsAI get a loan?', ['RebellionsAI']],
    ["What's the loan amount for Krafton's new studio?", ['Krafton']],
    ['When will the Daegu data center be completed?', ['Daegu']],
    ['KB국민은행은 얼마를 넣었어요?', ['KB국민은행']],
    // organisation endings, transcriptions as participants, a participant of a deal
    ['현대모비스에 대한 대출 규모는?', ['현대모비스']],
    ['한화투자증권 몫은 얼마야?', ['한화투자증권']],
    ['카카오가 데이터를 제공하나요?', ['카카오']],
    ['토스뱅크와 케이뱅크의 대출은?', ['토스뱅크', '케이뱅크']],
    ['한진에 대한 성장기금 투자 규모는?', ['한진']],
    ['대명의 지분은 얼마야?', ['대명']],
  ])('reads the names in %s', (question, names) => {
    expect(asked(question)).toEqual(names);
  });

  it.each([
    'What kind of company is it?',
    'How many AI chips and GPUs will the SPC buy?',
    'Is the Korean-language model ready?',
    '시중은행, 지방은행, 인터넷은행의 인가 요건 차이점은?',
    '자영업자 고용보험 가입 진흥 방안은?',
    '이에 따르는 부채감축대상기관의 선정 기준은?',
    '부동산 PF 대출 연체율 상승의 영향은?',
    '기간 동안의 투자 목표 금액은?',
    '이 정책이 시장에 어떤 영향을 줄 것으로 예상되는지에 대해 설명하시오.',
    '원고 A는 피고 B에 대해 무엇을 주장했나요?',
    'RP매매 시 대상증권의 배정 방식은?',
  ])('reads no name in the vocabulary of "%s"', (question) => {
    expect(asked(question)).toEqual([]);
  });
});

describe('namesNotInSources', () => {
  let ids = 0;
  const passage = (text: string, meta: Partial<Passage> = {}): Passage => ({
    id: `doc-${++ids}#0`,
    docId: `doc-${ids}`,
    ordinal: 0,
    title: 'Announcement',
    lang: 'en',
    text,
    ...meta,
  });
  const absent = (question: string, passages: Passage[]) => {
    const sources = toContextSources(passages);
    return namesNotInSources(read(question), sources, contextGlossary(sources, question)).map((n) => n.text);
  };
  const LOANS = passage('The Growth Development Fund will lend 500 billion won to Celltrion and to Norvex Energy.');

  it('finds a name the sources write in another script or spell out', () => {
    // 셀트리온 sounds like Celltrion; GDF is the Growth Development Fund's initials.
    expect(absent('셀트리온이 받는 대출은?', [LOANS])).toEqual([]);
    expect(absent('How much does the GDF lend to Norvex?', [LOANS])).toEqual([]);
    expect(absent('Norvex Energy loan size?', [LOANS])).toEqual([]);
  });

  it('reports the names no source mentions', () => {
    expect(absent('How much does the fund lend to Krafton?', [LOANS])).toEqual(['Krafton']);
    expect(absent('Norvex Hydrogen loan size?', [LOANS])).toEqual(['Norvex Hydrogen']);
    expect(absent('카카오가 받는 대출은?', [LOANS])).toEqual(['카카오']);
  });
});

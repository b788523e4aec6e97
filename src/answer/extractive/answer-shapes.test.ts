/**
 * The offline answerer on questions whose structure matters (issue 5): several entities, a
 * superlative, an exclusion, a kind of name asked for, a source in the other language, a
 * name spelled in the other script, a follow-up. The announcements here are made up and
 * name nothing from the sample corpus, so the rules are tested apart from it.
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../types.js';
import { REFUSAL_TEXT } from '../prompts.js';
import { answerLanguage } from '../../eval/grader.js';

const LOANS_KO = passage(
  '성장기금은 한빛소재에 3천억 원의 저리 대출을 제공한다. 이 대출은 양극재 공장 증설에 쓰인다.\n' +
    '성장기금은 다온전자에 450억 원의 저리 대출을 제공한다.\n' +
    '성장기금은 세 건의 저리 대출을 모두 3,950억 원 규모로 승인하였다.',
  { title: '성장기금, 소재 기업 저리 대출 승인' },
);
const LOANS_EN = passage(
  'Norvex will receive a 500 billion won low-interest loan to build a hydrogen plant.\n' +
    'The fund approved loans to Hanbit Materials, Daon Electronics and Norvex.',
  { title: 'Growth Fund approves low-interest loans', lang: 'en' },
);
const INVESTMENT_KO = passage('성장기금은 인공지능 기업 루미나(Lumina)에 1조2천억 원을 투자한다.', {
  title: '성장기금, 루미나에 1조2천억 원 투자',
});
const PURPOSE_KO = passage(
  '이번 투자는 해외 기술에 의존하지 않는 의료 영상 모델을 개발하는 데 쓰인다. ' +
    '루미나는 국내 주요 병원 그룹과의 데이터 협력을 통해 학습 데이터를 확보할 계획이다.',
  { title: '성장기금, 루미나에 1조2천억 원 투자', headings: ['투자 목적'] },
);
const REMARKS_EN = passage(
  'Lumina chief executive Park Ji-won called the investment a turning point for the company.',
  { title: 'Lumina CEO on the investment', lang: 'en' },
);
const PLAN_KO = passage('금융당국은 3차 프로젝트에서 지원 분야를 우주항공과 해양으로 넓힐 계획이다.', {
  title: '성장기금 3차 프로젝트 계획',
});
const CONTEXT = [LOANS_KO, LOANS_EN, INVESTMENT_KO, REMARKS_EN, PLAN_KO, PURPOSE_KO];

describe('questions naming several entities', () => {
  it('answers for each company, one supporting sentence each', () => {
    const { text, refused } = ask('한빛소재와 다온전자는 각각 대출을 얼마 받나요?', CONTEXT, 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('3천억 원');
    expect(text).toContain('450억 원');
    expect(text).not.toContain('3,950억 원');
  });

  it('compares two deals across languages, giving both amounts', () => {
    const { text } = ask('Compare the size of the Lumina investment with the Norvex loan.', CONTEXT, 'en');
    expect(text).toContain('1.2 trillion won (1조2천억 원)');
    expect(text).toContain('500 billion won');
  });

  it('compares by the figures, not by a sentence that only names both', () => {
    const both = passage('The fund approved an investment in Lumina and a loan to Norvex on the same day.', {
      title: 'Growth Fund decisions',
      lang: 'en',
    });
    const { text } = ask('Compare the Lumina investment with the Norvex loan', [both, ...CONTEXT], 'en');
    expect(text).toContain('1.2 trillion won');
    expect(text).toContain('500 billion won');
    expect(text).not.toContain('on the same day');
  });

  it('lists what else was approved, not the excluded company again', () => {
    const { text } = ask('Apart from Norvex, which companies get loans?', CONTEXT, 'en');
    expect(text).toContain('Hanbit Materials');
    expect(text).not.toMatch(/^Norvex will receive/);
  });
});

describe('superlatives over figures', () => {
  it('states the largest and the smallest amount with their sources, leaving out the total', () => {
    const { text, refused } = ask('저리 대출 가운데 가장 작은 것은?', CONTEXT, 'ko');
    expect(refused).toBe(false);
    expect(text.indexOf('가장 작은 금액은 450억 원')).toBe(0);
    expect(text).toContain('가장 큰 금액은 5천억 원(500 billion won)');
    expect(text).not.toContain('3,950억');
    expect(text).toMatch(/\[1\]/);
  });

  it('answers "which is the largest" in English with both ends, converting a Korean figure', () => {
    const { text } = ask('Which loan is the largest?', [LOANS_KO, LOANS_EN], 'en');
    expect(text).toMatch(/^The largest amount is 500 billion won/);
    expect(text).toContain('45 billion won');
  });
});

describe('sources in the other language', () => {
  it('says the source is Korean and quotes it, in an answer that reads as English', () => {
    const { text } = ask('Which sectors will the third project expand into?', CONTEXT, 'en');
    expect(text).toMatch(/^A Korean-language source states \[5\]: “금융당국은 3차 프로젝트/);
    expect(answerLanguage(text)).toBe('en');
  });

  it('says the source is English and quotes it, in an answer that reads as Korean', () => {
    const { text } = ask('루미나 대표는 이번 투자를 어떻게 평가했나요?', CONTEXT, 'ko');
    expect(text).toContain('영문 자료');
    expect(text).toContain('“Lumina chief executive Park Ji-won called the investment a turning point');
    expect(answerLanguage(text)).toBe('ko');
  });
});

describe('relevance', () => {
  it('answers a purpose question with the purpose, not with a remark that only shares the name', () => {
    const { text } = ask('What is the purpose of the Lumina investment?', CONTEXT, 'en');
    expect(text).toContain('의료 영상 모델');
    expect(text).not.toContain('turning point');
  });
});

describe('questions asking for names', () => {
  it('refuses when the sources only describe the kind of company asked for', () => {
    expect(ask('Which hospital groups share data with Lumina?', CONTEXT, 'en').refused).toBe(true);
    const { text, refused } = ask('루미나와 데이터 협력을 하는 병원 그룹은 어디야?', CONTEXT, 'ko');
    expect(refused).toBe(true);
    // The refusal says what the sources do say instead.
    expect(text.startsWith(REFUSAL_TEXT.ko)).toBe(true);
    expect(text).toContain('“루미나는 국내 주요 병원 그룹과의 데이터 협력을 통해');
  });

  it('answers when a name stands beside the kind asked for', () => {
    const named = passage('루미나는 서울의료원, 한빛병원 등 주요 병원 그룹과 데이터를 공유한다.', {
      title: '루미나 데이터 협력',
    });
    const { text, refused } = ask(
      '어느 병원 그룹이 루미나와 데이터를 공유하나요?',
      [named, INVESTMENT_KO, PURPOSE_KO],
      'ko',
    );
    expect(refused).toBe(false);
    expect(text).toContain('서울의료원');
  });
});

describe('names spelled in the other script', () => {
  it('answers a Korean question about a company only an English source names', () => {
    const { text, refused } = ask('노벡스가 받는 대출은 얼마인가요?', CONTEXT, 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('5천억 원');
    expect(text).toContain('영문 자료');
  });
});

describe('follow-ups', () => {
  it('carries the topic into "the next step" of a plan', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: '성장기금 3차 프로젝트는 뭐야?' },
      { role: 'assistant', content: '금융당국의 다음 프로젝트입니다. [1]' },
    ];
    expect(ask('다음 단계로는 어떤 분야를 지원할 계획이야?', CONTEXT, 'ko', history).text).toContain('우주항공');
  });
});

describe('what a question asks for', () => {
  it('reads money as the means of an action, not as the amount asked', () => {
    const { text } = ask('루미나는 이번 투자금으로 어떤 모델을 만드나요?', CONTEXT, 'ko');
    expect(text).toContain('의료 영상 모델');
  });

  it('answers "what will they do with the money" with the use, from an English source', () => {
    const { text } = ask('노벡스는 대출받은 돈으로 뭘 하려고 해?', CONTEXT, 'ko');
    expect(text).toContain('hydrogen plant');
  });

  it('answers a value question that sets one figure aside, instead of listing other names', () => {
    const capital = passage('SPC는 자본금 2조 원을 모으고, 이후 1조 원 이상의 대출을 받는다.', {
      title: '데이터센터 SPC 재원',
    });
    const { text } = ask('Beyond its capital, how much in loans will the SPC take on?', [capital, ...CONTEXT], 'en');
    expect(text).toContain('1 trillion won');
  });

  it('takes a numbered thing as the thing asked about: fund No. 2, not fund No. 1', () => {
    const funds = passage(
      '1호 펀드는 4년간 총 3,000억 원 조성을 목표로 하였다.\n' +
        '추가로 조성되는 2호 펀드 역시 3,000억 원 규모로 조성될 예정이다.',
      { title: '혁신펀드 운용 현황' },
    );
    const { text } = ask('혁신펀드 2호의 조성 목표 규모는?', [funds], 'ko');
    expect(text).toMatch(/^추가로 조성되는 2호 펀드/);
    expect(text).not.toContain('1호 펀드는');
  });

  it('gives an entity its value from the sentence before when the one naming it states none', () => {
    const plant = passage(
      '성장기금은 다온전자에 450억 원의 저리 대출을 제공한다. 이 공장은 전기차 배터리 소재를 만든다.',
      { title: '다온전자 저리 대출' },
    );
    const chips = passage('성장기금은 한빛소재에 3천억 원의 저리 대출을 제공한다. 한빛소재는 반도체 소재를 만든다.', {
      title: '한빛소재 저리 대출',
    });
    const { text } = ask('배터리 소재와 반도체 소재 기업은 각각 얼마를 받나요?', [plant, chips], 'ko');
    expect(text).toContain('450억 원');
    expect(text).toContain('3천억 원');
  });
});

describe('glossed terms of a Korean source', () => {
  it('writes a place name before its kind in Revised Romanization', () => {
    const site = passage('공장은 새만금 국가산업단지에 들어선다.', { title: '공장 부지' });
    const { text } = ask('Where will the factory be built?', [site], 'en');
    expect(text).toContain('Saemangeum');
  });
});

/**
 * The offline answerer on kinds of question nobody tuned it on (issue 5, the lead's fresh
 * questions), over a made-up corpus that names nothing from the sample one: what kind of
 * company something is, what a company makes, the terms of a loan, and questions about a
 * company or place the sources never mention.
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../types.js';
import { REFUSAL_TEXT } from '../prompts.js';
import { answerLanguage } from '../../eval/grader.js';

const LUMINA_KO = passage(
  '성장기금은 의료 인공지능 기업 루미나(Lumina)에 1조2천억 원을 투자한다.\n' +
    '루미나는 기업가치 5천억 원 이상으로 평가받는 스타트업이다. 병원을 위한 영상 판독 모델을 만든다.',
  { title: '성장기금, 루미나에 1조2천억 원 투자' },
);
const LOANS_EN = passage(
  'The Growth Fund will extend three loans to secure materials supply chains.\n' +
    '- Norvex, a maker of hydrogen electrolysers, will receive a 500 billion won low-interest loan.\n' +
    '- Daon Electronics will receive a 45 billion won long-term, low-interest loan to expand its sensor plant.',
  { title: 'Three loans for materials supply chains', lang: 'en' },
);
const OVERVIEW_EN = passage(
  'The approvals of March 2, 2027 include an investment in Lumina and loans to Norvex and Daon Electronics.',
  { title: 'Growth Fund approvals', lang: 'en' },
);
const HANBIT_KO = passage(
  '성장기금은 양극재를 생산하는 한빛소재에 3천억 원의 대출을 제공한다. 이 대출은 노벡스, 다온전자에 대한 대출과 함께 소재 공급망 안정화를 목표로 한다.',
  { title: '소재 기업 한빛소재에 3천억 원 대출' },
);
const CONTEXT = [LUMINA_KO, LOANS_EN, OVERVIEW_EN, HANBIT_KO];

describe('what kind of company', () => {
  it('answers "어떤 회사인가요" with a description, not a refusal for want of names', () => {
    for (const question of ['루미나는 어떤 회사인가요?', '루미나 어떤회사임?', '루미나는 무슨 기업이야?']) {
      const { text, refused } = ask(question, CONTEXT, 'ko');
      expect(refused, question).toBe(false);
      // The sentence with the company as its subject, and the one that goes on about it.
      expect(text, question).toContain('스타트업이다. [1] 병원을 위한 영상 판독 모델을 만든다. [1]');
    }
  });

  it('describes in English from the sentences that make the company their subject', () => {
    const profile = passage(
      'The fund also approved a loan to Norvex. Norvex is a start-up founded in 2019. It builds electrolysers for steel mills.',
      { title: 'Norvex profile', lang: 'en' },
    );
    const { text } = ask('what kind of company is norvex', [profile, OVERVIEW_EN], 'en');
    expect(text).toBe('Norvex is a start-up founded in 2019. [1] It builds electrolysers for steel mills. [1]');
  });

  it('still refuses "which company" when the sources name none', () => {
    const unnamed = passage('나머지 2천억 원은 민간 투자자가 부담한다.', { title: '루미나 투자 재원' });
    expect(ask('민간 투자자로는 어떤 회사들이 참여해?', [unnamed, LUMINA_KO], 'ko').refused).toBe(true);
  });
});

describe('the sentence that answers', () => {
  it('prefers the sentence that says what the verb asks among those naming the company', () => {
    const { text } = ask('What does Norvex make?', [OVERVIEW_EN, LOANS_EN], 'en');
    expect(text).toMatch(/^Norvex, a maker of hydrogen electrolysers/);
    expect(text).not.toContain('The approvals of');
  });
});

describe('a question about a named company', () => {
  it('is answered from a sentence about that company, even when another shares more of its words', () => {
    const battery = passage(
      '성장기금은 다온전자에 450억 원의 대출을 제공한다. 이 공장은 배터리 소재인 음극재를 연간 2만 톤 생산할 예정이다.',
      { title: '다온전자 대출' },
    );
    // The premise is wrong: Norvex makes electrolysers; the answer says what the sources say of Norvex.
    const { text } = ask('노벡스는 배터리 소재 만드는 회사죠?', [battery, LOANS_EN], 'ko');
    expect(text).toContain('Norvex, a maker of hydrogen electrolysers');
    expect(text).not.toContain('음극재');
  });
});

describe('the terms of a loan', () => {
  it('answers with the sentence stating the terms, not one that only names the company and the loan', () => {
    // HANBIT_KO names 노벡스 and 대출 in Korean; only the English list states Norvex's terms.
    const { text } = ask('노벡스에 대한 대출 조건은?', [HANBIT_KO, OVERVIEW_EN, LOANS_EN], 'ko');
    expect(text).toContain('이 내용은 영문 자료에 있습니다 [3]: “Norvex, a maker of hydrogen electrolysers');
    expect(text).toContain('저리');
    expect(text).not.toContain('공급망 안정화');
  });

  it('reads "the terms of the … loan" in English', () => {
    const { text } = ask('What are the terms of the Daon Electronics loan?', CONTEXT, 'en');
    expect(text).toContain('long-term, low-interest loan');
  });
});

describe('a company, person or place no source mentions', () => {
  it('refuses, names what is missing and says what the sources cover, in English', () => {
    const { text, refused } = ask('How much did the fund invest in Coupang?', CONTEXT, 'en');
    expect(refused).toBe(true);
    expect(text.startsWith(REFUSAL_TEXT.en)).toBe(true);
    expect(text).toContain('They do not mention Coupang.');
    // The sources found instead, those in the reader's language first.
    expect(text).toContain('They cover: “Three loans for materials supply chains” [2]; “Growth Fund approvals” [3].');
    expect(answerLanguage(text)).toBe('en');
  });

  it('refuses in Korean for a Korean company, an organisation ending or a transcribed name', () => {
    for (const [question, name] of [
      ['삼성바이오에 대한 투자 계획은?', '삼성바이오'],
      ['카카오헬스케어가 루미나에 데이터를 제공하나요?', '카카오헬스케어'],
      ['KB국민은행은 루미나 투자에 얼마 넣었어요?', 'KB국민은행'],
      ['대구 데이터센터에 대한 대출 규모는?', '대구'],
    ]) {
      const { text, refused } = ask(question!, CONTEXT, 'ko');
      expect(refused, question).toBe(true);
      expect(text, question).toContain(`자료에는 ${name}에 대한 언급이 없습니다.`);
      expect(answerLanguage(text)).toBe('ko');
    }
  });

  it('refuses a question built on a specific term no source writes (a programme, an acronym)', () => {
    const { text, refused } = ask('상생나눔보증 지원 규모는 얼마인가요?', CONTEXT, 'ko');
    expect(refused).toBe(true);
    expect(text).toContain('자료에는 상생나눔보증에 대한 언급이 없습니다.');
    expect(ask('How high is the LTV cap on the Norvex loan?', CONTEXT, 'en').text).toContain(
      'They do not mention LTV.',
    );
    // A compound the sources write with a space is written: 의료 인공지능 = 의료인공지능.
    expect(ask('의료인공지능 기업 투자 규모는?', CONTEXT, 'ko').refused).toBe(false);
  });

  it('answers a name the sources write in the other script', () => {
    const { text, refused } = ask('노벡스 대출 규모는?', CONTEXT, 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('5천억 원(500 billion won)');
  });

  it('answers the entity the sources know and says the other is missing', () => {
    const { text, refused } = ask('노벡스와 카카오는 각각 대출을 얼마 받나요?', CONTEXT, 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('5천억 원(500 billion won)');
    expect(text).toContain('카카오에 대한 내용은 제공된 자료에 없습니다.');
  });
});

describe('words that only phrase the question', () => {
  it('reads "거기" in a follow-up as the place or company just talked about', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: '한빛소재는 무슨 회사예요?' },
      { role: 'assistant', content: '양극재를 생산하는 기업입니다. [1]' },
    ];
    expect(ask('거기 대출은 얼마 나가요?', CONTEXT, 'ko', history).text).toContain('3천억 원');
  });

  it('reads nouns joined by 이랑 as the entities, not as words no source writes', () => {
    const { text, refused } = ask('한빛소재 대출이랑 노벡스 대출 각각 얼마예요?', CONTEXT, 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('3천억 원');
    expect(text).toContain('5천억 원');
  });

  it('answers "the full list of what was approved", "which regulator green-lit"', () => {
    expect(ask('Give me the full list of what was approved on March 2, 2027.', CONTEXT, 'en').text).toContain(
      'include an investment in Lumina and loans to Norvex and Daon Electronics',
    );
    const approval = passage('On March 2, 2027, the Financial Services Commission approved the Lumina investment.', {
      title: 'Lumina investment approved',
      lang: 'en',
    });
    const { text } = ask('Which regulator green-lit the Lumina investment?', [approval, ...CONTEXT], 'en');
    expect(text).toContain('the Financial Services Commission approved');
  });
});

describe('what is asked, read from the whole question', () => {
  const REMARKS = passage(
    'Park Ji-won, chief executive of Lumina, called the investment a turning point. ' +
      'She noted that Japan and Germany are spending heavily on medical AI.',
    { title: 'Lumina CEO on the investment', lang: 'en' },
  );

  it('asks for the countries, not the chief executive, in "대표가 … 언급한 나라는?"', () => {
    const { text, refused } = ask(
      '루미나 대표가 의료 AI에 많은 돈을 쓴다고 언급한 나라는?',
      [REMARKS, LUMINA_KO],
      'ko',
    );
    expect(refused).toBe(false);
    expect(text).toContain('Japan and Germany');
  });

  it('still asks for the person in "루미나 대표는 누구야?"', () => {
    expect(ask('루미나 대표는 누구야?', [REMARKS, LUMINA_KO], 'ko').text).toContain('Park Ji-won');
  });

  it('reads "how much output" as a quantity produced, not money', () => {
    const plant = passage(
      'Norvex will receive a 500 billion won loan for an electrolyser plant. The plant is to produce 2,000 units a year.',
      { title: 'Norvex loan', lang: 'en' },
    );
    expect(ask('How much output per year for the Norvex plant?', [plant], 'en').text).toContain('2,000 units');
  });

  it('meets an acronym the sources spell out, and a compound they write with a space', () => {
    const overview = passage('The Growth Development Fund has approved 9 projects worth 40 trillion won in total.', {
      title: 'Growth Development Fund approvals',
      lang: 'en',
    });
    expect(ask('How many projects has the GDF approved?', [overview], 'en').text).toContain('9 projects');
    // 저리대출 = 저리 대출 = low-interest loan: Hanbit's loan is not called low-interest.
    const { text, refused } = ask('저리대출 받는 회사명이랑 금액 정리해줘', [HANBIT_KO, LOANS_EN], 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('450억 원(45 billion won)');
    expect(text).not.toContain('3천억 원');
    // Whose amount a quoted English sentence gives, in the reader's spelling where the context pairs it.
    expect(text).toMatch(/노벡스\(Norvex\)의 금액은 5천억 원/);
  });
});

describe('a figure the question itself gives', () => {
  const CHIPS = passage('The SPC will bring in 12,000 advanced AI chips, including GPUs and NPUs.', {
    title: 'Daegu computing center',
    lang: 'en',
  });

  it('is not the answer to a question about its parts', () => {
    const { refused } = ask('Out of the 12,000 chips, how many are GPUs and how many NPUs?', [CHIPS], 'en');
    expect(refused).toBe(true);
  });

  it('is confirmed when the question asks to confirm it', () => {
    const { text, refused } = ask('Will the SPC bring in 12,000 chips?', [CHIPS], 'en');
    expect(refused).toBe(false);
    expect(text).toContain('12,000 advanced AI chips');
    expect(ask('SPC가 들여오는 칩은 1만2천 장 맞나요?', [CHIPS], 'ko').refused).toBe(false);
  });
});

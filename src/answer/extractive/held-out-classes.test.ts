/**
 * The offline answerer on the failure classes the held-out sets showed (issue 5), over
 * made-up passages: a capitalised English phrase that is a translated common noun, names
 * given in brackets after their kind, and casual or indirect phrasing that must not read
 * as an absent term.
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../text/question-words.js';
import { answerTypesOf } from './answer-type.js';
import { isDomainNoun } from './glossary.js';

const analyzeQuestion = (q: string) => readQuestion(q, { isKnownNoun: isDomainNoun }).words;
const answerTypeOf = (q: string) => answerTypesOf(q)[0];

describe('a title-cased English phrase the context writes in Korean', () => {
  const school = passage('교육부는 해달학교를 2028년까지 모든 초등학교로 확대한다.', { title: '해달학교 확대 방안' });
  const fund = passage('금융위는 ｢기후 혁신펀드｣ 2호를 3,000억원 규모로 조성한다.', {
    title: '기후 혁신펀드 2호 조성',
  });

  it('is met through romanization (Haedal School = 해달학교) and answered', () => {
    const { text, refused } = ask('By which year will Haedal School reach every elementary school?', [school], 'en');
    expect(refused).toBe(false);
    expect(text).toContain('2028');
  });

  it('is met through the lexicon word by word (Climate Innovation Fund = 기후 혁신펀드)', () => {
    const { text, refused } = ask('How large will the second Climate Innovation Fund be?', [fund], 'en');
    expect(refused).toBe(false);
    expect(text).toContain('3,000억원');
    expect(text).not.toContain('do not mention');
  });

  it('is still absent when its words are only scattered over the context', () => {
    const scattered = passage('기후 기업의 혁신을 돕기 위해 정책 펀드를 조성한다.', { title: '기후 기업 지원' });
    const { text, refused } = ask('How large will the Climate Innovation Fund be?', [scattered], 'en');
    expect(refused).toBe(true);
    expect(text).toContain('They do not mention Climate Innovation Fund');
  });
});

describe('names in brackets after their kind', () => {
  it('reads "빅테크 기업(A, B)" as naming the companies asked for', () => {
    const joined = passage(
      '2호 펀드에는 기존 금융권에 더해 빅테크 기업(한별페이, 누리파이낸셜)도 모펀드 출자기관으로 참여하였다.',
      { title: '기후 혁신펀드 2호' },
    );
    const { text, refused } = ask('2호 펀드에 새로 참여한 빅테크 기업은 어디어디인가요?', [joined], 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('한별페이, 누리파이낸셜');
  });

  it('does not take a bracketed figure for names', () => {
    const counted = passage('2호 펀드에는 빅테크 기업(2개사)도 출자기관으로 참여하였다.', {
      title: '기후 혁신펀드 2호',
    });
    expect(ask('2호 펀드에 참여한 빅테크 기업은 어디인가요?', [counted], 'ko').refused).toBe(true);
  });
});

describe('casual and indirect phrasing', () => {
  const center = passage('해달센터는 특수목적법인(SPC)이 짓는다. 노벡스는 대출금을 전해조 공장 건설에 쓴다.', {
    title: '해달센터와 노벡스',
  });
  const group = passage('한빛그룹 손자회사인 노벡스는 전해조를 만든다.', { title: '노벡스 대출' });
  const training = passage('디지털 교과서 연수 대상은 교원(12만 명)과 선도교사(9,400명)이다.', { title: '교원 연수' });

  it.each([
    ['해달센터는 누가 짓는거임?', [center], 'SPC'],
    ['노벡스는 그 돈 어디다 써?', [center], '전해조 공장'],
    ['노벡스가 한빛그룹 손자회사임?', [group], '한빛그룹 손자회사'],
    ['디지털 교과서 연수 대상 인원이 얼마나 되나요?', [training], '12만 명'],
    ['기사 보니까 해달센터는 SPC가 짓는다던데 맞아?', [center], 'SPC'],
  ])('answers %s', (question, sources, expected) => {
    const { text, refused } = ask(question, sources, 'ko');
    expect(refused, text).toBe(false);
    expect(text).toContain(expected);
  });

  it('reads "sites", "plus" as the shape of an English question over a Korean source', () => {
    const dorms = passage(
      '올해 3곳(해달시, 누리시, 별빛시)에서 기숙사 건설을 시작해 학생 약 1,200명의 주거 부담을 해소한다.',
      {
        title: '기숙사 착공',
      },
    );
    const question =
      'List the sites where dormitories start construction this year, plus how many students they will house.';
    const { text, refused } = ask(question, [dorms], 'en');
    expect(refused, text).toBe(false);
    expect(text).toContain('1,200명');
  });
});

describe('casual Korean endings', () => {
  const read = (q: string) => analyzeQuestion(q).map((w) => `${w.text}/${w.kind}`);

  it('reads the casual copula, a verb made a noun by 거, hearsay and merged stems as phrasing', () => {
    expect(read('누가 짓는거임?')).toEqual(['짓/verb']);
    expect(read('어떤 분야로 넓힌대?')).toEqual(['분야/generic', '넓히/verb']);
    expect(read('그 돈 어디다 써?')).toEqual(['쓰/verb']);
    expect(read('손자회사임?')).toEqual(['손자회사/content']);
  });

  it('reads "A나 B" as A or B, and 전체, 더 이상 as phrasing', () => {
    expect(read('노벡스나 다온전자에 싸게 빌려주는 이유는?')).toEqual([
      '노벡스/content',
      '다온전자/content',
      '싸/verb',
      '빌려주/verb',
      '이유/generic',
    ]);
    expect(read('합치면 전체 몇 년 동안이야?')).toEqual(['합치/verb']);
    expect(read('남은 재원은 더 이상 안 쓰는 거죠?')).toEqual(['남/verb', '재원/content', '쓰/verb']);
    expect(read('은행이나 증권사')).toEqual(['은행/content', '증권사/content']);
  });

  it('keeps nouns that only look like those endings', () => {
    expect(read('현대가 반대한 이유는?')).toEqual(['현대/content', '반대/verb', '이유/generic']);
    expect(read('책임은 누구?')).toEqual(['책임/content']);
  });
});

describe('a number of a currency', () => {
  it('asks an amount ("몇 억 달러"), while "몇 명" still asks a count', () => {
    expect(answerTypeOf('루미나 투자는 달러로 치면 몇 억 달러 정도임?')).toBe('money');
    expect(answerTypeOf('몇 천만 원을 빌려주나요?')).toBe('money');
    expect(answerTypeOf('연수 대상은 몇 명인가요?')).toBe('count');
  });

  it('is answered with the amount in dollars the source gives beside the won', () => {
    const deal = passage('성장기금은 루미나에 1조2천억 원(약 9억 달러)을 투자한다. 루미나는 직원 수를 늘린다.', {
      title: '루미나 투자',
    });
    const { text, refused } = ask('루미나 투자 달러로 치면 몇 억 달러 정도임?', [deal], 'ko');
    expect(refused, text).toBe(false);
    expect(text).toContain('9억 달러');
  });
});

describe('an amount asked of a participant the sources mention without one', () => {
  const roster = passage('한별페이·누리파이낸셜 → ‘26.1Q부터 기후 혁신펀드 2호 사업 실시', {
    title: '기후 혁신펀드 2호 출자기관',
  });

  it('is refused, quoting what the sources say, when they give only a time and a fund number', () => {
    const { text, refused } = ask(
      'How much money did Hanbyeol Pay commit to the second Climate Innovation Fund?',
      [roster],
      'en',
    );
    expect(refused, text).toBe(true);
    expect(text).toContain('The sources give no amount');
  });

  it('does not take an investing body (출자기관) for an amount asked', () => {
    expect(answerTypeOf('2호 펀드에 출자기관으로 참여한 기업은 어디인가요?')).toBe('other');
    expect(answerTypeOf('2호 펀드에 얼마를 출자했나요?')).toBe('money');
  });
});

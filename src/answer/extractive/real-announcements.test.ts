/**
 * The offline answerer on the way real government press releases are written (issue 5, the
 * failure classes of the real-documents set): English questions over Korean-only releases,
 * the grammar of Korean questions, questions whose asked value no sentence holds, absent
 * organisations, and sentences that run on across lines and lists. Every passage is made up
 * and names nothing from any corpus.
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';
import { answerLanguage } from '../../eval/grader.js';
import { hasStem, scoreSentences } from './support.js';
import { sentencesOf } from './sentences.js';
import { buildQuery } from './query.js';
import { selectSentences } from './select.js';
import { contextGlossary } from './glossary.js';
import { toContextSources } from '../context.js';

const MERGER_KO = passage(
  '보험회사 간 합병은 보험업법 제139조에 따라 금융위원회의 인가를 받아야 합니다.\n' +
    '다만, 합병 후 보험회사가 기존 설비와 인력을 그대로 쓰는 경우에는 예비인가를 생략할 수 있습니다.\n' +
    '금융위원회는 심사 결과를 3개월 안에 통보할 계획입니다.',
  { title: '보험회사 합병 인가 절차 안내' },
);
const SCHOOLS_KO = passage(
  '해솔부(장관 민도윤)는 2월 14일 2031년 주요정책 추진계획을 발표한다.\n' +
    '교육발전특구는 4월과 9월 두 차례에 걸쳐 지정한다.\n' +
    '해솔핀은 아시아 최초로 국제 결제망의 최고 등급 라이선스를 확보하였다.',
  { title: '해솔부 2031년 주요정책 추진계획' },
);

describe('English questions over Korean-only releases', () => {
  it('answers from the lexicon of the domain: acts, articles, ministers, special zones', () => {
    const cases: [string, string][] = [
      ['Which article of the Insurance Business Act governs a merger of insurers?', '제139조'],
      ['Who is the minister presenting the 2031 policy plan?', '민도윤'],
      ['When will the education development special zones be designated?', '4월과 9월'],
    ];
    for (const [question, fact] of cases) {
      const { text, refused } = ask(question, [MERGER_KO, SCHOOLS_KO], 'en');
      expect(refused, question).toBe(false);
      expect(text, question).toContain(fact);
      // The Korean sentence is quoted, said to be Korean, in an English answer.
      expect(text, question).toContain('Korean-language source');
      expect(answerLanguage(text), question).toBe('en');
    }
  });

  it('answers "which article" with the sentence citing the provision, not the one naming the act', () => {
    const rules = passage(
      '다만, 현행 보험업법령상 보험회사 간 합병에 관한 상세한 규정은 없습니다.\n' +
        '□ 보험회사 간 합병은 보험업법상 인가규정(제139조)에 따라 심사하게 됩니다.',
      { title: '보험회사 합병 인가 절차' },
    );
    for (const [question, language] of [
      ['Which article of the Insurance Business Act governs a merger of insurers?', 'en'],
      ['보험회사 합병은 보험업법 몇 조에 따라 심사하나요?', 'ko'],
    ] as const) {
      expect(ask(question, [rules], language).text, question).toContain('제139조');
    }
    // "몇 조 규모" asks trillions, not a provision.
    const fund = passage('새솔 펀드는 자본금을 모두 3조 원 규모로 조성한다.', { title: '새솔 펀드' });
    expect(ask('새솔 펀드 자본금은 몇 조 규모로 조성하나요?', [fund], 'ko').text).toContain('3조 원');
  });

  it('does not meet a Korean word in half of a longer phrase (단계 is not "growth" of "growth stage")', () => {
    const sources = toContextSources([
      passage('Mega projects showed strong growth, with 12 projects approved so far.', { lang: 'en' }),
    ]);
    const query = buildQuery('그 다음 단계에서는 어떤 분야가 추가돼?');
    const scores = scoreSentences(query, sentencesOf(sources), sources, contextGlossary(sources));
    const stage = query.words.findIndex((w) => w.text === '단계');
    expect(scores.models[stage]!.variants).not.toContainEqual(['growth']);
  });

  it('asks a reason with "why", not the date of a "when" clause', () => {
    const { text } = ask(
      'Why may an insurer skip the preliminary approval when it applies for a merger?',
      [MERGER_KO, SCHOOLS_KO],
      'en',
    );
    expect(text).toContain('예비인가를 생략할 수 있습니다');
    expect(text).not.toContain('the date is');
  });

  it('trusts a well-bridged English question over a Korean-only release despite a word the lexicon lacks', () => {
    const question =
      'May an insurer bypass preliminary approval after a merger if it retains its facilities and staff?';
    const { text, refused } = ask(question, [MERGER_KO], 'en');
    expect(refused).toBe(false);
    expect(text).toContain('예비인가를 생략할 수 있습니다');
    // "bypass" is a gap in the lexicon, not evidence against the sentence: it is answered with
    // confidence, well clear of the refusal threshold (0.53 when the gap weighs as the rarest word).
    const sources = toContextSources([MERGER_KO]);
    expect(selectSentences(question, sources, 'en').bestSupport).toBeGreaterThan(0.7);
    // …but not one whose topic the glossaries barely reach.
    expect(ask('How do insurers hedge catastrophe bonds abroad?', [MERGER_KO], 'en').refused).toBe(true);
  });

  it('meets a continent or country written in Hangul (Asia = 아시아), never calling it absent', () => {
    const { text, refused } = ask('Which license did Haesolpin obtain, the first in Asia?', [SCHOOLS_KO], 'en');
    expect(refused).toBe(false);
    expect(text).toContain('아시아 최초로');
  });

  it('takes "the Bank of Korea" as one name, absent when only banks and Korea are mentioned', () => {
    const { text, refused } = ask('What did the Bank of Korea say about insurer mergers?', [MERGER_KO], 'en');
    expect(refused).toBe(true);
    expect(text).toContain('Bank of Korea');
  });

  it('keeps a quotation inside the quoted source from ending the quotation early', () => {
    const remarks = passage('윤 부위원장은 “핀테크 기업의 애로를 살펴보겠다”며 간담회의 의미를 언급했다.', {
      title: '핀테크 간담회',
    });
    const { text } = ask('What did the vice chairman say about the meeting?', [remarks], 'en');
    expect(text).toContain('“윤 부위원장은 ‘핀테크 기업의 애로를 살펴보겠다’며');
    expect(answerLanguage(text)).toBe('en');
  });
});

describe('the grammar of Korean questions', () => {
  const LICENSE_KO = passage(
    '상호금융조합을 저축은행으로 바꾸는 경우 별도의 신규인가 없이 인가내용의 변경 방식으로 전환합니다.\n' +
      '상호금융조합의 전환 절차를 발표한 이유는?\n' +
      '교원은 2월부터 교권 침해 긴급 직통전화 ‘1777’로 상담을 받을 수 있다.',
    { title: '상호금융조합 전환 인가방식 안내' },
  );

  it('never takes a conditional, purposive or concessive ending for an absent term (…아니라면, …려면, …더라도)', () => {
    for (const question of [
      '상호금융조합을 저축은행으로 바꿀 때 새로 인가를 내주는 게 아니라면 어떤 방식으로 인가하나요?',
      '상호금융조합을 저축은행으로 바꾸더라도 신규인가가 필요한가요, 아니면 어떤 방식인가요?',
      '상호금융조합이 저축은행으로 바뀌려면 어떤 인가 방식을 거치나요?',
    ]) {
      const { text, refused } = ask(question, [LICENSE_KO], 'ko');
      expect(refused, question).toBe(false);
      expect(text, question).toContain('인가내용의 변경 방식');
      expect(text, question).not.toMatch(/아니라면|바꾸더라도/);
    }
  });

  it('quotes what the source states, never a question the source asks', () => {
    const { text } = ask('상호금융조합 전환 인가방식은 어떤 방식이에요?', [LICENSE_KO], 'ko');
    expect(text).toContain('인가내용의 변경 방식');
    expect(text).not.toContain('발표한 이유는?');
  });

  it('meets everyday words in the official ones (선생님 = 교원, 직통번호 = 직통전화)', () => {
    const { text, refused } = ask(
      '선생님들이 교권 침해를 당했을 때 전화할 수 있는 긴급 직통번호가 따로 생긴다던데 번호가 뭐예요?',
      [LICENSE_KO],
      'ko',
    );
    expect(refused).toBe(false);
    expect(text).toContain('1777');
  });
});

describe('an organisation the sources do not mention', () => {
  const FUND_KO = passage(
    '새솔 혁신펀드 3호는 5,000억원 규모로 조성되며, 모펀드 1,500억원은 정책금융기관이 출자한다.\n' +
      '은행권과 증권사도 자펀드에 참여할 계획이다.',
    { title: '새솔 혁신펀드 3호 조성 계획' },
  );

  it('refuses a question about a bank or a public body named by the lexicon, said to be missing', () => {
    for (const [question, name] of [
      ['수출입은행은 새솔 혁신펀드 3호에 얼마를 출자했나요?', '수출입은행'],
      ['예금보험공사는 새솔 혁신펀드 3호에 얼마를 냈나요?', '예금보험공사'],
    ]) {
      const { text, refused } = ask(question!, [FUND_KO], 'ko');
      expect(refused, question).toBe(true);
      expect(text, question).toContain(`자료에는 ${name}에 대한 언급이 없습니다`);
    }
  });

  it('still answers about the kinds of body the sources write (은행권, 정책금융기관)', () => {
    const { text, refused } = ask('새솔 혁신펀드 3호 모펀드는 정책금융기관이 얼마를 출자하나요?', [FUND_KO], 'ko');
    expect(refused).toBe(false);
    expect(text).toContain('1,500억원');
  });
});

describe('a question whose asked value no sentence states', () => {
  const CARE_KO = passage(
    '2학기에는 모든 초등학교에 돌봄 전담 조직인 ‘온누리지원실’을 설치하고 전담 실무인력도 배치한다.\n' +
      '학교안전지킴이는 올해 2,340명으로 늘린다.\n' +
      '온누리 협의회는 세부 운영기준의 타당성을 점검한다.',
    { title: '온누리 돌봄 지원 계획' },
  );

  it('refuses "몇 명" when the sentences on the subject give no number of people, saying so', () => {
    const { text, refused } = ask('온누리지원실 전담 실무인력은 전국에 모두 몇 명을 배치하나요?', [CARE_KO], 'ko');
    expect(refused).toBe(true);
    expect(text).toContain('자료에는 해당 수량이(가) 나오지 않고 다음 내용만 있습니다');
    expect(text).toContain('전담 실무인력도 배치한다');
  });

  it('refuses "how many members" when no sentence counts them, in English', () => {
    const { text, refused } = ask('How many members sit on the Onnuri council?', [CARE_KO], 'en');
    expect(refused).toBe(true);
    expect(text).not.toContain('2,340');
  });

  it('refuses "…로 뽑힌 곳은 어디" when the sources only say a selection is under way', () => {
    const fund = passage(
      '새솔 펀드 3호는 올해 위탁운용사 선정 등 조성작업에 착수하였으며, 내년부터 투자가 집행될 예정이다.',
      {
        title: '새솔 펀드 3호',
      },
    );
    const { text, refused } = ask('새솔 펀드 3호 위탁운용사로 뽑힌 곳은 어디예요?', [fund], 'ko');
    expect(refused).toBe(true);
    expect(text).toContain('자료에는 해당 이름이(가) 나오지 않고 다음 내용만 있습니다');
    const named = passage('새솔 펀드 3호 위탁운용사로 한결파트너스가 선정되었다.', { title: '새솔 펀드 3호 운용사' });
    expect(ask('새솔 펀드 3호 위탁운용사로 뽑힌 곳은 어디예요?', [named], 'ko').text).toContain('한결파트너스');
  });

  it('refuses "어느 지역에 있는 …인가요?" when the sentence on the topic names no place', () => {
    const pilots = passage('3월부터는 온누리 모델학교 20곳, 시범지역 2개 운영 등을 통해 통합 선도사업을 추진한다.', {
      title: '온누리 선도사업',
    });
    const { text, refused } = ask('온누리 모델학교 20곳은 어느 지역에 있는 학교들인가요?', [pilots], 'ko');
    expect(refused).toBe(true);
    expect(text).toContain('자료에는 해당 장소이(가) 나오지 않고');
    const placed = passage('온누리 모델학교 20곳은 세종시와 청주시에 있다.', { title: '온누리 모델학교' });
    expect(ask('온누리 모델학교 20곳은 어느 지역에 있는 학교들인가요?', [placed], 'ko').text).toContain('세종시');
  });

  it('still answers a count of people, and a time a release states without a date (2학기, 내년)', () => {
    expect(ask('학교안전지킴이는 올해 몇 명인가요?', [CARE_KO], 'ko').text).toContain('2,340명');
    const when = ask('온누리지원실은 모든 초등학교에 언제 설치되나요?', [CARE_KO], 'ko');
    expect(when.refused).toBe(false);
    expect(when.text).toContain('2학기에는');
  });
});

describe('sentences as a PDF lays them out', () => {
  it('reads a sentence the layout broke across lines, into the list it introduces, as one', () => {
    const fund = passage(
      '특히, 새솔 펀드 2호는 투자대상을 특정하지 않았던 1호 펀드와 달리, 투자대상을\n' +
        '①창업단계, ②판로개척 단계, ③수출확대 단계로 세분화하여 맞춤형 투자를 할 예정이다.',
      { title: '새솔 펀드 2호 운용 계획' },
    );
    const { text } = ask('새솔 펀드 2호는 1호와 달리 투자 대상을 어떤 단계로 나눠서 투자하나요?', [fund], 'ko');
    expect(text).toContain('투자대상을 ①창업단계, ②판로개척 단계, ③수출확대 단계로 세분화하여');
  });

  it('quotes a sentence with its footnote, where the release lists what the sentence names', () => {
    const review = passage(
      '단, 조합의 전환은 중요사항의 변경인 만큼 법령상 모든 세부요건*에 대해 심사하겠습니다.\n' +
        '* 출자자 요건, 운영계획의 타당성 요건, 전산설비 요건 등\n' +
        '또한, 외부 점검 절차도 생략 없이 진행하겠습니다.',
      { title: '조합 전환 심사 안내' },
    );
    const { text } = ask('조합 전환 때 세부요건에는 구체적으로 어떤 것들이 있어?', [review], 'ko');
    expect(text).toContain(
      '세부요건*에 대해 심사하겠습니다. (* 출자자 요건, 운영계획의 타당성 요건, 전산설비 요건 등)',
    );
  });

  it('does not take a one-syllable verb of the question (내야) for the start of a noun (내용, 내년)', () => {
    expect(hasStem('구분 주요 내용 지원실적', '내')).toBe(false);
    expect(hasStem('내년부터 시행한다', '내')).toBe(false);
    expect(hasStem('기한까지 내야 한다', '내')).toBe(true);
    expect(hasStem('보험료를 내는 사람', '내')).toBe(true);
  });
});

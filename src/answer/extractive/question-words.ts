import { tokenize } from '../../text/tokenize.js';

/**
 * Words that shape a question but name nothing to look for (얼마, how much, 알려주세요).
 * Their terms are dropped before judging whether a sentence answers the question, so
 * "투자 금액은 얼마인가요?" is judged on 투자 alone, not on words no sentence would contain.
 */
const QUESTION_PHRASES = [
  '얼마',
  '얼마인가요',
  '얼마입니까',
  '얼마나',
  '몇',
  '무엇',
  '무엇인가요',
  '무엇입니까',
  '어디',
  '어디인가요',
  '언제',
  '언제인가요',
  '누구',
  '누구인가요',
  '어떤',
  '어떻게',
  '어느',
  '왜',
  '인가요',
  '입니까',
  '있나요',
  '있습니까',
  '했나요',
  '되나요',
  '하나요',
  '알려줘',
  '알려주세요',
  '알려 주세요',
  '설명해',
  '설명해 주세요',
  '말해줘',
  '궁금합니다',
  '무엇을',
  '무슨',
  '금액',
  '규모',
  '액수',
  '수량',
  '개수',
  '이름',
  '내용',
  '목적',
  '대한',
  '관한',
  '관련',
  'how',
  'much',
  'many',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'will',
  'would',
  'can',
  'could',
  'should',
  'tell',
  'me',
  'please',
  'about',
  'amount',
  'size',
  'total',
  'number',
  'name',
  'there',
  'any',
  'get',
  'give',
  'does',
  'do',
  'did',
  'has',
  'have',
  'had',
  'into',
  'under',
];

export const QUESTION_TERMS: ReadonlySet<string> = new Set(QUESTION_PHRASES.flatMap((p) => tokenize(p)));

/** Terms of a question that a supporting sentence should contain. */
export function contentTerms(question: string): string[] {
  return [...new Set(tokenize(question).filter((t) => !QUESTION_TERMS.has(t)))];
}

/** Does the question ask for an amount, count or date? Then the answer must hold a number. */
export function asksForNumber(question: string): boolean {
  return /얼마|몇|규모|금액|액수|수량|how (much|many)|amount|number of|size of|what (date|year)|when|언제|날짜|연도/i.test(
    question,
  );
}

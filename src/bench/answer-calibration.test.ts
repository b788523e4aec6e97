import { describe, expect, it } from 'vitest';
import type { Passage } from '../types.js';
import type { Retriever } from '../search/types.js';
import { calibrateQuestion, sweep } from './answer-calibration.js';
import { selectSentences } from '../answer/extractive/select.js';
import { toContextSources } from '../answer/context.js';

const page = (id: string, docId: string, text: string): Passage => ({
  id,
  docId,
  ordinal: 0,
  title: docId,
  lang: 'ko',
  text,
});
const GOLD = page('loans - 1', 'loans', '성장기금은 한빛소재에 3천억 원의 저리 대출을 제공한다.');
const OTHER = page('plan - 1', 'plan', '금융당국은 지원 분야를 우주항공으로 넓힐 계획이다.');
const retriever: Retriever = {
  search: async () => [GOLD, OTHER].map((passage, i) => ({ passage, score: 2 - i })),
  stats: async () => ({ documents: 2, chunks: 2 }),
};

describe('calibrateQuestion', () => {
  it('records the highest threshold at which the answerer still answers, with and without the gold document', async () => {
    const question = '한빛소재 대출 규모는?';
    const result = await calibrateQuestion(
      { id: 'q1', question, goldPassageIds: [GOLD.id], goldDocument: (id) => id === 'loans' },
      retriever,
    );
    const answersAt = (t: number) =>
      selectSentences(question, toContextSources([GOLD, OTHER]), 'ko', [], t).sentences.length > 0;
    expect(answersAt(result.withGold)).toBe(true);
    expect(answersAt(result.withGold + 0.005)).toBe(false);
    // Without its document nothing in the context names 한빛소재: refused at any threshold.
    expect(result.withoutGold).toBe(0);
    expect(sweep([result], [0.5])[0]).toMatchObject({ answered: 1, refused: 1, balanced: 1 });
  });
});

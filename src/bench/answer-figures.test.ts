import { describe, expect, it } from 'vitest';
import { figureOutcome, sharedFigures, summarizeFigures } from './answer-figures.js';

describe('figures a reference answer shares with its gold page', () => {
  const gold = '최저자본금은 시중은행 1,000억원, 지방은행 250억원이다. 2024년 4월 9일 발표. 3개 기관이 참여한다.';

  it('keeps amounts, counts with units and dated days the page states, in any spelling', () => {
    const figures = sharedFigures(
      '시중은행은 1천억 원, 지방은행은 250억원이 필요하고 500억원은 아니다. 4월 9일, 3개 기관.',
      gold,
    );
    expect(figures.map((f) => f.text)).toEqual(['1천억 원', '250억원', '4월 9일', '3개']);
  });

  it('leaves out bare numbers and bare years, which say too little', () => {
    expect(sharedFigures('2024년에 3 단계로', gold)).toEqual([]);
  });

  it('scores an answer by the figures it states, and a refusal as stating none', () => {
    const figures = sharedFigures('1,000억원과 250억원', gold);
    const outcomes = [
      figureOutcome('a', figures, { text: 'The minimum is 100 billion won for nationwide banks.', refused: false }),
      figureOutcome('b', figures, { text: '자료에 없습니다.', refused: true }),
    ];
    expect(outcomes.map((o) => o.found)).toEqual([1, 0]);
    expect(summarizeFigures(outcomes)).toEqual({ questions: 2, answered: 0.5, anyFigure: 0.5, figureRecall: 0.25 });
  });
});

import { describe, expect, it } from 'vitest';
import { change, figuresTable, replaceTable, setFiguresOf, TABLE_END, TABLE_START, type Figures } from './figures.js';

const figures = (answer: number, extra: Partial<Figures> = {}): Figures => ({
  commit: 'abc1234',
  label: 'a run',
  sets: { golden: setFiguresOf({ cases: 81, fact_recall: 0.9, answer_accuracy: answer, 'hit@5': 1, cases_x: 3 }) },
  ...extra,
});

describe('the figures table', () => {
  it('keeps the aggregate shares of a summary, rounded, and nothing else', () => {
    expect(setFiguresOf({ cases: 4, fact_recall: 0.123456, by_category: {}, refusal_accuracy: null })).toEqual({
      cases: 4,
      fact_recall: 0.123,
      answer_accuracy: null,
      citation_precision: null,
      refusal_accuracy: null,
      'hit@5': null,
      language_match: null,
    });
  });

  it('shows before → after and marks a fall of more than 0.05', () => {
    expect(change(0.954, 0.939)).toBe('0.954 → 0.939');
    expect(change(0.958, 0.875)).toBe('**0.958 → 0.875**');
    expect(change(null, 0.5)).toBe('– → 0.500');
  });

  it('puts every set and the bench rows in one table', () => {
    const bench = {
      questions: 114,
      threshold: 0.5,
      answered: 0.8,
      refused: 0.9,
      balanced: 0.85,
      figures: { questions: 56, answered: 0.7, anyFigure: 0.5, figureRecall: 0.4 },
    };
    const table = figuresTable(figures(0.954, { answerBench: bench }), figures(0.8, { answerBench: bench }));
    expect(table.split('\n')).toHaveLength(5);
    expect(table).toContain('| `golden` (81) | 0.900 → 0.900 | **0.954 → 0.800** |');
    expect(table).toContain('refused without its document 0.900 → 0.900');
  });

  it('replaces only what stands between the markers, and refuses a document without them', () => {
    const doc = `intro\n${TABLE_START}\nold\n${TABLE_END}\nafter`;
    expect(replaceTable(doc, 'new')).toBe(`intro\n${TABLE_START}\nnew\n${TABLE_END}\nafter`);
    expect(() => replaceTable('no markers', 'new')).toThrow(/no <!-- figures:start/);
  });
});

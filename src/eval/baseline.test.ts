import { describe, expect, it } from 'vitest';
import { baselineOf, checkBaseline, formatBaseline, parseBaseline, type Baseline } from './baseline.js';
import type { CaseResult, EvalRunResult, EvalSummary } from './types.js';

const WHERE = { set: 'made-up', golden: 'evals/made-up.jsonl', corpus: 'corpus' };

function run(passed: Record<string, boolean>, shares: Partial<EvalSummary> = {}): EvalRunResult {
  const cases = Object.entries(passed).map(([id, ok]) => ({ id, passed: ok }) as CaseResult);
  const summary = {
    cases: cases.length,
    'hit@5': 1,
    fact_recall: 0.9,
    answer_accuracy: 0.8,
    citation_precision: 1,
    refusal_accuracy: 0.95,
    language_match: 1,
    ...shares,
  } as EvalSummary;
  return { summary, cases, meta: {} as EvalRunResult['meta'] };
}

describe('answer-set baselines', () => {
  const baseline: Baseline = baselineOf(run({ q1: true, q2: false, q3: true }), WHERE);

  it('records each case and the aggregate shares, and reads back what it wrote', () => {
    expect(baseline.cases).toEqual({ q1: true, q2: false, q3: true });
    expect(baseline.summary).toMatchObject({ cases: 3, answer_accuracy: 0.8, refusal_accuracy: 0.95 });
    const text = formatBaseline(baseline);
    expect(text).toContain('\n    "q2": false,\n');
    expect(parseBaseline(text, 'made-up.json')).toEqual(baseline);
    expect(() => parseBaseline('{"cases":[]}', 'wrong.json')).toThrow(/wrong.json is not an answer-set baseline/);
  });

  it('names a case that passed and fails now, and reports one that now passes apart', () => {
    const check = checkBaseline(run({ q1: false, q2: true, q3: true }), baseline);
    expect(check.newlyFailing).toEqual(['q1']);
    expect(check.newlyPassing).toEqual(['q2']);
    expect(check.belowFloor).toEqual([]);
  });

  it('keeps a floor under each aggregate, a little below the recorded one', () => {
    expect(checkBaseline(run({ q1: true, q2: false, q3: true }, { fact_recall: 0.885 }), baseline).belowFloor).toEqual(
      [],
    );
    expect(checkBaseline(run({ q1: true, q2: false, q3: true }, { fact_recall: 0.87 }), baseline).belowFloor).toEqual([
      'fact_recall 0.87 is below its floor 0.88',
    ]);
  });

  it('notices cases the golden file and the baseline do not share', () => {
    expect(checkBaseline(run({ q1: true, q3: true, q4: true }), baseline).unrecorded).toEqual(['q4', 'q2']);
  });
});

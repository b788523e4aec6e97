/**
 * The offline answerer's quality gate (issue 5): on the sample corpus, both the evaluation's
 * golden set and the answer engineer's own development questions (other phrasings, both
 * languages, unanswerable and injection cases) must reach answer_accuracy ≥ 0.8,
 * refusal_accuracy ≥ 0.9 and language_match ≥ 0.95, graded by the evaluation's grader.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseGolden } from '../../src/eval/golden.js';
import { runEval } from '../../src/eval/runner.js';
import { inProcessTarget } from '../../src/eval/targets.js';
import { ExtractiveChatModel } from '../../src/answer/extractive/extractive-model.js';
import { sampleCorpusIndex } from '../helpers/sample-services.js';

const SETS = {
  'evals/golden.jsonl': '../../evals/golden.jsonl',
  'test/fixtures/answer-dev/questions.jsonl': '../fixtures/answer-dev/questions.jsonl',
};

describe('offline answers on the sample corpus', () => {
  it.each(Object.entries(SETS))('meet the answer thresholds on %s', async (name, path) => {
    const file = fileURLToPath(new URL(path, import.meta.url));
    const cases = parseGolden(await readFile(file, 'utf8'), name);
    const target = inProcessTarget(
      { retriever: await sampleCorpusIndex(), model: new ExtractiveChatModel() },
      'offline',
    );
    const { summary } = await runEval(cases, { target });
    const failing = (metric: string) => `${metric} on ${name}; failing: ${JSON.stringify(summary)}`;
    expect(summary.answer_accuracy, failing('answer_accuracy')).toBeGreaterThanOrEqual(0.8);
    expect(summary.refusal_accuracy, failing('refusal_accuracy')).toBeGreaterThanOrEqual(0.9);
    expect(summary.language_match, failing('language_match')).toBeGreaterThanOrEqual(0.95);
  });
});

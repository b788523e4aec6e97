/**
 * The offline gate on real documents (issues 5 and 17): the embedded default (local index
 * over the FSC press-release PDFs and the ministry HWPX in ../shared/data/docs, extractive
 * answerer) holds the committed per-case baselines of the two answer sets written blind for
 * them (evals/shared-docs-answers.golden.jsonl, evals/shared-docs-holdout.golden.jsonl).
 * A clone without ../shared skips it, saying so.
 */
import { it } from 'vitest';
import { describeWithSharedDocs as describe } from '../helpers/shared-data.js';
import { expectBaselineHeld } from '../helpers/eval-gate.js';
import { ANSWER_SETS, SHARED_DOCS_CORPUS } from '../../src/cli/answer-sets.js';

const REAL_SETS = ANSWER_SETS.filter((s) => s.corpus === SHARED_DOCS_CORPUS);

describe('offline eval on real government releases', () => {
  it.each(REAL_SETS.map((s) => [s.name, s] as const))('holds the baseline of %s', async (_name, set) => {
    await expectBaselineHeld(set);
  });
});

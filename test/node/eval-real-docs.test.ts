/**
 * The offline gate on real documents (issue 5): the embedded default (local index over the
 * FSC press-release PDFs and the ministry HWPX in ../shared/data/docs, extractive answerer)
 * on the answer set written for them, `evals/shared-docs-answers.golden.jsonl` (Korean and
 * English questions; facts, numbers, yes/no, cross-lingual, follow-ups, unanswerable and
 * absent entities). A development set since its first run (c33a0e8: answer 0.514, refusal
 * 0.600); the thresholds sit a little under what the answerer reaches, so a regression on
 * real releases fails here. A clone without ../shared skips it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedDocs as describe, SHARED_DOCS } from '../helpers/shared-data.js';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { buildIndexFromCorpus } from '../../src/cli/index-store.js';
import { LocalIndex } from '../../src/search/local-index.js';
import { createChatModel } from '../../src/answer/model-factory.js';
import { parseConfig } from '../../src/config.js';
import { parseGolden } from '../../src/eval/golden.js';
import { runEval } from '../../src/eval/runner.js';
import { inProcessTarget } from '../../src/eval/targets.js';
import { checkThresholds, type Threshold } from '../../src/eval/thresholds.js';
import { categoryTable } from '../../src/eval/report-markdown.js';

const GOLDEN = 'evals/shared-docs-answers.golden.jsonl';

/**
 * A little under the figures the answerer reaches on this set: fact 0.891, answer 0.886,
 * citation 1.000, refusal 0.956, hit@5 1.000, language 1.000.
 */
const REAL_DOCS_THRESHOLDS: Threshold[] = [
  { metric: 'hit@5', bound: 'min', value: 0.95 },
  { metric: 'fact_recall', bound: 'min', value: 0.85 },
  { metric: 'answer_accuracy', bound: 'min', value: 0.84 },
  { metric: 'citation_precision', bound: 'min', value: 0.95 },
  { metric: 'refusal_accuracy', bound: 'min', value: 0.88 },
  { metric: 'language_match', bound: 'min', value: 0.95 },
];

describe('offline eval on real government releases', () => {
  it(`meets the real-documents thresholds on ${GOLDEN}`, async () => {
    const golden = parseGolden(readFileSync(join(PROJECT_ROOT, GOLDEN), 'utf8'), GOLDEN);
    const built = await buildIndexFromCorpus(SHARED_DOCS);
    const deps = { retriever: new LocalIndex(built.data), model: createChatModel(parseConfig({})) };
    const run = await runEval(golden, { target: inProcessTarget(deps, 'corpus ../shared/data/docs') });

    expect(run.summary.errors).toBe(0);
    const misses = checkThresholds(run.summary, REAL_DOCS_THRESHOLDS);
    const failing = run.cases.filter((c) => !c.passed).map((c) => `${c.id} (${c.category}): ${c.problems.join('; ')}`);
    expect(misses, `${categoryTable(run.summary)}\n\nfailing cases:\n${failing.join('\n')}`).toEqual([]);
  });
});

/**
 * The eval on a corpus and golden file other than the samples: the real FSC PDFs and the
 * ministry HWPX in ../shared/data/docs, with a golden file whose `facts` are empty. Only
 * retrieval (and refusal) can be measured; the fact metrics must say so, not score 0 or 1.
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

describe('eval over real Korean PDFs and HWPX, retrieval only', () => {
  it('measures retrieval on every answerable case and leaves the fact metrics unmeasured', async () => {
    const golden = parseGolden(
      readFileSync(join(PROJECT_ROOT, 'evals/shared-docs.golden.jsonl'), 'utf8'),
      'evals/shared-docs.golden.jsonl',
    );
    const built = await buildIndexFromCorpus(SHARED_DOCS);
    const documents = new Set(built.data.documents.map((d) => d.id));
    // The golden file names documents by the corpus ids of DESIGN.md: every one must exist.
    expect(golden.flatMap((c) => c.sources).filter((id) => !documents.has(id))).toEqual([]);

    const deps = { retriever: new LocalIndex(built.data), model: createChatModel(parseConfig({})) };
    const run = await runEval(golden, { target: inProcessTarget(deps, 'corpus ../shared/data/docs') });

    expect(run.summary.cases).toBe(golden.length);
    expect(run.summary.errors).toBe(0);
    for (const metric of ['hit@1', 'hit@5', 'mrr@10', 'refusal_accuracy', 'language_match'] as const) {
      expect(run.summary[metric]).toBeGreaterThanOrEqual(0);
      expect(run.summary[metric]).toBeLessThanOrEqual(1);
    }
    expect(run.summary.fact_recall).toBeNull();
    expect(run.summary.answer_accuracy).toBeNull();
    // Korean questions about Korean documents: the answer is built from the right document.
    const korean = run.cases.filter((c) => c.lang === 'ko' && c.answerable);
    expect(korean.filter((c) => c.gold_rank === null).map((c) => c.id)).toEqual([]);
  });
});

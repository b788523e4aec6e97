/**
 * The answer sets whose per-case baselines are committed (`evals/baselines/<name>.json`) and
 * gated in `npm test`: the golden set and the development sets over the sample corpus, and
 * the two answer sets over the real releases in ../shared/data/docs. `npm run eval:baseline`
 * records them; test/helpers/eval-gate.ts checks a run against them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../config.js';
import { createChatModel } from '../answer/model-factory.js';
import type { Retriever } from '../search/types.js';
import { LocalIndex } from '../search/local-index.js';
import { parseGolden } from '../eval/golden.js';
import { runEval } from '../eval/runner.js';
import { inProcessTarget } from '../eval/targets.js';
import type { EvalRunResult } from '../eval/types.js';
import { parseBaseline, type Baseline } from '../eval/baseline.js';
import { buildIndexFromCorpus } from './index-store.js';
import { PROJECT_ROOT } from './paths.js';

export interface AnswerSet {
  name: string;
  /** Golden file, relative to the project root. */
  golden: string;
  /** Corpus folder, relative to the project root (`../shared/…` lies beside the checkout). */
  corpus: string;
}

const SAMPLE = 'corpus';
export const SHARED_DOCS_CORPUS = '../shared/data/docs';

export const ANSWER_SETS: readonly AnswerSet[] = [
  { name: 'golden', golden: 'evals/golden.jsonl', corpus: SAMPLE },
  { name: 'answer-dev-questions', golden: 'test/fixtures/answer-dev/questions.jsonl', corpus: SAMPLE },
  { name: 'answer-dev-hard', golden: 'test/fixtures/answer-dev/hard-questions.jsonl', corpus: SAMPLE },
  { name: 'answer-dev-holdout', golden: 'test/fixtures/answer-dev/holdout-questions.jsonl', corpus: SAMPLE },
  { name: 'answer-dev-blind', golden: 'test/fixtures/answer-dev/blind-questions.jsonl', corpus: SAMPLE },
  { name: 'answer-dev-blind2', golden: 'test/fixtures/answer-dev/blind2-questions.jsonl', corpus: SAMPLE },
  { name: 'shared-docs-answers', golden: 'evals/shared-docs-answers.golden.jsonl', corpus: SHARED_DOCS_CORPUS },
  { name: 'shared-docs-holdout', golden: 'evals/shared-docs-holdout.golden.jsonl', corpus: SHARED_DOCS_CORPUS },
];

export const baselinePath = (set: AnswerSet) => join(PROJECT_ROOT, 'evals', 'baselines', `${set.name}.json`);
export const corpusPresent = (set: AnswerSet) => existsSync(join(PROJECT_ROOT, set.corpus));

/** The committed baseline of a set. */
export function readBaseline(set: AnswerSet): Baseline {
  const file = baselinePath(set);
  return parseBaseline(readFileSync(file, 'utf8'), file);
}

const indexes = new Map<string, Promise<Retriever>>();

/** The local index of a set's corpus, built in memory once per process. */
export function corpusIndex(corpus: string): Promise<Retriever> {
  let index = indexes.get(corpus);
  if (!index) {
    index = buildIndexFromCorpus(join(PROJECT_ROOT, corpus)).then((built) => new LocalIndex(built.data));
    indexes.set(corpus, index);
  }
  return index;
}

/** Asks every case of a set of the embedded default (local index, offline answerer), in process. */
export async function runAnswerSet(set: AnswerSet): Promise<EvalRunResult> {
  const golden = parseGolden(readFileSync(join(PROJECT_ROOT, set.golden), 'utf8'), set.golden);
  const deps = { retriever: await corpusIndex(set.corpus), model: createChatModel(parseConfig({})) };
  return runEval(golden, { target: inProcessTarget(deps, `corpus ${set.corpus}`), golden: set.golden });
}

/**
 * The bound as a gate: the golden set through the Upstash adapter (fake server,
 * deterministic fake embedder) reaches hit@5 within 0.02 of the local index.
 * `npm run bench:upstash` prints the full comparison.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { parseGolden } from '../../src/eval/golden.js';
import { runEval } from '../../src/eval/runner.js';
import { inProcessTarget } from '../../src/eval/targets.js';
import { ExtractiveChatModel } from '../../src/answer/extractive/extractive-model.js';
import type { Retriever } from '../../src/search/types.js';
import { sampleCorpusIndex } from '../helpers/sample-services.js';
import { HIT5_TOLERANCE, startSampleUpstash, type UpstashFixture } from '../helpers/upstash.js';

const golden = parseGolden(readFileSync(join(PROJECT_ROOT, 'evals', 'golden.jsonl'), 'utf8'), 'evals/golden.jsonl');
const hit5 = async (retriever: Retriever) =>
  (await runEval(golden, { target: inProcessTarget({ retriever, model: new ExtractiveChatModel() }, 'corpus') }))
    .summary['hit@5']!;

let fixture: UpstashFixture;
beforeAll(async () => {
  fixture = await startSampleUpstash();
}, 60_000);
afterAll(() => fixture?.close());

describe('the golden set through Upstash', () => {
  it(`keeps hit@5 within ${HIT5_TOLERANCE} of the local index`, { timeout: 180_000 }, async () => {
    const local = await hit5(await sampleCorpusIndex());
    const upstash = await hit5(await fixture.open());
    expect(Math.abs(upstash - local), `local ${local}, Upstash ${upstash}`).toBeLessThanOrEqual(HIT5_TOLERANCE + 1e-9);
  });
});

/**
 * `npm run eval:baseline -- [--set NAME,NAME] [--dry-run]`
 *
 * Records the per-case baselines the answer-set gates of `npm test` hold the offline answerer
 * to (src/cli/answer-sets.ts, src/eval/baseline.ts): runs each set in process and writes
 * `evals/baselines/<name>.json`, saying which cases changed since the baseline it replaces.
 * The one way a gate moves: commit the files with the reason in the message. `--dry-run`
 * prints what would change and writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fail, parseCli } from './args.js';
import { PROJECT_ROOT } from './paths.js';
import { ANSWER_SETS, baselinePath, corpusPresent, runAnswerSet } from './answer-sets.js';
import { baselineOf, checkBaseline, formatBaseline, parseBaseline } from '../eval/baseline.js';

const USAGE = `npm run eval:baseline -- [--set NAME,NAME] [--dry-run] (sets: ${ANSWER_SETS.map((s) => s.name).join(', ')})`;

async function main() {
  const { values } = parseCli(USAGE, { set: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const wanted = values.set?.split(',').map((s) => s.trim());
  const unknown = wanted?.filter((name) => !ANSWER_SETS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) fail(`unknown set ${unknown.join(', ')}\nusage: ${USAGE}`);

  for (const set of ANSWER_SETS.filter((s) => !wanted || wanted.includes(s.name))) {
    if (!corpusPresent(set)) {
      console.log(`${set.name}: skipped, ${set.corpus} is missing (check out ../shared beside the repo)`);
      continue;
    }
    const run = await runAnswerSet(set);
    const baseline = baselineOf(run, { set: set.name, golden: set.golden, corpus: set.corpus });
    const file = baselinePath(set);
    const changes: string[] = [];
    if (existsSync(file)) {
      const check = checkBaseline(run, parseBaseline(readFileSync(file, 'utf8'), file));
      if (check.newlyPassing.length) changes.push(`now passing: ${check.newlyPassing.join(', ')}`);
      if (check.newlyFailing.length) changes.push(`now failing: ${check.newlyFailing.join(', ')}`);
      if (check.unrecorded.length) changes.push(`cases added or removed: ${check.unrecorded.join(', ')}`);
    }
    if (!values['dry-run']) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, formatBaseline(baseline));
    }
    const s = baseline.summary;
    const failing = run.cases.filter((c) => !c.passed).length;
    console.log(
      `${set.name}: ${relative(PROJECT_ROOT, file)} (${failing} of ${s.cases} failing; fact ${s.fact_recall} / ` +
        `answer ${s.answer_accuracy} / citation ${s.citation_precision} / refusal ${s.refusal_accuracy})` +
        (changes.length ? `\n  ${changes.join('\n  ')}` : ''),
    );
  }
}

await main();

/**
 * `npm run eval:figures -- [--root DIR] [--label TEXT] [--out FILE] [--table-only]`
 *
 * Measures a checkout (this one, or another's at DIR: a `git worktree` of an older commit)
 * with its own `eval` and `bench:answer` CLIs, on this checkout's golden files and corpora, and
 * writes the aggregates (src/eval/figures.ts) to `evals/figures/current.json` or `--out`. Then
 * rewrites the before/after table of docs/evaluation.md from `evals/figures/before.json` and
 * `current.json`. The sealed set is measured like the others, but its output is never shown:
 * only its summary is kept.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { fail, parseCli } from './args.js';
import { PROJECT_ROOT } from './paths.js';
import { ANSWER_SETS, type AnswerSet } from './answer-sets.js';
import { figuresTable, parseFigures, replaceTable, setFiguresOf, type Figures } from '../eval/figures.js';

const USAGE = 'npm run eval:figures -- [--root DIR] [--label TEXT] [--out FILE] [--table-only]';
const run = promisify(execFile);

const FIGURES_DIR = join(PROJECT_ROOT, 'evals', 'figures');
const BEFORE = join(FIGURES_DIR, 'before.json');
const CURRENT = join(FIGURES_DIR, 'current.json');
const DOC = join(PROJECT_ROOT, 'docs', 'evaluation.md');
/** Written before the answerer changed, never opened while changing it (evals/sealed/README.md). */
const SEALED: AnswerSet = { name: 'sealed', golden: 'evals/sealed/golden.jsonl', corpus: 'evals/sealed/corpus' };
const ALLGANIZE = resolve(PROJECT_ROOT, '../shared/data/allganize-ko');
/** The threshold bench:answer's calibration row is read at (MIN_SUPPORT at every commit measured so far). */
const BENCH_THRESHOLD = 0.5;

/** A child's environment without model or index settings: every figure is the embedded default's. */
const offlineEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(LLM_|EMBEDDING_|RERANK_|UPSTASH_|GROUNDEDNESS_)/.test(k)),
  );

/** Runs a CLI of the checkout at `root` and discards what it prints. */
async function runCli(root: string, script: string, args: string[]) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  try {
    await run(tsx, [join(root, 'src', 'cli', script), ...args], {
      cwd: root,
      env: offlineEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // Not its output: for the sealed set that would show cases.
    throw new Error(`${script} ${args[1] ?? ''} failed in ${root} (exit ${(error as { code?: number }).code})`);
  }
}

async function measure(root: string, label: string): Promise<Figures> {
  const scratch = await mkdtemp(join(tmpdir(), 'eval-figures-'));
  try {
    const sets: Figures['sets'] = {};
    for (const set of [...ANSWER_SETS, SEALED]) {
      const corpus = resolve(PROJECT_ROOT, set.corpus);
      if (!existsSync(corpus)) {
        console.log(`${set.name}: skipped, ${set.corpus} is missing`);
        continue;
      }
      const json = join(scratch, `${set.name}.json`);
      // --report into the scratch folder: the sealed set's failing cases are written there and deleted unread.
      await runCli(root, 'eval.ts', [
        '--golden',
        join(PROJECT_ROOT, set.golden),
        '--corpus',
        corpus,
        '--json',
        json,
        '--report',
        join(scratch, `${set.name}.md`),
      ]);
      const { summary } = JSON.parse(await readFile(json, 'utf8')) as { summary: Record<string, unknown> };
      sets[set.name] = setFiguresOf(summary);
      const f = sets[set.name]!;
      console.log(
        `${set.name}: fact ${f.fact_recall} / answer ${f.answer_accuracy} / citation ${f.citation_precision} / refusal ${f.refusal_accuracy}`,
      );
    }
    const figures: Figures = { commit: await commitOf(root), label, sets };
    if (existsSync(ALLGANIZE)) figures.answerBench = await answerBench(root, join(scratch, 'bench-answer.json'));
    return figures;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function answerBench(root: string, json: string): Promise<NonNullable<Figures['answerBench']>> {
  await runCli(root, 'bench-answer.ts', [
    '--passages',
    join(ALLGANIZE, 'passages.jsonl'),
    '--questions',
    join(ALLGANIZE, 'questions.jsonl'),
    '--json',
    json,
  ]);
  const out = JSON.parse(await readFile(json, 'utf8')) as {
    cases: unknown[];
    sweep: { threshold: number; answered: number; refused: number; balanced: number }[];
    figureSummary: NonNullable<Figures['answerBench']>['figures'];
  };
  const row = out.sweep.find((r) => Math.abs(r.threshold - BENCH_THRESHOLD) < 1e-9);
  if (!row) throw new Error(`bench:answer gave no row at ${BENCH_THRESHOLD}`);
  const round = (v: number) => Number(v.toFixed(3));
  console.log(`bench:answer: answered ${round(row.answered)} / refused ${round(row.refused)}`);
  return {
    questions: out.cases.length,
    threshold: BENCH_THRESHOLD,
    answered: round(row.answered),
    refused: round(row.refused),
    balanced: round(row.balanced),
    figures: out.figureSummary,
  };
}

async function commitOf(root: string): Promise<string> {
  const { stdout } = await run('git', ['-C', root, 'rev-parse', '--short', 'HEAD']);
  const { stdout: status } = await run('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']);
  return stdout.trim() + (status.trim() ? ' (with uncommitted changes)' : '');
}

async function writeTable() {
  if (!existsSync(BEFORE) || !existsSync(CURRENT))
    return console.log('table: evals/figures/before.json or current.json is missing');
  const read = async (file: string) => parseFigures(await readFile(file, 'utf8'), file);
  const [before, after] = [await read(BEFORE), await read(CURRENT)];
  const heading = `Before: \`${before.commit}\`, ${before.label}. After: \`${after.commit}\`, ${after.label}.`;
  const doc = replaceTable(await readFile(DOC, 'utf8'), `${heading}\n\n${figuresTable(before, after)}`);
  // Formatted as \`npm run lint\` checks it, so a refreshed table is a clean diff.
  await writeFile(DOC, await format(doc, { ...(await resolveConfig(DOC)), filepath: DOC }));
  console.log(`table: ${relative(PROJECT_ROOT, DOC)}`);
}

async function main() {
  const { values } = parseCli(USAGE, {
    root: { type: 'string' },
    label: { type: 'string' },
    out: { type: 'string' },
    'table-only': { type: 'boolean' },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  if (!values['table-only']) {
    const root = resolve(values.root ?? PROJECT_ROOT);
    if (!existsSync(join(root, 'node_modules', '.bin', 'tsx'))) fail(`${root} has no node_modules (run npm ci there)`);
    const figures = await measure(root, values.label ?? 'this checkout');
    const out = resolve(values.out ?? CURRENT);
    await writeFile(out, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`figures: ${relative(PROJECT_ROOT, out)}`);
  }
  await writeTable();
}

await main();

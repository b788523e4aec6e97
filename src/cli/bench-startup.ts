/**
 * `npm run bench:startup -- [--runs N]`
 *
 * What a worker isolate pays before its first request (issue 17, start-up cost): the app is
 * bundled with esbuild as wrangler bundles it, and each run evaluates the bundle in a fresh
 * Node process, timing module evaluation in steps (the libraries, the offline answerer's
 * modules, the rest of the app), building the app with the offline model, and the first and
 * second offline answers (the first pays for whatever is built lazily on first use).
 * Prints the median of the runs, in milliseconds of CPU time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fail, parseCli } from './args.js';
import { PROJECT_ROOT } from './paths.js';

const USAGE = 'npm run bench:startup -- [--runs N]';
const DEFAULT_RUNS = 7;

const src = (path: string) => JSON.stringify(join(PROJECT_ROOT, 'src', path));
/** CPU time (user + system) so far, in ms: steady on a machine other work keeps busy, unlike wall time. */
const NOW = '((u) => (u.user + u.system) / 1000)(process.cpuUsage())';
const mark = (label: string) => `globalThis.__marks.push([${JSON.stringify(label)}, ${NOW}]);\n`;

/** The bundle's entry: step markers between imports (ES modules evaluate in import order). */
const ENTRY = `
import './mark-start.js';
import '@langchain/core/language_models/chat_models';
import '@langchain/core/messages';
import '@langchain/core/outputs';
import '@langchain/openai';
import 'hono';
import 'zod';
import './mark-libraries.js';
import { composeExtractiveAnswer } from ${src('answer/extractive/extractive-model.ts')};
import './mark-answerer.js';
import { createApp } from ${src('app.ts')};
import { createServices } from ${src('services.ts')};
import { parseConfig } from ${src('config.ts')};
import { buildPrompt } from ${src('answer/prompts.ts')};
import './mark-app.js';

const step = (label, run) => { run(); globalThis.__marks.push([label, ${NOW}]); };
step('createServices + createApp', () =>
  createApp(createServices(parseConfig({}), async () => { throw new Error('no index in this bench'); })),
);
const sources = [{ n: 1, title: '국민성장펀드, 업스테이지에 5조6천억 원 투자 승인', lang: 'ko', date: '2026-04-30',
  text: '국민성장펀드는 업스테이지(Upstage)에 5조6천억 원을 투자한다. IBK기업은행이 3천억 원을 보탠다.' }];
const ask = () => composeExtractiveAnswer(buildPrompt({ question: 'How much does IBK put in?', history: [], sources, language: 'en' }));
step('first offline answer', ask);
step('second offline answer', ask);
const marks = globalThis.__marks;
console.log(JSON.stringify(marks.slice(1).map(([label, at], i) => [label, at - marks[i][1]])));
`;

const LABELS: Record<string, string> = {
  libraries: 'libraries (LangChain, Hono, zod)',
  answerer: 'offline answerer modules',
  app: 'rest of the app modules',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const { values } = parseCli(USAGE, { runs: { type: 'string' } });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer\nusage: ${USAGE}`);

  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  try {
    writeFileSync(join(dir, 'mark-start.js'), `globalThis.__marks = [['start', ${NOW}]];\n`);
    for (const step of ['libraries', 'answerer', 'app']) writeFileSync(join(dir, `mark-${step}.js`), mark(step));
    writeFileSync(join(dir, 'entry.mjs'), ENTRY);
    const outfile = join(dir, 'bundle.mjs');
    await build({
      entryPoints: [join(dir, 'entry.mjs')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'import'],
      nodePaths: [join(PROJECT_ROOT, 'node_modules')],
      outfile,
      // Node built-ins stay imports: workerd provides them under nodejs_compat, as Node does here.
      external: ['node:*'],
      logLevel: 'error',
    });
    const timings = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [outfile], { encoding: 'utf8' });
      for (const [label, ms] of JSON.parse(out.trim().split('\n').at(-1)!) as [string, number][]) {
        timings.set(label, [...(timings.get(label) ?? []), ms]);
      }
    }
    console.log(`start-up steps, median of ${runs} fresh Node processes (ms of CPU time):`);
    for (const [label, ms] of timings) console.log(`  ${(LABELS[label] ?? label).padEnd(36)} ${median(ms).toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

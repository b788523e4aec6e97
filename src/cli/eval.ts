/**
 * `npm run eval -- [--golden FILE] [--corpus DIR | --endpoint URL] [--json FILE] [--report FILE]
 *   [--concurrency N] [--compare previous.json] [--judge] [--min-<metric> X] [--max-<metric> X]`
 *
 * Runs every golden case in process over a corpus (index built in memory) or against a
 * running deployment, prints the summary and per-category tables, writes the Markdown and
 * HTML reports (and JSON with --json), and exits 1 when a threshold is not met.
 */
import { formatWarning } from '../ingest/progress.js';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fail, parseCli } from './args.js';
import { loadCliConfig, readDevVars } from './dev-vars.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from './paths.js';
import { buildIndexFromCorpus } from './index-store.js';
import { LocalIndex } from '../search/local-index.js';
import { createOpenAIChatModel } from '../answer/model-factory.js';
import { createServices } from '../services.js';
import { answerDeps } from '../answer/answer-deps.js';
import { EXTRACTIVE_MODEL_NAME } from '../answer/extractive/extractive-model.js';
import type { Config } from '../config.js';
import { parseGolden, type GoldenCase } from '../eval/golden.js';
import { DEFAULT_CONCURRENCY, runEval } from '../eval/runner.js';
import { endpointTarget, inProcessTarget, type EvalTarget } from '../eval/targets.js';
import { checkThresholds, extractThresholds, type Threshold } from '../eval/thresholds.js';
import { compareRuns, previousRunSchema, type PreviousRun } from '../eval/compare.js';
import { categoryTable, renderMarkdownReport, summaryTable } from '../eval/report-markdown.js';
import { renderHtmlReport } from '../eval/report-html.js';
import { renderProgress } from '../eval/progress.js';
import { createLlmJudge, JUDGE_CONFIG_NAMES, parseJudgeConfig, type Judge } from '../eval/judge.js';

const USAGE =
  'npm run eval -- [--golden FILE] [--corpus DIR | --endpoint URL] [--json FILE] [--report FILE.html|FILE.md] ' +
  '[--concurrency N] [--compare previous.json] [--judge] [--min-<metric> X] [--max-<metric> X]';

const DEFAULT_GOLDEN = join(PROJECT_ROOT, 'evals', 'golden.jsonl');
const REPORTS_DIR = join(PROJECT_ROOT, 'evals', 'reports');

const shown = (file: string) => (file.startsWith(PROJECT_ROOT + sep) ? relative(PROJECT_ROOT, file) : file);

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 1);
  }
}

function describeModel(config: Config): string {
  return config.llm ? `${config.llm.model} at ${config.llm.baseUrl}` : EXTRACTIVE_MODEL_NAME;
}

async function localTarget(corpusDir: string, config: Config): Promise<EvalTarget> {
  // The channels' own services and deps (model, embedder, translation, groundedness check
  // when configured): the eval measures what users get.
  const services = createServices(config, async (options) => {
    const built = await buildIndexFromCorpus(corpusDir, {
      embedder: options.embedder,
      onWarning: (w) => process.stderr.write(`${formatWarning(w)}\n`),
    });
    if (built.data.documents.length === 0) fail(`no readable documents in ${corpusDir}`, 1);
    process.stderr.write(
      `indexed ${built.data.documents.length} documents (${built.data.chunks.length} chunks) from ${shown(corpusDir)} in ${built.seconds.toFixed(2)} s\n`,
    );
    return new LocalIndex(built.data, options);
  });
  return inProcessTarget(await answerDeps(services), `corpus ${shown(corpusDir)}`);
}

/** The deployment's model, from its /health, for the report header (best effort). */
async function remoteModel(url: string): Promise<string> {
  try {
    const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { mode?: { llm?: string; index?: string } };
    return body.mode ? `${body.mode.llm} model, ${body.mode.index} index (per /health)` : 'unknown';
  } catch {
    return 'unknown (no /health)';
  }
}

function judgeFor(config: Config): Judge {
  const env = {
    ...readDevVars(),
    ...Object.fromEntries(JUDGE_CONFIG_NAMES.map((n) => [n, process.env[n]]).filter(([, v]) => v !== undefined)),
  };
  try {
    const llm = parseJudgeConfig(env, config.llm);
    return createLlmJudge(createOpenAIChatModel(llm, llm.model), `${llm.model} at ${llm.baseUrl}`);
  } catch (error) {
    fail((error as Error).message);
  }
}

/** `--report x.html` writes x.html and x.md; without --report both go to evals/reports/. */
function reportPaths(report: string | undefined, startedAt: string): { html: string; md: string } {
  const base = report
    ? resolve(report).replace(/\.(html?|md)$/i, '')
    : join(REPORTS_DIR, `eval-${startedAt.replace(/[:.]/g, '-')}`);
  if (report && extname(report) && !/^\.(html?|md)$/i.test(extname(report))) {
    fail(`--report must end in .html or .md (got ${basename(report)})`);
  }
  return { html: `${base}.html`, md: `${base}.md` };
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

function progressPrinter(total: number) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let failing = 0;
  let lastDecile = -1;
  return (done: number, _total: number, passed: boolean) => {
    if (!passed) failing++;
    const line = renderProgress({ done, total, failing, elapsedMs: performance.now() - started });
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else {
      // Logs (CI) get a line per tenth, not a line per case.
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile) process.stderr.write(`${line}\n`);
      lastDecile = decile;
    }
  };
}

/** Reads and checks `--compare` before the run, so a wrong file does not waste a long run. */
async function loadPrevious(file: string): Promise<PreviousRun> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(file, '--compare file'));
  } catch {
    fail(`--compare ${file} is not JSON`, 1);
  }
  const previous = previousRunSchema.safeParse(json);
  if (!previous.success) {
    fail(`--compare ${file} is not an eval JSON (needs "summary"): ${previous.error.issues[0]!.message}`, 1);
  }
  return previous.data;
}

async function main() {
  let thresholds: Threshold[];
  let argv: string[];
  try {
    ({ thresholds, rest: argv } = extractThresholds(process.argv.slice(2)));
  } catch (error) {
    fail(`${(error as Error).message}\nusage: ${USAGE}`);
  }
  const { values, positionals } = parseCli(
    USAGE,
    {
      golden: { type: 'string' },
      corpus: { type: 'string' },
      endpoint: { type: 'string' },
      json: { type: 'string' },
      report: { type: 'string' },
      concurrency: { type: 'string' },
      compare: { type: 'string' },
      judge: { type: 'boolean', default: false },
    },
    argv,
  );
  if (values.help) return console.log(`usage: ${USAGE}`);
  if (positionals.length) fail(`unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (values.corpus && values.endpoint) fail('give --corpus or --endpoint, not both');
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    fail(`--concurrency must be a whole number ≥ 1 (got "${values.concurrency}")`);
  if (values.endpoint && !/^https?:\/\/[^\s/]+/i.test(values.endpoint))
    fail(`--endpoint must be an http(s) URL (got "${values.endpoint}")`);

  const config = loadCliConfig();
  // With UPSTASH_* set the in-process pipeline searches Upstash: a corpus named here would be ignored.
  if (config.upstash && values.corpus) {
    fail('UPSTASH_VECTOR_REST_URL is set, so the eval searches Upstash; drop --corpus or unset it');
  }
  const goldenFile = resolve(values.golden ?? DEFAULT_GOLDEN);
  let cases: GoldenCase[];
  try {
    cases = parseGolden(await readText(goldenFile, 'golden file'), shown(goldenFile));
  } catch (error) {
    fail((error as Error).message, 1);
  }
  const judge = values.judge ? judgeFor(config) : undefined;
  const previous = values.compare ? await loadPrevious(resolve(values.compare)) : undefined;
  const paths = reportPaths(values.report, new Date().toISOString());

  const target = values.endpoint
    ? endpointTarget({ url: values.endpoint, apiKey: config.apiKeys[0] })
    : await localTarget(resolve(values.corpus ?? DEFAULT_CORPUS_DIR), config);
  const model = values.endpoint ? await remoteModel(values.endpoint) : describeModel(config);

  const progress = progressPrinter(cases.length);
  const run = await runEval(cases, {
    target,
    concurrency,
    judge,
    golden: shown(goldenFile),
    model,
    onProgress: (done, total, result) => progress(done, total, result.passed),
  });
  const comparison = previous ? compareRuns(run, previous) : undefined;

  console.log(`\n${summaryTable(run.summary, comparison)}\n\n${categoryTable(run.summary)}\n`);
  for (const note of comparison?.notes ?? []) console.log(`note: ${note}`);
  await writeOut(paths.md, renderMarkdownReport(run, comparison));
  await writeOut(paths.html, renderHtmlReport(run, comparison));
  console.log(`reports: ${shown(paths.md)}, ${shown(paths.html)}`);
  if (values.json) {
    await writeOut(resolve(values.json), `${JSON.stringify(run, null, 2)}\n`);
    console.log(`json: ${shown(resolve(values.json))}`);
  }

  const failing = run.cases.filter((c) => !c.passed).length;
  console.log(
    `${failing} of ${run.cases.length} cases failing${run.summary.errors ? `, ${run.summary.errors} with request errors` : ''}`,
  );
  if (run.summary.errors === run.cases.length) {
    fail(`every case failed to get an answer; first error: ${run.cases[0]?.error}`, 1);
  }
  const misses = checkThresholds(run.summary, thresholds);
  for (const miss of misses) process.stderr.write(`threshold not met: ${miss}\n`);
  if (misses.length) process.exit(1);
  if (thresholds.length) console.log(`all ${thresholds.length} thresholds met`);
}

main().catch((error) => fail((error as Error).message, 1));

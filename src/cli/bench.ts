/**
 * `npm run bench -- [--rounds 3] [--requests 30] [--seconds 10] [--sizes 10000,100000] [--skip-scale] [--json FILE]`
 *
 * Speed in one command (issue 14), each figure next to its baseline measured in the same run
 * on the same worker build (src/bench/bench-worker.ts):
 * - `/api/chat` latency, JSON p50/p95 and SSE time to first token, at concurrency 1, and
 *   requests per second at 20: offline against a bare Hono route, and with a zero-latency
 *   fake model against a bare ChatOpenAI pass-through; model calls per question;
 * - start-up CPU (`wrangler check startup`) and the bundle's gzip size (`wrangler deploy --dry-run`);
 * - the local index at 10k/100k chunks against a plain bigram BM25 (`npm run bench:scale`).
 * Rounds interleave the routes, so a noisy machine slows both sides alike. It prints the
 * table, writes docs/performance.md, and exits 1 when a budget is missed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fail, parseCli } from './args.js';
import { PROJECT_ROOT } from './paths.js';
import { startWranglerDev, type WranglerDev } from '../bench/wrangler-dev.js';
import { bundleSize, startupCpuMs } from '../bench/build-figures.js';
import { percentile, throughput, timeFirstToken, timeJson, type JsonRequest } from '../bench/http-timing.js';
import { renderPerformance, scaleChecks, type BenchFigures, type Check } from '../bench/performance-report.js';
import { startFakeOpenAIServer } from '../../test/fakes/openai-server.js';

const USAGE =
  'npm run bench -- [--rounds 3] [--requests 30] [--seconds 10] [--sizes 10000,100000] [--skip-scale] [--json FILE]';
const BENCH_WORKER = 'src/bench/bench-worker.ts';
/** Same-language questions the sample corpus answers: the common path. */
const QUESTIONS = [
  'How much will the National Growth Fund invest in Upstage?',
  '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?',
  'How many AI chips will the National AI Computing Center in Haenam bring in?',
  '퓨처그래프 대출 규모는 얼마인가요?',
];
/** Issue 14's budgets. */
export const BUDGETS = {
  jsonP50Ratio: 1.3,
  ttftRatio: 1.2,
  rpsRatio: 0.8,
  modelCallsPerQuestion: 1,
  startupMs: 40,
  bundleGzipKiB: 400,
};

const median = (values: number[]) => percentile(values, 0.5);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function chatBody(question: string, stream = false) {
  return { messages: [{ role: 'user', content: question }], stream };
}

/** Interleaved rounds: each round times every route once per question, in turn. */
async function latencies(routes: Record<string, (q: string) => Promise<number>>, rounds: number, requests: number) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(routes).map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < requests; i++) {
      const question = QUESTIONS[i % QUESTIONS.length]!;
      for (const [name, time] of Object.entries(routes)) samples[name]!.push(await time(question));
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, { p50: median(values), p95: percentile(values, 0.95) }]),
  );
}

async function warmUp(worker: WranglerDev) {
  for (const question of QUESTIONS) await timeJson({ url: `${worker.url}/api/chat`, body: chatBody(question) });
}

async function scaleFigures(sizes: string): Promise<BenchFigures['scale']> {
  const dir = await mkdtemp(join(tmpdir(), 'fund-scale-'));
  try {
    const json = join(dir, 'scale.json');
    await promisify(execFile)(
      join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      ['src/cli/bench-scale.ts', '--sizes', sizes, '--json', json],
      { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => {
      // bench:scale exits 1 when a target is missed; its JSON still says which.
      if (!error.stdout) throw error;
    });
    return JSON.parse(await readFile(json, 'utf8')) as BenchFigures['scale'];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseCli(USAGE, {
    rounds: { type: 'string', default: '3' },
    requests: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '10' },
    sizes: { type: 'string', default: '10000,100000' },
    'skip-scale': { type: 'boolean', default: false },
    json: { type: 'string' },
    out: { type: 'string', default: join(PROJECT_ROOT, 'docs', 'performance.md') },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const rounds = Number(values.rounds);
  const requests = Number(values.requests);
  const seconds = Number(values.seconds);
  if (![rounds, requests, seconds].every((n) => Number.isInteger(n) && n > 0)) {
    fail(`--rounds, --requests and --seconds must be whole numbers above 0\nusage: ${USAGE}`);
  }

  console.log('bundle and start-up (wrangler) …');
  const bundle = await bundleSize(PROJECT_ROOT);
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) startups.push(await startupCpuMs(PROJECT_ROOT));

  const model = await startFakeOpenAIServer({ chat: () => 'Upstage gets 5.6 trillion won (5조6천억 원) [1].' });
  const offline = await startWranglerDev({ root: PROJECT_ROOT, script: BENCH_WORKER });
  const online = await startWranglerDev({
    root: PROJECT_ROOT,
    script: BENCH_WORKER,
    vars: { LLM_BASE_URL: model.url },
  });
  try {
    await warmUp(offline);
    await warmUp(online);
    console.log(`latency at concurrency 1 (${rounds} rounds × ${requests}) …`);
    const api = (w: WranglerDev): JsonRequest['url'] => `${w.url}/api/chat`;
    const pass = (w: WranglerDev) => `${w.url}/bench/passthrough`;
    const single = await latencies(
      {
        offlineJson: (q) => timeJson({ url: api(offline), body: chatBody(q) }),
        honoJson: () => timeJson({ url: `${offline.url}/bench/hono` }),
        offlineTtft: (q) => timeFirstToken({ url: api(offline), body: chatBody(q, true) }),
        modelJson: (q) => timeJson({ url: api(online), body: chatBody(q) }),
        passJson: (q) => timeJson({ url: pass(online), body: { question: q } }),
        modelTtft: (q) => timeFirstToken({ url: api(online), body: chatBody(q, true) }),
        passTtft: (q) => timeFirstToken({ url: pass(online), body: { question: q, stream: true } }),
      },
      rounds,
      requests,
    );

    console.log('model calls per question …');
    const before = model.chatRequests().length;
    for (const question of QUESTIONS) await timeJson({ url: api(online), body: chatBody(question) });
    const callsPerQuestion = (model.chatRequests().length - before) / QUESTIONS.length;

    console.log(`throughput at concurrency 20 (${seconds} s each) …`);
    const question = QUESTIONS[0]!;
    const rps = {
      offline: await throughput({ url: api(offline), body: chatBody(question) }, 20, seconds),
      hono: await throughput({ url: `${offline.url}/bench/hono` }, 20, seconds),
      model: await throughput({ url: api(online), body: chatBody(question) }, 20, seconds),
      passthrough: await throughput({ url: pass(online), body: { question } }, 20, seconds),
    };

    const scale = values['skip-scale']
      ? undefined
      : (console.log('the local index at scale …'), await scaleFigures(values.sizes!));
    const figures: BenchFigures = {
      measuredAt: new Date().toISOString(),
      bundle,
      startupMs: round(median(startups), 1),
      single,
      rps,
      callsPerQuestion,
      scale,
    };
    const checks: Check[] = [
      {
        what: 'JSON p50 with a model / pass-through',
        value: single.modelJson!.p50 / single.passJson!.p50,
        max: BUDGETS.jsonP50Ratio,
      },
      {
        what: 'SSE first token with a model / pass-through',
        value: single.modelTtft!.p50 / single.passTtft!.p50,
        max: BUDGETS.ttftRatio,
      },
      {
        what: 'rps at 20 with a model / pass-through',
        value: rps.model.rps / rps.passthrough.rps,
        min: BUDGETS.rpsRatio,
      },
      { what: 'model calls per same-language question', value: callsPerQuestion, max: BUDGETS.modelCallsPerQuestion },
      { what: 'start-up CPU (ms)', value: figures.startupMs, max: BUDGETS.startupMs },
      { what: 'bundle gzip (KiB)', value: bundle.gzipKiB, max: BUDGETS.bundleGzipKiB },
      ...scaleChecks(scale),
    ];
    const report = renderPerformance(figures, checks);
    console.log(report);
    await writeFile(values.out!, report);
    if (values.json) await writeFile(values.json, JSON.stringify({ ...figures, checks }, null, 2));
    const missed = checks.filter(
      (c) => (c.max !== undefined && c.value > c.max) || (c.min !== undefined && c.value < c.min),
    );
    if (missed.length > 0) {
      console.error(`budget missed: ${missed.map((c) => c.what).join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    offline.stop();
    online.stop();
    await model.close();
  }
}

main().catch((error) => fail((error as Error).stack ?? String(error), 1));

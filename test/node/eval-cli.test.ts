/**
 * `npm run eval` as CI and staff run it: the real CLI in a child process, in process over
 * a corpus and against a deployment served on loopback HTTP.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { CONFIG_NAMES } from '../../src/config.js';
import { createApp } from '../../src/app.js';
import { sampleServices } from '../helpers/sample-services.js';
import { METRIC_KEYS } from '../../src/eval/types.js';
import { startFakeOpenAIServer } from '../fakes/openai-server.js';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the eval CLI with a clean configuration (no model keys from the caller's shell). */
function runEvalCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(CONFIG_NAMES as string[]).includes(k)));
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/eval.ts', ...args], { cwd: PROJECT_ROOT, env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const goldenLine = (fields: Record<string, unknown>) =>
  JSON.stringify({ lang: 'ko', category: 'number', answerable: true, sources: [], facts: [], ...fields });

// Three cases whose outcome does not depend on how good the answerer is today: nothing in
// the corpus states 9조9천억 원, so fact_recall cannot reach 0.5.
const GOLDEN = [
  goldenLine({
    id: 'a1',
    question: '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?',
    sources: ['2026-04-30-upstage-ko', '2026-04-30-upstage-en'],
    facts: ['9조9천억 원'],
  }),
  goldenLine({
    id: 'a2',
    lang: 'en',
    category: 'unanswerable',
    question: 'What is the interest rate on the Housung loan?',
    answerable: false,
  }),
  goldenLine({
    id: 'a3',
    lang: 'en',
    category: 'number',
    question: 'FAIL-502 How many chips?',
    sources: ['2026-04-30-ai-computing-center-en'],
    // Not the corpus's 15,000: in process the answerer finds that figure, and fact_recall must stay 0.
    facts: ['16,000'],
  }),
].join('\n');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-cli-'));
  await writeFile(join(dir, 'golden.jsonl'), `${GOLDEN}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run eval, in process over a corpus', () => {
  it('writes the contract JSON and both reports, and fails the run on a missed threshold', async () => {
    const result = await runEvalCli([
      '--golden',
      join(dir, 'golden.jsonl'),
      '--corpus',
      'corpus',
      '--json',
      join(dir, 'run.json'),
      '--report',
      join(dir, 'run.html'),
      '--concurrency',
      '2',
      '--min-refusal_accuracy',
      '0',
      '--min-fact_recall=0.5',
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/threshold not met: fact_recall 0 is below the minimum 0\.5/);
    expect(result.stderr).not.toMatch(/threshold not met: refusal_accuracy/);
    expect(result.stderr).toMatch(/\[#+\] 3\/3 100%/);
    expect(result.stdout).toMatch(/\| category \| cases \|/);

    const run = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'));
    for (const key of ['cases', ...METRIC_KEYS, 'by_category']) expect(run.summary).toHaveProperty([key]);
    expect(run.summary.cases).toBe(3);
    expect(Object.keys(run.summary.by_category)).toEqual(['number', 'unanswerable']);
    for (const key of ['cases', ...METRIC_KEYS]) expect(run.summary.by_category.number).toHaveProperty([key]);
    expect(run.cases.map((c: { id: string }) => c.id)).toEqual(['a1', 'a2', 'a3']);
    expect(run.cases[0].facts_missing).toEqual(['9조9천억 원']);
    expect(existsSync(join(dir, 'run.html'))).toBe(true);
    expect(await readFile(join(dir, 'run.md'), 'utf8')).toContain('# Evaluation report');
  });

  it('exits 0 when every threshold is met, and compares with a previous run', async () => {
    const result = await runEvalCli([
      '--golden',
      join(dir, 'golden.jsonl'),
      '--report',
      join(dir, 'again.md'),
      '--compare',
      join(dir, 'run.json'),
      '--min-fact_recall',
      '0',
      '--max-latency_ms_p95',
      '60000',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('all 2 thresholds met');
    expect(result.stdout).toMatch(/\| metric \| value \| previous \| change \|/);
    expect(await readFile(join(dir, 'again.md'), 'utf8')).toMatch(
      /\| fact_recall \| 0\.000 \| 0\.000 \| ±0\.000 \| same \|/,
    );
  });

  it('refuses a --corpus that Upstash configuration would leave unused', async () => {
    const result = await runEvalCli(['--corpus', 'corpus'], {
      UPSTASH_VECTOR_REST_URL: 'http://127.0.0.1:9',
      UPSTASH_VECTOR_REST_TOKEN: 't',
      EMBEDDING_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/UPSTASH_VECTOR_REST_URL is set.*drop --corpus/);
  });

  it('names the bad line of a golden file', async () => {
    await writeFile(
      join(dir, 'bad.jsonl'),
      `${goldenLine({ id: 'b1', question: 'x' })}\n${goldenLine({ id: 'b2', question: 'y', lang: 'fr' })}\n`,
    );
    const bad = await runEvalCli(['--golden', join(dir, 'bad.jsonl')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.jsonl line 2: lang must be "ko" or "en"');
  });
});

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('npm run eval --endpoint', () => {
  let server: Server;
  let url: string;
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    // The real app behind node:http; one question is answered with an honest 502, as a
    // deployment whose model failed would.
    const app = createApp(sampleServices());
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      if (req.url === '/api/chat') authorizations.push(req.headers.authorization);
      if (body.includes('FAIL-502')) {
        res.writeHead(502, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: { code: 'upstream_error', message: 'the answer model failed' } }));
      }
      const response = await app.fetch(
        new Request(`http://127.0.0.1${req.url}`, {
          method: req.method,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
          body: req.method === 'POST' ? body : undefined,
        }),
      );
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks the deployment with the first API key, and records a 502 as that case failing', async () => {
    const result = await runEvalCli(
      [
        '--golden',
        join(dir, 'golden.jsonl'),
        '--endpoint',
        url,
        '--json',
        join(dir, 'remote.json'),
        '--report',
        join(dir, 'remote.html'),
      ],
      {
        API_KEYS: 'first-key, second-key',
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(authorizations).toEqual(['Bearer first-key', 'Bearer first-key', 'Bearer first-key']);
    const run = JSON.parse(await readFile(join(dir, 'remote.json'), 'utf8'));
    expect(run.meta.target).toBe(`endpoint ${url}`);
    expect(run.summary.errors).toBe(1);
    const failed = run.cases.find((c: { id: string }) => c.id === 'a3');
    expect(failed.error).toMatch(/HTTP 502 \(upstream_error: the answer model failed\)/);
    expect(failed.passed).toBe(false);
    const unanswerable = run.cases.find((c: { id: string }) => c.id === 'a2');
    expect(unanswerable).toMatchObject({ refused: true, refusal_correct: true });
  });
});

describe('npm run eval --judge', () => {
  it('asks the EVAL_JUDGE_* model and reports its scores beside the metrics', async () => {
    const fake = await startFakeOpenAIServer({ chat: () => '{"faithfulness": 1, "correctness": 0.5, "reason": "ok"}' });
    try {
      const result = await runEvalCli(
        [
          '--golden',
          join(dir, 'golden.jsonl'),
          '--judge',
          '--json',
          join(dir, 'judged.json'),
          '--report',
          join(dir, 'judged.md'),
        ],
        {
          EVAL_JUDGE_BASE_URL: fake.url,
          EVAL_JUDGE_MODEL: 'judge-model',
        },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(fake.chatRequests().map((r) => r.model)).toEqual(['judge-model', 'judge-model', 'judge-model']);
      const run = JSON.parse(await readFile(join(dir, 'judged.json'), 'utf8'));
      expect(run.summary).toMatchObject({ judge_faithfulness: 1, judge_correctness: 0.5, fact_recall: 0 });
      expect(result.stdout).toMatch(/\| judge_correctness \| 0\.500 \|/);
    } finally {
      await fake.close();
    }
  });
});

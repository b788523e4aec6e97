import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './paths.js';

const run = promisify(execFile);
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `npm run ingest -- ...args` as a user would (without npm's banner), never throwing on exit codes. */
async function ingest(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/ingest.ts', ...args], { cwd: PROJECT_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ingest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fund-ingest-cli-'));
    await mkdir(join(dir, 'corpus'));
    await writeFile(join(dir, 'corpus', 'a.md'), '# 공고\n\n국민성장펀드는 투자를 승인하였다.');
    await writeFile(join(dir, 'corpus', 'b.txt'), '두 번째 공고\n본문입니다.');
    await writeFile(join(dir, 'corpus', 'c.xyz'), 'data');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints warnings on stderr and a summary with throughput, then reuses unchanged files', async () => {
    const args = ['--corpus', join(dir, 'corpus'), '--out', join(dir, 'out', 'index.json')];
    const first = await ingest(...args);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('warning: skipped c.xyz: unsupported format ".xyz"\n');
    expect(first.stdout).toMatch(
      /^indexed 2 documents \(2 pages, 2 chunks\) from 3 files in [\d.]+ s: [\d.]+ pages\/s, [\d.]+ chunks\/s$/m,
    );
    expect(first.stdout).toContain('skipped 1 file: unsupported format ".xyz" (1)');
    expect(first.stdout).toMatch(
      /^index files: [\d.]+ KiB in 2 files, largest [\d.]+ KiB \(Workers serve assets up to 25 MiB each\)$/m,
    );
    expect(first.stdout).toMatch(/^index memory: about [\d.]+ KiB parsed, .* fit up to about [\d,]+$/m);
    expect(first.stdout).not.toContain('--target upstash');

    const second = await ingest(...args);
    expect(second.stdout).toContain('(nothing changed)');
    expect(second.stdout).toContain('reused 3 unchanged files');
  });

  it('prints one line per warning whatever a file name holds, and keeps a file with a bad date (issue 10)', async () => {
    const corpus = join(dir, 'hostile');
    await mkdir(corpus);
    await writeFile(join(corpus, 'x\nwarning: skipped a.md: forged.xyz'), 'data');
    await writeFile(join(corpus, 'typo.md'), '---\ndate: 2026-02-31\n---\n# 공고\n\n본문입니다.');
    const result = await ingest('--corpus', corpus, '--out', join(dir, 'hostile-out', 'index.json'));
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'warning: typo.md: front matter "date" 2026-02-31 is not a calendar date; the document is kept without a date',
      'warning: skipped x\\nwarning: skipped a.md: forged.xyz: unsupported format ".xyz"',
    ]);
    expect(result.stdout).toContain('indexed 1 file with a warning');
    expect(result.stdout).toContain('skipped 1 file: unsupported format ".xyz" (1)');
  });

  it('says what --target upstash needs when Upstash is not configured', async () => {
    const result = await ingest('--target', 'upstash', '--corpus', join(dir, 'corpus'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--target upstash needs UPSTASH_VECTOR_REST_URL and UPSTASH_VECTOR_REST_TOKEN/);
  });
});

/** `npm run ingest -- --target upstash` as a user runs it, against the loopback fakes. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { startUpstashFixture, type UpstashFixture } from '../helpers/upstash.js';

const run = promisify(execFile);
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

let fixture: UpstashFixture;
beforeAll(async () => {
  fixture = await startUpstashFixture();
});
afterAll(() => fixture?.close());

async function ingest(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/ingest.ts', '--target', 'upstash', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...fixture.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each run starts tsx: seconds apiece on a busy machine.
describe('npm run ingest -- --target upstash', { timeout: 120_000 }, () => {
  it('plans on --dry-run, syncs the sample corpus, then finds nothing to do', async () => {
    const plan = await ingest({}, '--dry-run');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/dry run, nothing written: 11 new, 0 changed, 0 unchanged, 0 removed documents/);
    expect(fixture.upstash.vectors('test').size).toBe(0);

    const first = await ingest({});
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^read 11 documents \(\d+ chunks\) from 11 files/m);
    expect(first.stdout).toMatch(/^upserted (\d+) of \1 chunks \([\d.]+ chunks\/s\), deleted 0;/m);
    expect(first.stdout).toMatch(/namespace "test", generation 1$/m);

    const second = await ingest({});
    expect(second.stdout).toContain('0 new, 0 changed, 11 unchanged, 0 removed documents');
    expect(second.stdout).toMatch(/^upserted 0 of \d+ chunks/m);
  });

  it('stops with a named error when Upstash rejects the token', async () => {
    const result = await ingest({ UPSTASH_VECTOR_REST_TOKEN: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: UpstreamError: Upstash Vector rejected the configured credentials \(HTTP 401\) \[upstream_auth\]$/m,
    );
  });

  it('stops with a named error when the embeddings endpoint rejects its key', async () => {
    const result = await ingest({ EMBEDDING_API_KEY: 'wrong', UPSTASH_VECTOR_NAMESPACE: 'other' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: EmbeddingError: the embeddings endpoint .* failed \(HTTP 401\)$/m);
  });
});

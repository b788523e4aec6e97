import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import type { IngestWarning } from '../../src/ingest/types.js';

const run = promisify(execFile);

export interface BoundedIngestResult {
  documents: number;
  chunks: number;
  warnings: IngestWarning[];
  ms: number;
  /** Peak resident memory of the whole process (heap, typed arrays, code), in MB. */
  maxRssMb: number;
}

/**
 * Ingests files in a child Node process whose V8 heap is capped at `heapMb`: a loader
 * that tried to hold a bomb's output would die there (or show it in the peak RSS) instead
 * of taking the test runner down.
 */
export async function ingestInChild(
  files: string | string[],
  heapMb = 300,
  timeoutMs = 60_000,
): Promise<BoundedIngestResult> {
  const { stdout } = await run(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      '--import',
      'tsx',
      join(PROJECT_ROOT, 'test/helpers/ingest-one.ts'),
      ...(typeof files === 'string' ? [files] : files),
    ],
    { cwd: PROJECT_ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as BoundedIngestResult;
}

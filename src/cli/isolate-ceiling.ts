/**
 * How many chunks one worker isolate can hold (`bench:scale --ceiling`). Indexes of growing
 * size are written as `npm run ingest` writes them and loaded in child processes the way
 * the worker loads them (src/cli/index-load-probe.ts), measuring JS heap plus ArrayBuffers.
 * Node is the stand-in for workerd: both run V8, but workerd enforces no memory limit
 * locally and offers no heap figures to a worker, so the 128 MB is checked two ways: the
 * measured peak plus the app's own memory against 128 MB, and a load under
 * `--max-old-space-size=128` (stricter than an isolate: tsx and Node's own heap count too).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './paths.js';
import { writeIndexFiles } from './index-store.js';
import type { LoadProbeResult } from './index-load-probe.js';
import type { Chunk, DocumentMeta } from '../types.js';
import { createIndexData, LOCAL_INDEX_FILE_NAME } from '../search/local-index.js';
import { indexCapacity, ISOLATE_LIMIT_BYTES } from '../search/index-capacity.js';

const run = promisify(execFile);
const PROBE = join(PROJECT_ROOT, 'src', 'cli', 'index-load-probe.ts');
const MIB = 2 ** 20;

export interface CeilingRow {
  chunks: number;
  file_mb: number;
  largest_file_mb: number;
  /** What ingest's report estimates (src/search/index-capacity.ts). */
  estimated_peak_mb: number;
  /** Measured in a child process: the app before any index, and the index while and after loading. */
  app_mb: number;
  peak_mb: number;
  steady_mb: number;
  /** app + peak within 128 MB. */
  fits_isolate: boolean;
  /** Whether the load also succeeded under a 128 MB V8 heap limit. */
  loads_in_128mb_heap: boolean;
}

export interface CeilingResult {
  rows: CeilingRow[];
  /** Chunks whose app + peak reaches 128 MB, on the line through the two largest sizes measured. */
  ceiling_chunks: number;
  method: string;
}

async function probe(indexFile: string, maxOldSpaceMb?: number): Promise<LoadProbeResult | undefined> {
  const flags = maxOldSpaceMb ? [`--max-old-space-size=${maxOldSpaceMb}`] : [];
  try {
    const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', PROBE, indexFile], {
      cwd: PROJECT_ROOT,
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout) as LoadProbeResult;
  } catch (error) {
    if (maxOldSpaceMb) return undefined;
    throw error;
  }
}

const round = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;

export async function measureCeiling(
  sizes: readonly number[],
  corpusOf: (chunks: number) => { documents: DocumentMeta[]; chunks: Chunk[] },
  folder: string,
  onProgress: (message: string) => void = () => {},
): Promise<CeilingResult> {
  const rows: CeilingRow[] = [];
  for (const size of sizes) {
    onProgress(`ceiling: ${size} chunks…`);
    const corpus = corpusOf(size);
    const indexFile = join(folder, `ceiling-${size}`, LOCAL_INDEX_FILE_NAME);
    const manifest = await writeIndexFiles(indexFile, createIndexData(corpus.documents, corpus.chunks));
    const capacity = indexCapacity(manifest);
    const measured = (await probe(indexFile))!;
    rows.push({
      chunks: size,
      file_mb: round(capacity.assetBytes),
      largest_file_mb: round(capacity.largestAssetBytes),
      estimated_peak_mb: round(capacity.peakBytes),
      app_mb: round(measured.appBytes),
      peak_mb: round(measured.peakBytes),
      steady_mb: round(measured.steadyBytes),
      fits_isolate: measured.appBytes + measured.peakBytes <= ISOLATE_LIMIT_BYTES,
      loads_in_128mb_heap: (await probe(indexFile, 128)) !== undefined,
    });
  }
  return { rows, ceiling_chunks: ceilingOf(rows), method: 'node (V8) child processes; see src/cli/isolate-ceiling.ts' };
}

/** Where app + peak crosses 128 MB, on the line through the two largest measurements. */
function ceilingOf(rows: readonly CeilingRow[]): number {
  if (rows.length < 2) return 0;
  const [a, b] = rows.slice(-2) as [CeilingRow, CeilingRow];
  const total = (r: CeilingRow) => (r.app_mb + r.peak_mb) * MIB;
  const perChunk = (total(b) - total(a)) / (b.chunks - a.chunks);
  return perChunk > 0 ? Math.floor(b.chunks + (ISOLATE_LIMIT_BYTES - total(b)) / perChunk) : 0;
}

export function printCeiling(result: CeilingResult): void {
  const header = ['chunks', 'files MiB', 'largest', 'est. peak', 'app', 'peak', 'steady', 'fits 128 MB', '128 MB heap'];
  const widths = [8, 10, 8, 10, 6, 7, 7, 12, 12];
  const line = (cells: string[]) => console.log(cells.map((c, i) => c.padStart(widths[i]!)).join(' '));
  console.log('');
  line(header);
  for (const r of result.rows) {
    line([
      String(r.chunks),
      r.file_mb.toFixed(1),
      r.largest_file_mb.toFixed(1),
      r.estimated_peak_mb.toFixed(1),
      r.app_mb.toFixed(1),
      r.peak_mb.toFixed(1),
      r.steady_mb.toFixed(1),
      r.fits_isolate ? 'yes' : 'no',
      r.loads_in_128mb_heap ? 'loads' : 'out of memory',
    ]);
  }
  console.log(
    `\nceiling: about ${result.ceiling_chunks.toLocaleString('en-US')} chunks per 128 MB isolate ` +
      '(app + peak while loading, JS heap and ArrayBuffers, measured in Node as a stand-in for workerd)',
  );
}

/**
 * Child process of `bench:scale --ceiling`: `tsx src/cli/index-load-probe.ts INDEX_FILE`
 * loads an index the way the worker does (manifest, then shard after shard) and prints, as
 * JSON, the memory it took: JS heap plus ArrayBuffers, as a worker isolate counts them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { heapUsedAfterGc } from './heap.js';

export interface LoadProbeResult {
  /** The app's code and data before any index (what the worker holds anyway). */
  appBytes: number;
  /** The largest amount in use while loading: shards arriving, frequencies not yet let go. */
  peakBytes: number;
  /** What the loaded index keeps, after a few searches (their scratch arrays included). */
  steadyBytes: number;
}

async function probe(indexFile: string): Promise<LoadProbeResult> {
  const start = heapUsedAfterGc();
  await import('../app.js');
  const { decodeIndexFiles, parseManifest } = await import('../search/index-file-reader.js');
  const { LocalIndex } = await import('../search/local-index.js');
  const base = heapUsedAfterGc();

  let peak = 0;
  const sample = () => (peak = Math.max(peak, heapUsedAfterGc() - base));
  const manifest = parseManifest(await readFile(indexFile, 'utf8'));
  let data: Awaited<ReturnType<typeof decodeIndexFiles>> | undefined = await decodeIndexFiles(
    manifest,
    async (file) => {
      const bytes = await readFile(join(dirname(indexFile), file));
      sample();
      return bytes;
    },
  );
  sample();
  const index = new LocalIndex(data, { onWarning: () => {} });
  sample();
  data = undefined;
  for (const query of ['국민성장펀드 투자 규모', '금융위원회 핀테크 혁신펀드 조성', '해남 데이터센터'])
    await index.search(query);
  const steady = heapUsedAfterGc() - base;
  if ((await index.stats()).chunks !== manifest.counts.chunks) throw new Error('the index lost chunks');
  return { appBytes: base - start, peakBytes: Math.max(peak, steady), steadyBytes: steady };
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: tsx src/cli/index-load-probe.ts INDEX_FILE\n');
  process.exit(2);
}
probe(file).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);

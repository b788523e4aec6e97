/**
 * Whether an index fits one worker: each asset under Workers' 25 MiB per-file limit, and
 * the parsed index, plus the shard being read and the worker's own code, inside the 128 MB
 * an isolate may use (JS heap and ArrayBuffers together; Workers platform limits).
 * `npm run ingest` prints this after every build; `bench:scale --ceiling` checks the
 * estimate against measured loads.
 */
import type { IndexFileManifest } from './index-file.js';

export const ASSET_LIMIT_BYTES = 25 * 2 ** 20;
/** "128 MB" per isolate, read as decimal megabytes: the smaller reading, so the safer one. */
export const ISOLATE_LIMIT_BYTES = 128 * 10 ** 6;
/**
 * The worker before any index is loaded: its code, the domain lexicon and glossaries.
 * `bench:scale --ceiling` measured 17.4 MiB (the app's modules loaded in Node); rounded up.
 */
export const WORKER_BASELINE_BYTES = 18 * 2 ** 20;

/**
 * Bytes a loaded index keeps per item, from the data structures (src/search/bm25.ts,
 * word-positions.ts, index-file.ts) and checked against measured loads by
 * `bench:scale --ceiling`.
 */
const BYTES = {
  /** Chunk ordinal (4) and impact (4). */
  posting: 8,
  impact: 4,
  /** The two frequency bytes per posting, alive until the impacts are computed. */
  postingWhileLoading: 2,
  /** The chunk object, its id string, word count and start (texts are counted apart). */
  chunk: 180,
  /** A term or word: its string, its map entry and its array slot. */
  term: 90,
  document: 400,
};

export interface IndexCapacity {
  assetBytes: number;
  largestAssetBytes: number;
  /** The parsed index, texts included. */
  heapBytes: number;
  /**
   * While loading: the index and the frequencies it is computed from at the end, or earlier
   * a shard in hand before the impacts exist, whichever is more.
   */
  peakBytes: number;
  /** What one isolate offers an index: the limit less the worker's baseline. */
  budgetBytes: number;
  fitsAssets: boolean;
  fitsIsolate: boolean;
  /** How many chunks like these fit one isolate. */
  chunkCeiling: number;
}

export function indexCapacity(manifest: IndexFileManifest, manifestBytes = 0): IndexCapacity {
  const { counts, dense } = manifest;
  const vectorBytes = dense ? dense.dimensions + 4 : 0;
  const perChunk =
    (counts.chunks
      ? (counts.postings * BYTES.posting + counts.positionBytes + counts.textHeapBytes) / counts.chunks
      : 0) +
    BYTES.chunk +
    vectorBytes;
  const fixed = (counts.terms + counts.words) * BYTES.term + counts.documents * BYTES.document;
  const heapBytes = Math.round(fixed + perChunk * counts.chunks);
  const largestAssetBytes = Math.max(manifestBytes, ...manifest.shards.map((s) => s.bytes));
  const peakBytes = Math.max(
    heapBytes + counts.postings * BYTES.postingWhileLoading,
    heapBytes - counts.postings * BYTES.impact + largestAssetBytes,
  );
  const budgetBytes = ISOLATE_LIMIT_BYTES - WORKER_BASELINE_BYTES;
  const peakPerChunk = perChunk + (counts.chunks ? (counts.postings * BYTES.postingWhileLoading) / counts.chunks : 0);
  return {
    assetBytes: manifestBytes + manifest.shards.reduce((sum, s) => sum + s.bytes, 0),
    largestAssetBytes,
    heapBytes,
    peakBytes,
    budgetBytes,
    fitsAssets: largestAssetBytes <= ASSET_LIMIT_BYTES,
    fitsIsolate: peakBytes <= budgetBytes,
    chunkCeiling: peakPerChunk > 0 ? Math.floor((budgetBytes - fixed) / peakPerChunk) : 0,
  };
}

const mib = (bytes: number) =>
  bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`;

/** The lines `npm run ingest` prints about the index it wrote. */
export function formatCapacity(c: IndexCapacity, files: number): string[] {
  const lines = [
    `index files: ${mib(c.assetBytes)} in ${files} files, largest ${mib(c.largestAssetBytes)} ` +
      `(Workers serve assets up to ${mib(ASSET_LIMIT_BYTES)} each)`,
    `index memory: about ${mib(c.heapBytes)} parsed, ${mib(c.peakBytes)} while loading, of the ` +
      `${mib(c.budgetBytes)} a 128 MB worker isolate leaves it; chunks like these fit up to about ${c.chunkCeiling.toLocaleString('en-US')}`,
  ];
  if (!c.fitsAssets || !c.fitsIsolate) {
    lines.push(
      'this corpus is past what one worker can hold: index it into Upstash Vector with ' +
        '`npm run ingest -- --target upstash` (production mode)',
    );
  }
  return lines;
}

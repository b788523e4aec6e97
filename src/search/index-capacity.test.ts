import { describe, expect, it } from 'vitest';
import { createIndexData } from './local-index.js';
import { encodeIndexFiles, type IndexFileManifest } from './index-file.js';
import { formatCapacity, indexCapacity, ISOLATE_LIMIT_BYTES, WORKER_BASELINE_BYTES } from './index-capacity.js';

const { manifest } = encodeIndexFiles(
  createIndexData(
    [{ id: 'a', title: '공고', lang: 'ko' }],
    [{ id: 'a#0', docId: 'a', ordinal: 0, text: '국민성장펀드는 업스테이지에 대한 투자를 승인하였다.' }],
  ),
);

/** The same corpus, `times` over: what a larger corpus of such chunks would count. */
function scaled(times: number): IndexFileManifest {
  const c = manifest.counts;
  return {
    ...manifest,
    counts: {
      ...c,
      chunks: c.chunks * times,
      postings: c.postings * times,
      positionBytes: c.positionBytes * times,
      textHeapBytes: c.textHeapBytes * times,
    },
    shards: Array.from({ length: Math.ceil(times / 100_000) }, (_, i) => ({
      file: `local-index-${i}.bin`,
      bytes: 20 * 2 ** 20,
    })),
  };
}

describe('indexCapacity', () => {
  it('finds a small index within one worker and says how far such chunks go', () => {
    const capacity = indexCapacity(manifest, 400);
    expect(capacity).toMatchObject({ fitsAssets: true, fitsIsolate: true });
    expect(capacity.budgetBytes).toBe(ISOLATE_LIMIT_BYTES - WORKER_BASELINE_BYTES);
    expect(capacity.chunkCeiling).toBeGreaterThan(10_000);
    expect(formatCapacity(capacity, 2).join('\n')).not.toContain('upstash');
  });

  it('points a corpus past one isolate to Upstash, and its ceiling stays what the chunks allow', () => {
    const small = indexCapacity(scaled(1_000), 400);
    const large = indexCapacity(scaled(10_000_000), 400);
    expect(small.fitsIsolate).toBe(true);
    expect(large.fitsIsolate).toBe(false);
    expect(large.peakBytes).toBeGreaterThan(large.heapBytes);
    expect(Math.abs(large.chunkCeiling - small.chunkCeiling)).toBeLessThan(small.chunkCeiling * 0.01);
    expect(formatCapacity(large, 3).at(-1)).toMatch(
      /past what one worker can hold.*npm run ingest -- --target upstash/,
    );
  });

  it('flags an asset over the 25 MiB limit', () => {
    const oversized = { ...manifest, shards: [{ file: 'local-index-0.bin', bytes: 30 * 2 ** 20 }] };
    expect(indexCapacity(oversized).fitsAssets).toBe(false);
  });
});

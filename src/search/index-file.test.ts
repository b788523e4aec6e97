import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta } from '../types.js';
import { createIndexData, IndexFormatError, LOCAL_INDEX_VERSION, LocalIndex } from './local-index.js';
import { encodeIndexFiles, MAX_SHARD_BYTES } from './index-file.js';
import { decodeIndexFiles, loadLocalIndex, parseManifest } from './index-file-reader.js';

const documents: DocumentMeta[] = [
  { id: 'upstage-ko', title: '국민성장펀드, 업스테이지에 5조6천억 원 투자 승인', date: '2026-04-30', lang: 'ko' },
  { id: 'report', title: 'Supply chain loans', lang: 'en', url: 'https://example.org/r', tags: ['loan'], pages: 2 },
];
const sentence = (i: number) => `금융위원회는 ${i}번째 안건으로 업스테이지 투자와 해남 센터 구축을 논의하였다.`;
const chunks: Chunk[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    id: `upstage-ko#${i}`,
    docId: 'upstage-ko',
    ordinal: i,
    text: Array.from({ length: 5 }, (_, k) => sentence(i * 5 + k)).join(' '),
    ...(i % 3 === 0 ? { headings: ['재원 구성', `항목 ${i % 2}`] } : {}),
  })),
  { id: 'report#0', docId: 'report', ordinal: 0, page: 2, text: 'Estigen Bio receives a loan of 850 billion won.' },
  // Not `docId#ordinal`: kept as written.
  { id: 'report/annex', docId: 'report', ordinal: 1, text: 'Annex: 15,000 chips for the data center.' },
];
const data = createIndexData(documents, chunks, { builtAt: new Date('2026-05-01T00:00:00Z') });
const queries = ['업스테이지 투자', '해남 센터 17번째', '850 billion won loan', '1만5천 장'];

/** Encodes with small shards and loads the files back, as the worker reads its assets. */
async function roundTrip(maxShardBytes?: number) {
  const files = encodeIndexFiles(data, { maxShardBytes });
  const byName = new Map(files.shards.map((s) => [s.file, s.bytes]));
  const index = await loadLocalIndex(JSON.stringify(files.manifest), async (file) => byName.get(file)!);
  return { files, index };
}

describe('index files', () => {
  it('answer the same after a round trip, whatever the shard size', async () => {
    const original = new LocalIndex(data);
    for (const maxShardBytes of [undefined, 4096]) {
      const { files, index } = await roundTrip(maxShardBytes);
      for (const query of queries) expect(await index.search(query)).toEqual(await original.search(query));
      expect(await index.stats()).toEqual({ documents: 2, chunks: 42, languages: { ko: 40, en: 2 } });
      expect(index.documents()).toEqual(documents);
      if (maxShardBytes) expect(files.shards.length).toBeGreaterThan(3);
    }
  });

  it('keep every chunk field, headings, pages and ids as written', async () => {
    const files = encodeIndexFiles(data, { maxShardBytes: 4096 });
    const byName = new Map(files.shards.map((s) => [s.file, s.bytes]));
    const decoded = await decodeIndexFiles(files.manifest, async (file) => byName.get(file)!);
    expect(decoded.chunks).toEqual(chunks);
    expect(decoded.glossary).toEqual(data.glossary);
    expect(decoded.positions.bytes).toEqual(data.positions.bytes);
  });

  it('keep each shard under the asset limit they are cut for', () => {
    expect(MAX_SHARD_BYTES).toBeLessThan(25 * 2 ** 20);
    const files = encodeIndexFiles(data, { maxShardBytes: 4096 });
    for (const shard of files.shards) expect(shard.bytes.length).toBeLessThanOrEqual(4096);
    expect(files.manifest.shards.map((s) => s.bytes)).toEqual(files.shards.map((s) => s.bytes.length));
    expect(files.manifest.shards[0]!.file).toBe('local-index-0.bin');
  });

  it('refuse a file that is not a current index with a message saying how to fix it', () => {
    const { manifest } = encodeIndexFiles(data);
    expect(() => parseManifest('{not json')).toThrow(/not valid JSON.*npm run ingest/);
    expect(() => parseManifest('{"format":"other"}')).toThrow(IndexFormatError);
    // The one-file JSON index of version 3 and before.
    const old = { format: manifest.format, version: LOCAL_INDEX_VERSION - 1, documents: [], chunks: [] };
    expect(() => parseManifest(JSON.stringify(old))).toThrow(/format version 3.*npm run ingest/);
  });

  it('refuse damaged, missing or mismatched shards', async () => {
    const files = encodeIndexFiles(data, { maxShardBytes: 4096 });
    const manifest = JSON.stringify(files.manifest);
    const load = (read: (file: string, i: number) => Uint8Array) =>
      loadLocalIndex(manifest, async (file) =>
        read(
          file,
          files.shards.findIndex((s) => s.file === file),
        ),
      );
    const shard = (i: number) => files.shards[i]!.bytes;
    await expect(load((_, i) => shard(i).subarray(0, shard(i).length - 3))).rejects.toThrow(/damaged.*npm run ingest/);
    await expect(load((_, i) => shard(i === 1 ? 2 : i))).rejects.toThrow(/another build/);
    const other = encodeIndexFiles(data, { maxShardBytes: 4096 });
    await expect(load((_, i) => other.shards[i]!.bytes)).rejects.toThrow(/another build/);
    await expect(load((_, i) => (i === 0 ? shard(0) : new Uint8Array()))).rejects.toThrow(IndexFormatError);
  });
});

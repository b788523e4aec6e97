import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server.js';
import type { Chunk, DocumentMeta } from '../types.js';
import { DenseIndex, encodeDense } from './dense.js';
import { createOpenAIEmbedder, EmbeddingError, modelFor } from './embeddings.js';
import { reciprocalRankFusion } from './fusion.js';
import { createIndexData, embedChunks, LocalIndex } from './local-index.js';
import { encodeIndexFiles } from './index-file.js';
import { loadLocalIndex } from './index-file-reader.js';
import { seededRandom } from '../bench/synthetic-corpus.js';

/**
 * A stand-in for a multilingual embedding model: one dimension per concept, whatever the
 * language it is written in, so dense search can find what keywords cannot.
 */
const CONCEPTS = [
  ['자동차', 'car', 'vehicle', 'motorcar'],
  ['배터리', '이차전지', 'battery'],
  ['병원', 'hospital', 'clinic'],
  ['농업', 'farm', 'agriculture'],
];
function conceptEmbedding(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0.01);
  const lower = text.toLowerCase();
  CONCEPTS.forEach((words, i) => {
    if (words.some((w) => lower.includes(w))) v[i] = 1;
  });
  return v;
}

const documents: DocumentMeta[] = [
  { id: 'cars', title: '완성차 업계 지원', lang: 'ko' },
  { id: 'farms', title: '스마트팜 융자', lang: 'ko' },
  { id: 'clinic', title: 'Regional clinics', lang: 'en' },
];
const chunks: Chunk[] = [
  { id: 'cars#0', docId: 'cars', ordinal: 0, text: '자동차 부품 기업에 정책자금을 공급한다.' },
  { id: 'farms#0', docId: 'farms', ordinal: 0, text: '농업 법인의 시설 현대화를 돕는다.' },
  { id: 'clinic#0', docId: 'clinic', ordinal: 0, text: 'Loans help hospitals in rural areas.' },
];

let fake: FakeOpenAIServer;
beforeAll(async () => {
  fake = await startFakeOpenAIServer({ embed: conceptEmbedding, dimensions: 8, apiKey: 'test-key' });
});
afterAll(() => fake.close());

const embedder = () => createOpenAIEmbedder({ baseUrl: fake.url, apiKey: 'test-key', model: 'fake-embed' });

describe('createOpenAIEmbedder', () => {
  it('embeds in batches, decoding base64 vectors in input order', async () => {
    const before = fake.requests.length;
    const e = createOpenAIEmbedder({ baseUrl: fake.url, apiKey: 'test-key', model: 'fake-embed', batchSize: 2 });
    const vectors = await e.embed(['car', 'farm', 'clinic', 'battery', 'none'], 'passage');
    expect(vectors).toHaveLength(5);
    expect(vectors.map((v) => v.indexOf(1))).toEqual([0, 3, 2, 1, -1]);
    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(3);
    expect(sent[0]!.body).toMatchObject({ model: 'fake-embed', input: ['car', 'farm'], encoding_format: 'base64' });
  });

  it('uses the query or passage half of a Solar embedding model', () => {
    expect(modelFor('solar-embedding-1-large', 'query')).toBe('solar-embedding-1-large-query');
    expect(modelFor('solar-embedding-2-passage', 'query')).toBe('solar-embedding-2-query');
    expect(modelFor('text-embedding-3-small', 'passage')).toBe('text-embedding-3-small');
  });

  it('embeds questions and chunks with their own model names', async () => {
    const before = fake.requests.length;
    const e = createOpenAIEmbedder({
      baseUrl: fake.url,
      apiKey: 'test-key',
      queryModel: 'q-model',
      passageModel: 'p-model',
    });
    expect([e.model, e.queryModel]).toEqual(['p-model', 'q-model']);
    await e.embed(['car'], 'query');
    await e.embed(['car'], 'passage');
    expect(fake.requests.slice(before).map((r) => (r.body as { model: string }).model)).toEqual(['q-model', 'p-model']);
  });

  it('names the endpoint and the status on failure, never the key', async () => {
    const e = createOpenAIEmbedder({ baseUrl: fake.url, apiKey: 'wrong-key', model: 'fake-embed' });
    const error = await e.embed(['car'], 'query').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).status).toBe(401);
    expect((error as Error).message).toContain(`${fake.url}/embeddings failed (HTTP 401)`);
    expect((error as Error).message).not.toContain('wrong-key');
  });

  it('reports an unreachable endpoint and a silent one', async () => {
    const closed = createOpenAIEmbedder({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm' });
    await expect(closed.embed(['car'], 'query')).rejects.toThrow(/unreachable/);

    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const slow = createOpenAIEmbedder({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', timeoutMs: 150 });
    await expect(slow.embed(['car'], 'query')).rejects.toMatchObject({
      name: 'EmbeddingTimeoutError',
      message: expect.stringContaining('did not answer within 150 ms'),
    });
    silent.closeAllConnections();
    silent.close();
  });
});

describe('hybrid search', () => {
  it('finds by meaning what keywords miss, fused with the keyword ranking', async () => {
    const dense = await embedChunks(documents, chunks, embedder());
    const index = new LocalIndex(createIndexData(documents, chunks, { dense }), { embedder: embedder() });
    // No shared keyword and no glossary entry: only the vectors connect "motorcar" and 자동차.
    expect((await index.search('motorcar parts makers'))[0]?.passage.id).toBe('cars#0');
    // Keywords and vectors agree: the clinic passage leads.
    expect((await index.search('hospital loans'))[0]?.passage.id).toBe('clinic#0');
    const lexicalOnly = new LocalIndex(createIndexData(documents, chunks, { dense }));
    expect(await lexicalOnly.search('motorcar parts makers')).toEqual([]);
  });

  it('keeps its vectors through the index files and applies filters to them', async () => {
    const dense = await embedChunks(documents, chunks, embedder());
    const files = encodeIndexFiles(createIndexData(documents, chunks, { dense }), { maxShardBytes: 2048 });
    const byName = new Map(files.shards.map((s) => [s.file, s.bytes]));
    const read = async (file: string) => byName.get(file)!;
    const index = await loadLocalIndex(JSON.stringify(files.manifest), read, { embedder: embedder() });
    expect((await index.search('vehicle'))[0]?.passage.id).toBe('cars#0');
    expect(await index.search('vehicle', { filters: { lang: 'en' } })).not.toContainEqual(
      expect.objectContaining({ passage: expect.objectContaining({ id: 'cars#0' }) }),
    );
  });

  it('falls back to keywords, with a warning, when the vectors are from another model or absent', async () => {
    const dense = await embedChunks(documents, chunks, embedder());
    const warnings: string[] = [];
    const other = createOpenAIEmbedder({ baseUrl: fake.url, apiKey: 'test-key', model: 'other-model' });
    const index = new LocalIndex(createIndexData(documents, chunks, { dense }), {
      embedder: other,
      onWarning: (m) => warnings.push(m),
    });
    expect(await index.search('motorcar')).toEqual([]);
    new LocalIndex(createIndexData(documents, chunks), { embedder: other, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      expect.stringContaining('come from fake-embed, queries would use other-model'),
      expect.stringContaining('holds no vectors'),
    ]);
  });

  it('fails the search with the endpoint error when query embedding fails', async () => {
    const dense = await embedChunks(documents, chunks, embedder());
    const broken = createOpenAIEmbedder({ baseUrl: fake.url, apiKey: 'expired', model: 'fake-embed' });
    const index = new LocalIndex(createIndexData(documents, chunks, { dense }), { embedder: broken });
    await expect(index.search('vehicle')).rejects.toMatchObject({ name: 'EmbeddingError', status: 401 });
  });

  it('refuses a vector count that does not match the chunks', () => {
    expect(() => createIndexData(documents, chunks, { dense: { model: 'm', vectors: [new Float32Array(4)] } })).toThrow(
      /1 vectors were given for 3 chunks/,
    );
  });
});

describe('DenseIndex', () => {
  it('ranks like exact cosine similarity despite one-byte components', () => {
    const random = seededRandom(7);
    const vectors = Array.from({ length: 200 }, () => Float32Array.from({ length: 64 }, () => random() * 2 - 1));
    const index = DenseIndex.fromData(encodeDense('m', vectors), 200);
    const query = Float32Array.from({ length: 64 }, () => random() * 2 - 1);
    const cosine = (v: Float32Array) => {
      let dot = 0;
      let a = 0;
      let b = 0;
      v.forEach((x, i) => ((dot += x * query[i]!), (a += x * x), (b += query[i]! * query[i]!)));
      return dot / Math.sqrt(a * b);
    };
    const exact = vectors
      .map((v, doc) => ({ doc, score: cosine(v) }))
      .sort((x, y) => y.score - x.score)
      .slice(0, 10)
      .map((h) => h.doc);
    const found = index.search(query, 10).map((h) => h.doc);
    expect(found.filter((d) => exact.includes(d)).length).toBeGreaterThanOrEqual(9);
    expect(index.search(query, 1)[0]!.score).toBeCloseTo(cosine(vectors[found[0]!]!), 2);
  });
});

describe('reciprocalRankFusion', () => {
  it('adds 1 / (60 + rank) over the rankings', () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [3, 1],
    ]);
    expect(fused.map((f) => f.doc)).toEqual([1, 3, 2]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});

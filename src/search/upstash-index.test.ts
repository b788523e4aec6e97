import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Chunk, DocumentMeta } from '../types.js';
import { UpstreamError } from '../errors.js';
import { createOpenAIEmbedder } from './embeddings.js';
import { metaNamespace, MANIFEST_ID } from './upstash-manifest.js';
import { SyncError, type SyncCorpus } from './upstash-sync.js';
import { startUpstashFixture, FAKE_DIMENSIONS, type UpstashFixture } from '../../test/helpers/upstash.js';
import { hashedEmbedding } from '../../test/fakes/openai-server.js';
import { Index as NodeIndex } from '@upstash/vector';
import { createUpstashRequester } from './upstash-requester.js';

const documents: DocumentMeta[] = [
  {
    id: 'upstage-ko',
    title: '국민성장펀드, 업스테이지(Upstage)에 투자',
    date: '2026-04-30',
    lang: 'ko',
    tags: ['AI'],
  },
  { id: 'haenam-ko', title: '해남 국가AI컴퓨팅센터 구축', date: '2026-04-30', lang: 'ko', tags: ['infrastructure'] },
  { id: 'loans-en', title: 'Low-interest loans for supply chains', date: '2024-04-09', lang: 'en', tags: ['loan'] },
];
const chunks: Chunk[] = [
  {
    id: 'upstage-ko#0',
    docId: 'upstage-ko',
    ordinal: 0,
    text: '금융위원회는 국민성장펀드가 업스테이지에 5조6천억 원을 투자하는 안건을 승인하였다.',
  },
  {
    id: 'upstage-ko#1',
    docId: 'upstage-ko',
    ordinal: 1,
    text: '첨단전략산업기금이 1조 원을 맡고 IBK기업은행이 3천억 원을 보탠다.',
    headings: ['재원 구성'],
  },
  {
    id: 'haenam-ko#0',
    docId: 'haenam-ko',
    ordinal: 0,
    text: '민관 합작 특수목적법인이 AI 반도체 1만5천 장을 도입한다. 센터는 2028년 완공이 목표다.',
  },
  {
    id: 'loans-en#0',
    docId: 'loans-en',
    ordinal: 0,
    text: 'Estigen Bio receives a long-term low-interest loan of 850 billion won to expand biosimilar production.',
  },
];
const corpus: SyncCorpus = { documents, chunks, glossary: [['업스테이지', 'Upstage']] };

let fx: UpstashFixture;
beforeEach(async () => {
  fx = await startUpstashFixture();
});
afterEach(() => fx.close());

const ids = async (query: string, options = {}) =>
  (await (await fx.open()).search(query, options)).map((h) => h.passage.id);
const stored = (ns = 'test') => [...fx.upstash.vectors(ns).keys()].sort();
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable(),
    (e: unknown) => e as UpstreamError,
  );

/**
 * upstage-ko loses its second chunk (its heading moves to the first), loans-en is renamed:
 * the average lengths stay within NORM_DRIFT, so the other documents are unchanged.
 */
const edited: SyncCorpus = {
  documents: [...documents.slice(0, 2), { ...documents[2]!, id: 'loans2-en' }],
  chunks: [
    { ...chunks[0]!, text: chunks[0]!.text.replace('승인하였다', '의결하였다'), headings: ['재원 구성'] },
    chunks[2]!,
    { ...chunks[3]!, id: 'loans2-en#0', docId: 'loans2-en' },
  ],
  glossary: corpus.glossary,
};

describe('syncToUpstash', () => {
  it('upserts every chunk with both vectors, and the manifest, statistics and glossary beside them', async () => {
    const summary = await fx.sync(corpus);
    expect(summary.documents).toMatchObject({ total: 3, added: 3, unchanged: 0 });
    expect(summary.chunks).toEqual({ total: 4, upserted: 4, deleted: 0 });
    expect(stored()).toEqual(['haenam-ko#0', 'loans-en#0', 'upstage-ko#0', 'upstage-ko#1']);
    const chunk = fx.upstash.vectors('test').get('upstage-ko#0')!;
    expect(chunk.vector).toHaveLength(FAKE_DIMENSIONS);
    expect(chunk.sparseVector!.indices.length).toBeGreaterThan(10);
    expect(chunk.metadata).toMatchObject({ docId: 'upstage-ko', lang: 'ko', day: 20260430, tagKeys: ['ai'] });
    expect(stored(metaNamespace('test'))).toEqual(
      expect.arrayContaining([MANIFEST_ID, 'df:1:0', 'glossary:1:0', 'doc:upstage-ko', 'doc:loans-en']),
    );
    const manifest = fx.upstash.vectors(metaNamespace('test')).get(MANIFEST_ID)!.metadata!;
    expect(manifest).toMatchObject({
      generation: 1,
      documents: 3,
      chunks: 4,
      languages: ['en', 'ko'],
      embedding: { source: 'custom', passageModel: 'fake-embedding-passage', dimensions: FAKE_DIMENSIONS },
    });
  });

  it('sends at most batchSize vectors an upsert', async () => {
    await fx.sync(corpus, { batchSize: 3 });
    const upserts = fx.upstash.requests.filter((r) => r.command === 'upsert' && r.namespace === 'test');
    expect(upserts.map((r) => (r.body as unknown[]).length)).toEqual([3, 1]);
  });

  it('skips unchanged documents, re-embeds changed ones and removes stale and deleted chunks', async () => {
    await fx.sync(corpus);
    const again = await fx.sync(corpus);
    expect(again.documents.unchanged).toBe(3);
    expect(again.chunks.upserted).toBe(0);

    const embedded = fx.embeddings.requests.length;
    const summary = await fx.sync(edited);
    expect(summary.documents).toMatchObject({ added: 1, changed: 1, unchanged: 1, removed: 1 });
    expect(summary.chunks).toEqual({ total: 3, upserted: 2, deleted: 2 });
    expect(fx.embeddings.requests.length - embedded).toBe(1);
    expect(stored()).toEqual(['haenam-ko#0', 'loans2-en#0', 'upstage-ko#0']);
    const meta = stored(metaNamespace('test'));
    expect(meta).not.toContain('doc:loans-en');
    expect(meta.filter((id) => id.startsWith('df:'))).toEqual(['df:3:0']);
  });

  it('recomputes every sparse vector once the average chunk length drifts', async () => {
    await fx.sync(corpus);
    // Dropping the short English chunk lengthens the average by more than NORM_DRIFT.
    const summary = await fx.sync({ ...corpus, documents: documents.slice(0, 2), chunks: chunks.slice(0, 3) });
    expect(summary.documents).toMatchObject({ changed: 2, unchanged: 0, removed: 1 });
  });

  it('writes nothing on a dry run, and says what a run would do', async () => {
    await fx.sync(corpus);
    const before = fx.upstash.requests.filter((r) => /upsert|delete/.test(r.command)).length;
    const plan = await fx.sync(edited, { dryRun: true });
    expect(plan).toMatchObject({
      dryRun: true,
      documents: { added: 1, changed: 1, unchanged: 1, removed: 1 },
      chunks: { upserted: 2, deleted: 2 },
    });
    expect(fx.upstash.requests.filter((r) => /upsert|delete/.test(r.command)).length).toBe(before);
  });

  it('leaves the index answering when a run dies half-way, and a re-run finishes it', async () => {
    await fx.sync(corpus);
    const rewritten: SyncCorpus = { ...corpus, chunks: chunks.map((c) => ({ ...c, text: `${c.text} 추가 문장.` })) };
    // Three failures exhaust the fixture's three tries on the second upsert.
    fx.upstash.enqueue(
      { type: 'status', status: 503, command: 'upsert' },
      { type: 'status', status: 503, command: 'upsert' },
      { type: 'status', status: 503, command: 'upsert' },
    );
    const error = await fx.sync(rewritten, { batchSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(503);
    expect(await ids('업스테이지 투자 금액')).toContain('upstage-ko#0');

    const rerun = await fx.sync(rewritten, { batchSize: 2 });
    expect(rerun.chunks.upserted).toBe(4);
    expect(fx.upstash.vectors('test').get('loans-en#0')!.metadata!.text).toMatch(/추가 문장/);
  });

  it('retries 429s and 5xx with backoff before giving up', async () => {
    fx.upstash.enqueue(
      { type: 'status', status: 429, command: 'upsert' },
      { type: 'html', status: 502, command: 'upsert' },
    );
    await fx.sync(corpus);
    expect(stored()).toHaveLength(4);
  });

  it('refuses to mix embedding models in one namespace, unless asked to rebuild it', async () => {
    await fx.sync(corpus);
    const other = createOpenAIEmbedder({ baseUrl: fx.embeddings.url, apiKey: 'embed-key', model: 'other-model' });
    await expect(fx.sync(corpus, { embedder: other })).rejects.toThrow(SyncError);
    await expect(fx.sync(corpus, { embedder: other })).rejects.toThrow(/built with fake-embedding-passage.*--reset/);
    const rebuilt = await fx.sync(corpus, { embedder: other, reset: true });
    expect(rebuilt.chunks.upserted).toBe(4);
  });

  it('refuses vectors of another size than the index', async () => {
    await fx.close();
    fx = await startUpstashFixture({ dimension: 32 });
    await expect(fx.sync(corpus)).rejects.toThrow(/64 dimensions; the Upstash index has 32/);
  });

  it('names the failure of a rejected token', async () => {
    const wrongToken = createUpstashRequester({ url: fx.upstash.url, token: 'wrong' });
    await expect(fx.sync(corpus, { index: new NodeIndex(wrongToken) })).rejects.toMatchObject({
      status: 502,
      code: 'upstream_auth',
      message: 'Upstash Vector rejected the configured credentials (HTTP 401)',
    });
  });
});

describe('UpstashIndex', () => {
  beforeEach(async () => {
    await fx.sync(corpus);
  });

  it('finds the passage a Korean question is about, with its document fields', async () => {
    const [hit] = await (await fx.open()).search('업스테이지에 대한 투자 규모는 얼마인가요?');
    expect(hit!.passage).toMatchObject({
      id: 'upstage-ko#0',
      docId: 'upstage-ko',
      title: '국민성장펀드, 업스테이지(Upstage)에 투자',
      date: '2026-04-30',
      lang: 'ko',
      tags: ['AI'],
    });
    expect((await ids('재원 구성은?'))[0]).toBe('upstage-ko#1');
  });

  it('matches an English amount with the Korean one', async () => {
    expect((await ids('5.6 trillion won investment'))[0]).toBe('upstage-ko#0');
  });

  it('reaches a Korean-only release from an English question through the glossary', async () => {
    // The question has no Korean word: `Upstage` reaches 업스테이지 through the mined pair.
    const [top] = await (await fx.open()).search('How much does the fund invest in Upstage?');
    expect(top!.passage.docId).toBe('upstage-ko');
  });

  it('searches with the translations it is given (the pipeline decides when to translate)', async () => {
    const index = await fx.open();
    const [hit] = await index.search('How many chips will the center in the south bring in?', {
      translations: ['해남 반도체 도입'],
    });
    expect(hit!.passage.id).toBe('haenam-ko#0');
  });

  it('applies filters inside the query', async () => {
    expect(await ids('투자 loan', { filters: { lang: 'en' } })).toEqual(['loans-en#0']);
    expect(await ids('투자', { filters: { dateTo: '2025-01-01' } })).toEqual(['loans-en#0']);
    expect((await ids('투자', { filters: { tags: ['ai'] } })).sort()).toEqual(['upstage-ko#0', 'upstage-ko#1']);
    expect(await ids('투자', { filters: { documents: ['haenam-ko'] } })).toEqual(['haenam-ko#0']);
    const query = fx.upstash.requests.filter((r) => r.command === 'query').at(-1)!;
    expect(query.body).toMatchObject({
      filter: "docId IN ('haenam-ko')",
      includeMetadata: true,
      fusionAlgorithm: 'RRF',
    });
  });

  it('asks for DBSF fusion when configured', async () => {
    await (await fx.open({ fusion: 'DBSF' })).search('업스테이지 투자');
    expect(fx.upstash.requests.filter((r) => r.command === 'query').at(-1)!.body).toMatchObject({
      fusionAlgorithm: 'DBSF',
    });
  });

  it('reports the size of the corpus for /health', async () => {
    expect(await (await fx.open()).stats()).toEqual({ documents: 3, chunks: 4 });
  });

  it('refuses to query an index built with another embedding model', async () => {
    const other = createOpenAIEmbedder({ baseUrl: fx.embeddings.url, apiKey: 'embed-key', model: 'other-model' });
    const error = await failure(fx.open({ embedder: other }));
    expect(error).toMatchObject({ status: 503, code: 'index_model_mismatch' });
    expect(error.message).toMatch(/built with fake-embedding-passage .* configured for other-model/);
  });

  it('says so when the namespace holds no index', async () => {
    const error = await failure(fx.open({ namespace: 'empty' }));
    expect(error).toMatchObject({ status: 503, code: 'index_unavailable' });
    expect(error.message).toMatch(/run `npm run ingest -- --target upstash`/);
  });

  it('follows a newer ingest once its manifest is read again', async () => {
    let clock = 0;
    const index = await fx.open({ now: () => clock, manifestTtlMs: 1000 });
    expect(await index.stats()).toEqual({ documents: 3, chunks: 4 });
    await fx.sync({ ...corpus, documents: documents.slice(0, 2), chunks: chunks.slice(0, 3) });
    expect(await index.stats()).toEqual({ documents: 3, chunks: 4 });
    // Statistics of the old generation are gone: the next question reads the manifest again.
    expect((await index.search('해남 센터'))[0]!.passage.id).toBe('haenam-ko#0');
    clock = 2000;
    expect(await index.stats()).toEqual({ documents: 2, chunks: 3 });
  });

  it.each([
    [
      { type: 'status', status: 401, body: { error: 'Unauthorized: Invalid auth token', status: 401 } },
      502,
      'upstream_auth',
    ],
    [{ type: 'status', status: 429 }, 503, 'upstream_rate_limited'],
    [{ type: 'status', status: 500 }, 502, 'upstream_error'],
    [{ type: 'html', status: 502 }, 502, 'upstream_malformed'],
  ] as const)('turns an Upstash %j into %i %s', async (reply, status, code) => {
    const index = await fx.open();
    fx.upstash.enqueue({ ...reply, command: 'query' });
    expect(await failure(index.search('업스테이지 투자'))).toMatchObject({ status, code });
  });

  it('turns a silent Upstash into a 504', async () => {
    const { connectUpstash } = await import('./upstash-connect.js');
    const index = await fx.open({
      index: connectUpstash(
        { url: fx.upstash.url, token: fx.upstash.token, namespace: 'test', embedding: 'custom', fusion: 'RRF' },
        300,
      ),
    });
    fx.upstash.enqueue({ type: 'hang', command: 'query' });
    expect(await failure(index.search('업스테이지 투자'))).toMatchObject({ status: 504, code: 'upstream_timeout' });
  });

  it('names the embeddings endpoint when it fails', async () => {
    const broken = createOpenAIEmbedder({
      baseUrl: fx.embeddings.url,
      apiKey: 'wrong',
      passageModel: 'fake-embedding-passage',
      queryModel: 'fake-embedding-query',
    });
    const error = await failure((await fx.open({ embedder: broken })).search('업스테이지 투자'));
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth' });
    expect(error.message).toMatch(/the embeddings endpoint/);
  });
});

describe('an index of Upstash-hosted models', () => {
  const hosted = {
    denseModel: 'BGE_M3',
    sparseModel: 'BGE_M3',
    dense: (text: string) => hashedEmbedding(text, FAKE_DIMENSIONS),
    // A stand-in for BGE-M3's sparse weights: one dimension per word.
    sparse: (text: string) => {
      const words = [
        ...new Set(
          text
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean),
        ),
      ];
      const indices = [...new Set(words.map((w) => [...w].reduce((h, c) => (h * 31 + c.codePointAt(0)!) >>> 0, 7)))];
      return { indices, values: indices.map(() => 1) };
    },
  };

  it('sends text for Upstash to embed, at ingest and at query time', async () => {
    await fx.close();
    fx = await startUpstashFixture({ hosted });
    await fx.sync(corpus, { embedding: 'hosted', embedder: undefined });
    expect(fx.upstash.requests.some((r) => r.command === 'upsert-data')).toBe(true);
    const index = await fx.open({ embedding: 'hosted', embedder: undefined });
    const [hit] = await index.search('국민성장펀드가 업스테이지에 투자하는 안건');
    expect(hit!.passage.docId).toBe('upstage-ko');
    expect(fx.upstash.requests.at(-1)).toMatchObject({ command: 'query-data' });
  });

  it('refuses custom vectors for a hosted-model index, and the reverse', async () => {
    await expect(fx.sync(corpus, { embedding: 'hosted', embedder: undefined })).rejects.toThrow(
      /no Upstash-hosted models/,
    );
    await fx.close();
    fx = await startUpstashFixture({ hosted: { ...hosted, sparseModel: 'BM25' } });
    await expect(fx.sync(corpus, { embedding: 'hosted', embedder: undefined })).rejects.toThrow(
      /only tokenizes English/,
    );
    await expect(fx.sync(corpus)).rejects.toThrow(/UPSTASH_VECTOR_EMBEDDING=hosted/);
  });
});

/**
 * Contract tests: the real `@upstash/vector` client (both the Node entry and the
 * `/cloudflare` entry the worker imports) against the fake REST server, so the fake's wire
 * format is the one the client speaks, and its answers follow Upstash's documented
 * semantics: hybrid scores fused by RRF or DBSF, the filter syntax, namespaces, range
 * cursors, delete by prefix, and the error bodies of 401, 429 and 5xx.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FusionAlgorithm, Index as NodeIndex } from '@upstash/vector';
import { Index as CloudflareIndex } from '@upstash/vector/cloudflare';
import { startFakeUpstashServer, type FakeUpstashServer } from '../fakes/upstash-server.js';
import { upstashFilter } from '../../src/search/upstash-filter.js';

let fake: FakeUpstashServer;
beforeAll(async () => {
  fake = await startFakeUpstashServer({ dimension: 3 });
});
afterAll(() => fake.close());

const CLIENTS = [
  ['@upstash/vector', () => new NodeIndex({ url: fake.url, token: fake.token, retry: false, enableTelemetry: false })],
  [
    '@upstash/vector/cloudflare',
    () => new CloudflareIndex({ url: fake.url, token: fake.token, cache: false, retry: false, enableTelemetry: false }),
  ],
] as const;

/** Three chunks: dense similarity and keyword overlap disagree, so fusion decides. */
const VECTORS = [
  {
    id: 'upstage-ko#0',
    vector: [1, 0, 0],
    sparseVector: { indices: [10, 20], values: [1, 1] },
    metadata: { docId: 'upstage-ko', lang: 'ko', day: 20260430, tagKeys: ['ai'], title: "Moody's 평가" },
  },
  {
    id: 'upstage-ko#1',
    vector: [0.9, 0.1, 0],
    sparseVector: { indices: [20], values: [0.5] },
    metadata: { docId: 'upstage-ko', lang: 'ko', day: 20260430, tagKeys: ['ai', 'fund'] },
  },
  {
    id: 'loans-en#0',
    vector: [0, 1, 0],
    sparseVector: { indices: [10, 30], values: [3, 1] },
    metadata: { docId: 'loans-en', lang: 'en', day: 20240409, tagKeys: ['loan'] },
  },
];

describe.each(CLIENTS)('%s against the fake Upstash server', (_name, connect) => {
  const ns = 'contract';
  beforeEach(async () => {
    await connect().namespace(ns).reset();
    await connect().namespace(ns).upsert(VECTORS);
  });

  it('upserts into a namespace and fetches by ids, null for a missing one', async () => {
    const index = connect();
    const fetched = await index.namespace(ns).fetch(['loans-en#0', 'nope'], { includeMetadata: true });
    expect(fetched[0]).toMatchObject({ id: 'loans-en#0', metadata: { lang: 'en' } });
    expect(fetched[1]).toBeNull();
    expect(await index.fetch(['loans-en#0'])).toEqual([null]);
    const last = fake.requests.at(-1)!;
    expect(last.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  it('fuses dense and sparse rankings with RRF by default', async () => {
    const results = await connect()
      .namespace(ns)
      .query({ vector: [1, 0, 0], sparseVector: { indices: [10], values: [1] }, topK: 3 });
    // dense: #0, #1, loans; sparse (index 10): loans (3), #0 (1). RRF k 60, ranks from 1.
    const expected = {
      'upstage-ko#0': 1 / 61 + 1 / 62,
      'loans-en#0': 1 / 63 + 1 / 61,
      'upstage-ko#1': 1 / 62,
    };
    expect(results.map((r) => r.id)).toEqual(['upstage-ko#0', 'loans-en#0', 'upstage-ko#1']);
    for (const r of results) expect(r.score).toBeCloseTo(expected[r.id as keyof typeof expected], 10);
  });

  it('fuses by score distribution with DBSF', async () => {
    const results = await connect()
      .namespace(ns)
      .query({
        vector: [1, 0, 0],
        sparseVector: { indices: [10], values: [1] },
        topK: 3,
        fusionAlgorithm: FusionAlgorithm.DBSF,
      });
    // The documented formula by hand: each list scaled by (s − (μ − 3σ)) / 6σ, then summed.
    const scaled = (scores: Record<string, number>) => {
      const values = Object.values(scores);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      return Object.fromEntries(Object.entries(scores).map(([id, s]) => [id, (s - (mean - 3 * sd)) / (6 * sd)]));
    };
    const cosine = (1 + 0.9 / Math.hypot(0.9, 0.1)) / 2;
    const dense = scaled({ 'upstage-ko#0': 1, 'upstage-ko#1': cosine, 'loans-en#0': 0.5 });
    const sparse = scaled({ 'loans-en#0': 3, 'upstage-ko#0': 1 });
    for (const r of results) expect(r.score).toBeCloseTo(dense[r.id]! + (sparse[r.id] ?? 0), 10);
    expect(results.map((r) => r.id)).toEqual(['upstage-ko#0', 'loans-en#0', 'upstage-ko#1']);
    expect(fake.requests.at(-1)!.body).toMatchObject({ fusionAlgorithm: 'DBSF' });
  });

  it('queries with the filters our search sends', async () => {
    const q = (filter: string | undefined) =>
      connect()
        .namespace(ns)
        .query({ vector: [0, 1, 0], topK: 5, filter })
        .then((r) => r.map((x) => x.id).sort());
    expect(await q(upstashFilter({ lang: 'ko', dateFrom: '2026-01-01' }))).toEqual(['upstage-ko#0', 'upstage-ko#1']);
    expect(await q(upstashFilter({ dateTo: '2025-12-31' }))).toEqual(['loans-en#0']);
    expect(await q(upstashFilter({ tags: ['FUND', 'loan'] }))).toEqual(['loans-en#0', 'upstage-ko#1']);
    expect(await q(upstashFilter({ documents: ['loans-en'] }))).toEqual(['loans-en#0']);
    expect(await q(`title = ${'"Moody\'s 평가"'}`)).toEqual(['upstage-ko#0']);
  });

  it('answers sparse-only queries with the chunks sharing a dimension, dense-only with all', async () => {
    const index = connect().namespace(ns);
    const sparse = await index.query({ sparseVector: { indices: [30], values: [1] }, topK: 5 });
    expect(sparse.map((r) => r.id)).toEqual(['loans-en#0']);
    const dense = await index.query({ vector: [1, 0, 0], topK: 5, includeMetadata: true });
    expect(dense).toHaveLength(3);
    expect(dense[0]!.score).toBeCloseTo(1, 6);
  });

  it('ranges page by page with a cursor, and by id prefix', async () => {
    const index = connect().namespace(ns);
    const first = await index.range({ cursor: '0', limit: 2 });
    expect(first.vectors.map((v) => v.id)).toEqual(['loans-en#0', 'upstage-ko#0']);
    const second = await index.range({ cursor: first.nextCursor, limit: 2 });
    expect(second.vectors.map((v) => v.id)).toEqual(['upstage-ko#1']);
    expect(second.nextCursor).toBe('');
    const prefixed = await index.range({ cursor: '0', limit: 10, prefix: 'upstage-ko#' });
    expect(prefixed.vectors).toHaveLength(2);
  });

  it('deletes by id prefix and by ids', async () => {
    const index = connect().namespace(ns);
    expect(await index.delete({ prefix: 'upstage-ko#' })).toEqual({ deleted: 2 });
    expect(await index.delete(['loans-en#0', 'nope'])).toEqual({ deleted: 1 });
    expect(fake.vectors(ns).size).toBe(0);
  });

  it('keeps namespaces apart and lists them', async () => {
    const index = connect();
    await index.namespace('other').upsert({ id: 'x', vector: [0, 0, 1], sparseVector: { indices: [1], values: [1] } });
    expect(await index.listNamespaces()).toEqual(expect.arrayContaining([ns, 'other']));
    const info = await index.info();
    expect(info.namespaces.other!.vectorCount).toBe(1);
    expect((info as { indexType?: string }).indexType).toBe('HYBRID');
    await index.deleteNamespace('other');
    expect(await index.listNamespaces()).not.toContain('other');
  });

  it('refuses a hybrid upsert without its sparse half, and a vector of the wrong size', async () => {
    const index = connect().namespace(ns);
    await expect(index.upsert({ id: 'a', vector: [1, 0, 0] })).rejects.toThrow(/Both dense and sparse/);
    await expect(
      index.upsert({ id: 'a', vector: [1, 0], sparseVector: { indices: [1], values: [1] } }),
    ).rejects.toThrow(/Invalid vector dimension: 2, expected: 3/);
  });

  it('surfaces 401, 429 and 5xx answers as errors carrying Upstash error text', async () => {
    const wrong = new CloudflareIndex({ url: fake.url, token: 'wrong', cache: false, retry: false });
    await expect(wrong.info()).rejects.toThrow('Unauthorized: Invalid auth token');
    fake.enqueue({ type: 'status', status: 429, command: 'query' });
    await expect(
      connect()
        .namespace(ns)
        .query({ vector: [1, 0, 0], topK: 1 }),
    ).rejects.toThrow(/max daily request limit exceeded/);
    fake.enqueue({ type: 'status', status: 503, command: 'fetch' });
    await expect(connect().namespace(ns).fetch(['x'])).rejects.toThrow(/fake upstream error 503/);
    fake.enqueue({ type: 'html', status: 502 });
    await expect(connect().info()).rejects.toThrow(SyntaxError);
  });
});

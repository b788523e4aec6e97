/**
 * A fake Upstash Vector REST server on loopback HTTP, speaking the wire format of the REST
 * API (https://upstash.com/docs/vector/api/get-started) as `@upstash/vector` uses it:
 * `POST /{command}/{namespace}` with `Authorization: Bearer <token>`, JSON bodies, answers
 * `{"result": …}` or `{"error": "…", "status": N}`.
 *
 * It is a real index over its vectors, not a script: one hybrid index (dense + sparse) with
 * namespaces; dense scores by cosine, dot product or Euclidean distance normalized as the
 * docs give them; sparse scores are exact dot products (optionally IDF-weighted, with the
 * docs' formula); hybrid queries fuse the two top-k lists with RRF (1 / (rank + 60), ranks
 * from 1) or DBSF (each list scaled by μ ± 3σ, then summed), as documented in
 * https://upstash.com/docs/vector/features/hybridindexes; metadata filters use the
 * documented syntax (upstash-filter.ts). Commands: upsert, upsert-data, query, query-data,
 * fetch, range, delete, update, reset, info, list-namespaces, delete-namespace.
 *
 * Tests script failures per request (a 401, a 429, a 5xx, an HTML error page, a hang) and
 * read back every request and the stored vectors.
 *
 * @example
 * const fake = await startFakeUpstashServer({ dimension: 64 });
 * const index = new Index({ url: fake.url, token: fake.token, cache: false });
 * fake.enqueue({ type: 'status', status: 429, command: 'query' });
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileFilter, FilterSyntaxError, type Metadata } from './upstash-filter.js';

export interface FakeSparseVector {
  indices: number[];
  values: number[];
}

export interface StoredVector {
  id: string;
  vector?: number[];
  sparseVector?: FakeSparseVector;
  metadata?: Metadata;
  data?: string;
}

export type Similarity = 'COSINE' | 'DOT_PRODUCT' | 'EUCLIDEAN';

/** Stand-ins for Upstash-hosted embedding models (an index created with a model embeds `data`). */
export interface HostedModels {
  denseModel: string;
  sparseModel: string;
  dense(text: string): number[];
  sparse(text: string): FakeSparseVector;
}

export interface FakeUpstashOptions {
  /** Default 'test-token'. */
  token?: string;
  /** Dense dimensions. Default 64. */
  dimension?: number;
  similarity?: Similarity;
  /** When set, `upsert-data` / `query-data` embed text with these. */
  hosted?: HostedModels;
}

export type FakeUpstashReply = (
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** A non-JSON error page, as a proxy in front of the API might send. */
  | { type: 'html'; status: number }
  /** Accepts the request and never answers. */
  | { type: 'hang' }
) & {
  /** Only a request for this command (`query`, `upsert`, …) takes the reply. */
  command?: string;
};

export interface RecordedUpstashRequest {
  method: string;
  command: string;
  namespace: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeUpstashServer {
  url: string;
  token: string;
  requests: RecordedUpstashRequest[];
  enqueue(...replies: FakeUpstashReply[]): void;
  /** The vectors of a namespace ('' is the default one), by id. */
  vectors(namespace?: string): Map<string, StoredVector>;
  close(): Promise<void>;
}

class UpstashHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const RRF_K = 60;
/** Upstash's documented messages: get-started (401); the Redis-style daily limit text (429). */
const UNAUTHORIZED = 'Unauthorized: Invalid auth token';
const RATE_LIMITED = 'ERR max daily request limit exceeded. Limit: 10000, Usage: 10000.';
const ERROR_TEXT: Record<number, string> = { 401: UNAUTHORIZED, 429: RATE_LIMITED };

const bad = (message: string) => new UpstashHttpError(400, message);

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function denseScore(a: number[], b: number[], similarity: Similarity): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
    distance += (a[i]! - b[i]!) ** 2;
  }
  // Normalized to [0, 1] as the similarity-functions docs give them.
  if (similarity === 'EUCLIDEAN') return 1 / (1 + distance);
  if (similarity === 'DOT_PRODUCT') return (1 + dot) / 2;
  return (1 + dot / (Math.sqrt(na * nb) || 1)) / 2;
}

function checkSparse(sparse: unknown, id: string): FakeSparseVector {
  const s = sparse as FakeSparseVector;
  if (!s || !Array.isArray(s.indices) || !Array.isArray(s.values) || s.indices.length !== s.values.length) {
    throw bad(`Invalid sparse vector for id ${id}: indices and values must be arrays of the same length`);
  }
  if (s.indices.some((i) => !Number.isInteger(i) || i < 0 || i > 0xffffffff)) {
    throw bad(`Invalid sparse vector for id ${id}: indices must be unsigned 32-bit integers`);
  }
  if (new Set(s.indices).size !== s.indices.length) throw bad(`Invalid sparse vector for id ${id}: duplicate indices`);
  return { indices: [...s.indices], values: [...s.values] };
}

type Ranked = { id: string; score: number }[];

/** RRF over positions from 1: score = Σ 1 / (rank + 60). */
function reciprocalRank(lists: Ranked[]): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) list.forEach(({ id }, i) => fused.set(id, (fused.get(id) ?? 0) + 1 / (i + 1 + RRF_K)));
  return fused;
}

/** DBSF: each list scaled by its mean ± 3 standard deviations, then summed. A list without spread scales to 0.5. */
function distributionBased(lists: Ranked[]): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    if (list.length === 0) continue;
    const mean = list.reduce((s, r) => s + r.score, 0) / list.length;
    const sd = Math.sqrt(list.reduce((s, r) => s + (r.score - mean) ** 2, 0) / list.length);
    for (const { id, score } of list) {
      const scaled = sd === 0 ? 0.5 : (score - (mean - 3 * sd)) / (6 * sd);
      fused.set(id, (fused.get(id) ?? 0) + scaled);
    }
  }
  return fused;
}

export async function startFakeUpstashServer(options: FakeUpstashOptions = {}): Promise<FakeUpstashServer> {
  const token = options.token ?? 'test-token';
  const dimension = options.dimension ?? 64;
  const similarity = options.similarity ?? 'COSINE';
  const namespaces = new Map<string, Map<string, StoredVector>>([['', new Map()]]);
  const requests: RecordedUpstashRequest[] = [];
  const queue: FakeUpstashReply[] = [];

  const space = (name: string) => {
    let found = namespaces.get(name);
    if (!found) namespaces.set(name, (found = new Map()));
    return found;
  };

  function store(ns: string, item: Record<string, unknown>, fromData: boolean) {
    const id = item.id;
    if (typeof id !== 'string' && typeof id !== 'number') throw bad('id is required');
    const key = String(id);
    if (key === '') throw bad('id cannot be empty');
    let vector = item.vector as number[] | undefined;
    let sparse = item.sparseVector === undefined ? undefined : checkSparse(item.sparseVector, key);
    const data = typeof item.data === 'string' ? item.data : undefined;
    if (fromData) {
      if (!options.hosted) {
        throw new UpstashHttpError(
          422,
          'Embedding data for this index is not allowed. The index must be created with an embedding model to use it.',
        );
      }
      if (data === undefined) throw bad(`data is required for id ${key}`);
      vector = options.hosted.dense(data);
      sparse = options.hosted.sparse(data);
    }
    // Hybrid indexes take both components or neither (upsert docs).
    if (!Array.isArray(vector) || !sparse) {
      throw bad(`Both dense and sparse vectors are required for hybrid indexes (id ${key})`);
    }
    if (vector.length !== dimension) throw bad(`Invalid vector dimension: ${vector.length}, expected: ${dimension}`);
    const metadata = item.metadata as Metadata | undefined;
    space(ns).set(key, { id: key, vector: [...vector], sparseVector: sparse, metadata, data });
  }

  function upsert(ns: string, body: unknown, fromData: boolean) {
    const items = Array.isArray(body) ? body : [body];
    // Validate everything before storing anything: a failed batch changes nothing.
    const before = new Map(space(ns));
    try {
      for (const item of items) store(ns, item as Record<string, unknown>, fromData);
    } catch (error) {
      namespaces.set(ns, before);
      throw error;
    }
    return 'Success';
  }

  function view(v: StoredVector, q: Record<string, unknown>, score?: number) {
    return {
      id: v.id,
      ...(score !== undefined ? { score } : {}),
      ...(q.includeVectors ? { vector: v.vector, sparseVector: v.sparseVector } : {}),
      ...(q.includeMetadata && v.metadata !== undefined ? { metadata: v.metadata } : {}),
      ...(q.includeData && v.data !== undefined ? { data: v.data } : {}),
    };
  }

  function filtered(ns: string, filter: unknown): StoredVector[] {
    let predicate;
    try {
      predicate = compileFilter(typeof filter === 'string' ? filter : '');
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw bad(`Invalid filter: ${error.message}`);
      throw error;
    }
    return [...space(ns).values()].filter((v) => predicate(v.metadata));
  }

  function sparseRanking(ns: string, candidates: StoredVector[], query: FakeSparseVector, idf: boolean): Ranked {
    const all = [...space(ns).values()];
    const weights = new Map<number, number>();
    query.indices.forEach((index, k) => {
      let weight = query.values[k]!;
      if (idf) {
        const n = all.filter((v) => v.sparseVector?.indices.includes(index)).length;
        weight *= Math.log((all.length - n + 0.5) / (n + 0.5));
      }
      weights.set(index, weight);
    });
    const ranked: Ranked = [];
    for (const v of candidates) {
      let score = 0;
      let matched = false;
      v.sparseVector?.indices.forEach((index, k) => {
        const w = weights.get(index);
        if (w !== undefined && v.sparseVector!.values[k] !== 0) {
          matched = true;
          score += w * v.sparseVector!.values[k]!;
        }
      });
      // Exact search: only vectors sharing a non-zero dimension with the query (sparseindexes docs).
      if (matched) ranked.push({ id: v.id, score });
    }
    return ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  function queryOne(ns: string, q: Record<string, unknown>, fromData: boolean) {
    const topK = typeof q.topK === 'number' ? q.topK : 10;
    let vector = q.vector as number[] | undefined;
    let sparse = q.sparseVector === undefined ? undefined : checkSparse(q.sparseVector, 'query');
    if (fromData) {
      if (!options.hosted) throw new UpstashHttpError(422, 'Embedding data for this index is not allowed.');
      if (typeof q.data !== 'string') throw bad('data is required');
      const mode = (q.queryMode as string | undefined) ?? 'HYBRID';
      if (mode !== 'SPARSE') vector = options.hosted.dense(q.data);
      if (mode !== 'DENSE') sparse = options.hosted.sparse(q.data);
    }
    if (!vector && !sparse) throw bad('Either vector or sparseVector is required');
    if (vector && vector.length !== dimension)
      throw bad(`Invalid vector dimension: ${vector.length}, expected: ${dimension}`);
    const candidates = filtered(ns, q.filter);
    const dense: Ranked | undefined = vector
      ? candidates
          .map((v) => ({ id: v.id, score: denseScore(vector!, v.vector!, similarity) }))
          .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
          .slice(0, topK)
      : undefined;
    const sparseList = sparse
      ? sparseRanking(ns, candidates, sparse, q.weightingStrategy === 'IDF').slice(0, topK)
      : undefined;
    let ranked: Ranked;
    if (dense && sparseList) {
      const algorithm = (q.fusionAlgorithm as string | undefined) ?? 'RRF';
      if (algorithm !== 'RRF' && algorithm !== 'DBSF') throw bad(`Invalid fusion algorithm: ${algorithm}`);
      const fused = (algorithm === 'DBSF' ? distributionBased : reciprocalRank)([dense, sparseList]);
      ranked = [...fused]
        .map(([id, score]) => ({ id, score }))
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    } else ranked = (dense ?? sparseList)!;
    const byId = space(ns);
    return ranked.slice(0, topK).map(({ id, score }) => view(byId.get(id)!, q, score));
  }

  function query(ns: string, body: unknown, fromData: boolean) {
    if (!Array.isArray(body)) return queryOne(ns, body as Record<string, unknown>, fromData);
    const results = body.map((q) => queryOne(ns, q as Record<string, unknown>, fromData));
    return results.length === 1 ? results[0] : results;
  }

  function fetchVectors(ns: string, body: Record<string, unknown>) {
    const byId = space(ns);
    if (typeof body.prefix === 'string') {
      return [...byId.keys()]
        .filter((id) => id.startsWith(body.prefix as string))
        .sort()
        .slice(0, 1000)
        .map((id) => view(byId.get(id)!, body));
    }
    const ids = (body.ids as unknown[] | undefined) ?? [];
    return ids.map((id) => {
      const v = byId.get(String(id));
      return v ? view(v, body) : null;
    });
  }

  function range(ns: string, body: Record<string, unknown>) {
    const limit = body.limit;
    if (typeof limit !== 'number' || limit <= 0) throw bad('limit must be a positive number');
    const start = Number(body.cursor ?? '0');
    if (!Number.isInteger(start) || start < 0) throw bad(`Invalid cursor: ${String(body.cursor)}`);
    const byId = space(ns);
    const prefix = typeof body.prefix === 'string' ? body.prefix : '';
    const ids = [...byId.keys()].filter((id) => id.startsWith(prefix)).sort();
    const page = ids.slice(start, start + limit);
    const next = start + page.length;
    return {
      nextCursor: next < ids.length ? String(next) : '',
      vectors: page.map((id) => view(byId.get(id)!, body)),
    };
  }

  function remove(ns: string, body: unknown) {
    const byId = space(ns);
    let ids: string[];
    if (Array.isArray(body)) ids = body.map(String);
    else if (typeof body === 'string' || typeof body === 'number') ids = [String(body)];
    else {
      const b = body as Record<string, unknown>;
      if (Array.isArray(b.ids)) ids = b.ids.map(String);
      else if (typeof b.prefix === 'string') ids = [...byId.keys()].filter((id) => id.startsWith(b.prefix as string));
      else if (typeof b.filter === 'string') ids = filtered(ns, b.filter).map((v) => v.id);
      else throw bad('ids, prefix or filter is required');
    }
    let deleted = 0;
    for (const id of ids) if (byId.delete(id)) deleted++;
    return { deleted };
  }

  function update(ns: string, body: Record<string, unknown>) {
    const existing = space(ns).get(String(body.id));
    if (!existing) return { updated: 0 };
    if ((body.vector === undefined) !== (body.sparseVector === undefined)) {
      throw bad('For hybrid indexes either none or both of vector and sparseVector must be present');
    }
    if (body.vector) existing.vector = [...(body.vector as number[])];
    if (body.sparseVector) existing.sparseVector = checkSparse(body.sparseVector, existing.id);
    if (body.metadata !== undefined) {
      existing.metadata =
        body.metadataUpdateMode === 'PATCH'
          ? { ...existing.metadata, ...(body.metadata as Metadata) }
          : (body.metadata as Metadata);
    }
    if (typeof body.data === 'string') existing.data = body.data;
    return { updated: 1 };
  }

  function info() {
    const counts = Object.fromEntries(
      [...namespaces].map(([name, byId]) => [name, { vectorCount: byId.size, pendingVectorCount: 0 }]),
    );
    const total = [...namespaces.values()].reduce((n, byId) => n + byId.size, 0);
    return {
      vectorCount: total,
      pendingVectorCount: 0,
      indexSize: total * dimension * 4,
      dimension,
      similarityFunction: similarity,
      indexType: 'HYBRID',
      denseIndex: {
        dimension,
        similarityFunction: similarity,
        ...(options.hosted ? { embeddingModel: options.hosted.denseModel } : {}),
      },
      sparseIndex: options.hosted ? { embeddingModel: options.hosted.sparseModel } : {},
      namespaces: counts,
    };
  }

  function run(command: string, ns: string, body: unknown, search: string): unknown {
    const object = (body ?? {}) as Record<string, unknown>;
    switch (command) {
      case 'upsert':
        return upsert(ns, body, false);
      case 'upsert-data':
        return upsert(ns, body, true);
      case 'query':
        return query(ns, body, false);
      case 'query-data':
        return query(ns, body, true);
      case 'fetch':
        return fetchVectors(ns, object);
      case 'range':
        return range(ns, object);
      case 'delete':
        return remove(ns, body);
      case 'update':
        return update(ns, object);
      case 'info':
        return info();
      case 'list-namespaces':
        return [...namespaces.keys()];
      case 'delete-namespace':
        if (ns === '') throw bad('The default namespace cannot be deleted');
        if (!namespaces.delete(ns)) throw new UpstashHttpError(404, `Namespace ${ns} does not exist`);
        return 'Success';
      case 'reset':
        if (search === 'all') for (const name of namespaces.keys()) namespaces.set(name, new Map());
        else namespaces.set(ns, new Map());
        return 'Success';
      default:
        throw new UpstashHttpError(404, `Unknown command: ${command}`);
    }
  }

  function takeReply(command: string): FakeUpstashReply | undefined {
    const i = queue.findIndex((r) => r.command === undefined || r.command === command);
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  }

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const [path, search = ''] = (req.url ?? '/').split('?');
    const [command = '', ...rest] = path!.split('/').filter(Boolean);
    const ns = decodeURIComponent(rest.join('/'));
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return sendJson(res, 400, { error: 'Invalid JSON body', status: 400 });
    }
    requests.push({ method: req.method ?? 'POST', command, namespace: ns, headers: req.headers, body });

    if (req.headers.authorization !== `Bearer ${token}`) {
      return sendJson(res, 401, { error: UNAUTHORIZED, status: 401 });
    }
    const reply = takeReply(command);
    if (reply?.type === 'hang') return;
    if (reply?.type === 'html') {
      res.writeHead(reply.status, { 'content-type': 'text/html' });
      return res.end(`<html><body><h1>${reply.status}</h1></body></html>`);
    }
    if (reply?.type === 'status') {
      const message = ERROR_TEXT[reply.status] ?? `fake upstream error ${reply.status}`;
      return sendJson(res, reply.status, reply.body ?? { error: message, status: reply.status }, reply.headers);
    }
    try {
      sendJson(res, 200, { result: run(command, ns, body, search) });
    } catch (error) {
      if (error instanceof UpstashHttpError)
        return sendJson(res, error.status, { error: error.message, status: error.status });
      sendJson(res, 500, { error: `fake server failure: ${(error as Error).message}`, status: 500 });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    vectors: (namespace = '') => space(namespace),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

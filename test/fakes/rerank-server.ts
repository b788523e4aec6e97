/**
 * A fake rerank endpoint on loopback HTTP with the Cohere/Jina wire format
 * (https://docs.cohere.com/reference/rerank): `POST /v1/rerank {model, query, documents,
 * top_n}` → `{id, results: [{index, relevance_score}], meta}`, best first. Relevance is the
 * share of the query's character bigrams a document contains, unless a test gives a scorer.
 * Tests script failures per request and read back every request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRerankReply = { type: 'status'; status: number } | { type: 'hang' } | { type: 'malformed' };

export interface FakeRerankServer {
  /** Base URL including `/v1`, as RERANK_BASE_URL takes it. */
  url: string;
  requests: { model: string; query: string; documents: string[]; top_n: number }[];
  enqueue(...replies: FakeRerankReply[]): void;
  close(): Promise<void>;
}

function bigrams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/\s+/g, '')];
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
}

export function bigramRelevance(query: string, document: string): number {
  const q = bigrams(query);
  const d = bigrams(document);
  return q.size ? [...q].filter((b) => d.has(b)).length / q.size : 0;
}

export async function startFakeRerankServer(
  options: { apiKey?: string; score?: (query: string, document: string) => number } = {},
): Promise<FakeRerankServer> {
  const requests: FakeRerankServer['requests'] = [];
  const queue: FakeRerankReply[] = [];
  const score = options.score ?? bigramRelevance;
  const server = createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/rerank') return send(404, { message: 'not found' });
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(401, { message: 'invalid api token' });
    }
    const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as FakeRerankServer['requests'][number];
    requests.push(body);
    const reply = queue.shift();
    if (reply?.type === 'hang') return;
    if (reply?.type === 'status') return send(reply.status, { message: `fake rerank error ${reply.status}` });
    if (reply?.type === 'malformed') return send(200, { results: [{ index: 99, relevance_score: 1 }] });
    const results = body.documents
      .map((document, index) => ({ index, relevance_score: score(body.query, document) }))
      .sort((a, b) => b.relevance_score - a.relevance_score)
      .slice(0, body.top_n ?? body.documents.length);
    send(200, { id: `rerank-${requests.length}`, results, meta: { billed_units: { search_units: 1 } } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

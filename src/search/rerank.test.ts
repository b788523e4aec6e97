import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../types.js';
import type { Retriever } from './types.js';
import { createReranker, withReranking } from './rerank.js';
import { startFakeRerankServer, type FakeRerankServer } from '../../test/fakes/rerank-server.js';

const passage = (id: string, text: string): Passage => ({ id, docId: id, ordinal: 0, title: '', lang: 'ko', text });
/** A retriever whose first passage is the weakest match for the question below. */
const retriever: Retriever = {
  search: async (_query, options) =>
    [
      passage('a', '첨단전략산업기금이 1조 원을 맡는다.'),
      passage('b', '해남 센터는 2028년 완공이 목표다.'),
      passage('c', '업스테이지 투자 규모는 5조6천억 원이다.'),
    ]
      .slice(0, options?.limit)
      .map((p, i) => ({ passage: p, score: 3 - i })),
  stats: async () => ({ documents: 3, chunks: 3 }),
};
const question = '업스테이지 투자 규모';

let fake: FakeRerankServer;
beforeAll(async () => {
  fake = await startFakeRerankServer({ apiKey: 'rk' });
});
afterAll(() => fake.close());

const reranked = (apiKey = 'rk', warnings: string[] = [], timeoutMs = 5_000) =>
  withReranking(retriever, createReranker({ baseUrl: fake.url, apiKey, model: 'rerank-test', timeoutMs }), {
    onWarning: (m) => warnings.push(m),
  });

describe('withReranking', () => {
  it('reorders the retriever top passages by the endpoint relevance, sending the Cohere/Jina request', async () => {
    const hits = await reranked().search(question, { limit: 2 });
    expect(hits.map((h) => h.passage.id)).toEqual(['c', 'a']);
    expect(fake.requests.at(-1)).toMatchObject({ model: 'rerank-test', query: question, top_n: 2 });
    expect(fake.requests.at(-1)!.documents).toHaveLength(3);
  });

  it.each([
    [{ type: 'status', status: 429 }, /HTTP 429/],
    [{ type: 'status', status: 503 }, /HTTP 503/],
    [{ type: 'hang' }, /did not answer within 300 ms/],
    [{ type: 'malformed' }, /malformed/],
  ] as const)('keeps the retriever order with a warning on %j', async (reply, reason) => {
    const warnings: string[] = [];
    fake.enqueue(reply);
    const hits = await reranked('rk', warnings, reply.type === 'hang' ? 300 : 5_000).search(question, { limit: 2 });
    expect(hits.map((h) => h.passage.id)).toEqual(['a', 'b']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
  });

  it('fails the request on a rejected key: configuration to fix, not to degrade around', async () => {
    await expect(reranked('wrong').search(question)).rejects.toMatchObject({ status: 502, code: 'upstream_auth' });
  });
});

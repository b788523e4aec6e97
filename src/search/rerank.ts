/**
 * Optional reranking (RERANK_BASE_URL / RERANK_API_KEY / RERANK_MODEL): a cross-encoder
 * endpoint with the Cohere/Jina `/rerank` shape reorders the retriever's top passages
 * (https://docs.cohere.com/reference/rerank, https://jina.ai/reranker):
 * `POST {base}/rerank {model, query, documents, top_n}` → `{results: [{index, relevance_score}]}`.
 * It wraps any Retriever, the local index as well as Upstash.
 *
 * When the endpoint fails: a rejected key or a wrong URL (401, 403, 404) is a configuration
 * error and fails the request (502), so it is fixed rather than lived with; a rate limit, a
 * 5xx, a timeout or a malformed answer is passing trouble, and the passages keep the
 * retriever's order, with a warning logged each time. The retriever's order is what the app
 * answers from without reranking, so a degraded answer is still a grounded one, and failing
 * every question while a reranker is briefly overloaded would cost more than it saves.
 */
import { UpstreamError } from '../errors.js';
import type { RerankConfig } from '../config.js';
import { EndpointError, postJson } from './endpoint-error.js';
import { DEFAULT_SEARCH_LIMIT } from './local-index.js';
import type { Retriever, SearchHit, SearchOptions } from './types.js';

/** Passages sent to the reranker: enough to lift a good passage from the second page of a fused ranking. */
export const RERANK_CANDIDATES = 20;
/** A cross-encoder over 20 passages answers within a second or two. */
export const DEFAULT_RERANK_TIMEOUT_MS = 8_000;

export class RerankError extends EndpointError {
  override name = 'RerankError';
}

export interface Reranker {
  readonly model: string;
  /** Indices into `documents` with their relevance, best first, at most `topN`. */
  rerank(
    query: string,
    documents: string[],
    topN: number,
    signal?: AbortSignal,
  ): Promise<{ index: number; score: number }[]>;
}

export interface RerankerOptions extends RerankConfig {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createReranker(options: RerankerOptions): Reranker {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/rerank`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RERANK_TIMEOUT_MS;
  const where = `the rerank endpoint ${endpoint}`;
  return {
    model: options.model,
    async rerank(query, documents, topN, signal) {
      const response = await postJson(
        endpoint,
        { model: options.model, query, documents, top_n: topN },
        { apiKey: options.apiKey, timeoutMs, fetch: options.fetch, where, signal, errors: { failure: RerankError } },
      );
      const body = (await response.json().catch(() => undefined)) as
        { results?: { index?: unknown; relevance_score?: unknown }[] } | undefined;
      const results = body?.results;
      const seen = new Set<number>();
      const valid =
        Array.isArray(results) &&
        results.every((r) => {
          const ok =
            Number.isInteger(r.index) &&
            (r.index as number) >= 0 &&
            (r.index as number) < documents.length &&
            !seen.has(r.index as number) &&
            typeof r.relevance_score === 'number';
          seen.add(r.index as number);
          return ok;
        });
      if (!valid) throw new RerankError(`${where} sent a malformed response`);
      return results!
        .map((r) => ({ index: r.index as number, score: r.relevance_score as number }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topN);
    },
  };
}

/** A rejected key or a wrong URL: configuration to fix, never to degrade around. */
const misconfigured = (error: RerankError) => error.status === 401 || error.status === 403 || error.status === 404;

export interface RerankingOptions {
  candidates?: number;
  /** Told when reranking is skipped. Default: console.warn. */
  onWarning?: (message: string) => void;
}

/**
 * `retriever` with its top passages reordered by `reranker`.
 *
 * @example withReranking(await loadIndex(), createReranker(config.rerank))
 */
export function withReranking(retriever: Retriever, reranker: Reranker, options: RerankingOptions = {}): Retriever {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const depth = options.candidates ?? RERANK_CANDIDATES;
  return {
    stats: () => retriever.stats(),
    async search(query: string, search: SearchOptions = {}): Promise<SearchHit[]> {
      const limit = search.limit ?? DEFAULT_SEARCH_LIMIT;
      const candidates = await retriever.search(query, { ...search, limit: Math.max(limit, depth) });
      if (candidates.length < 2) return candidates.slice(0, limit);
      const documents = candidates.map((c) => `${c.passage.title}\n${c.passage.text}`);
      try {
        const ranked = await reranker.rerank(query, documents, limit, search.signal);
        return ranked.map(({ index, score }) => ({ passage: candidates[index]!.passage, score }));
      } catch (error) {
        if (error instanceof RerankError && misconfigured(error)) {
          const code = error.status === 404 ? 'upstream_not_found' : 'upstream_auth';
          throw new UpstreamError(`${error.message}: check RERANK_BASE_URL and RERANK_API_KEY`, 502, code, {
            cause: error,
          });
        }
        warn(`reranking skipped, passages keep the retriever's order: ${(error as Error).message}`);
        return candidates.slice(0, limit);
      }
    },
  };
}

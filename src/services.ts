import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from './config.js';
import type { Retriever } from './search/types.js';
import type { LocalIndexOptions } from './search/local-index.js';
import { embedderFromConfig } from './search/embeddings.js';
import { createChatTranslator, type QueryTranslator } from './search/query-translation.js';
import { createChatModel } from './answer/model-factory.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { SlackEventLedger } from './channels/slack/event-ledger.js';
import type { AnswerLog } from './answer-log/types.js';
import { UpstashIndex } from './search/upstash-index.js';
import { connectUpstash } from './search/upstash-connect.js';
import { createReranker, withReranking } from './search/rerank.js';

/**
 * What the channels need, built once per isolate (worker) or process (CLI) and passed in,
 * so tests can swap any part for a fake.
 */
export interface AppServices {
  config: Config;
  model: BaseChatModel;
  /** Query translation on the chat model, when an LLM is configured. */
  translator?: QueryTranslator;
  /** Loaded on first use: the index is fetched and parsed lazily, off the start-up path. */
  retriever: () => Promise<Retriever>;
  /**
   * Counts requests for RATE_LIMIT_PER_MINUTE across isolates (the worker's Durable
   * Object). Absent with a limit set: one in memory (Node, tests).
   */
  rateLimiter?: RateLimiter;
  /**
   * Slack events already taken, shared by every isolate (D1 in the worker), so Slack's
   * retries are not answered twice. Required when Slack is configured.
   */
  slackEvents?: SlackEventLedger;
  /**
   * Where answers and their feedback are kept (D1 in the worker). Absent (the Node CLI,
   * tests without D1): answers are not logged, `POST /api/feedback` answers 503, and
   * ADMIN_API_KEY refuses to start.
   */
  answerLog?: AnswerLog;
}

/** Memoizes an async loader; a failed load is retried on the next call instead of cached. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * The services the configuration asks for, the same for the worker, `npm run ask` and
 * `npm run eval`: the chat model, query translation when an LLM is configured, and the
 * index with the configured query embedder. With UPSTASH_VECTOR_REST_URL set that index is
 * Upstash Vector; otherwise each runtime says how to load the local index (an asset in the
 * worker, a file or a corpus folder in the CLI), and the loader also receives the embedder
 * to build dense vectors with when it indexes a corpus itself. RERANK_* wraps either in a
 * reranker.
 */
export function createServices(
  config: Config,
  loadIndex: (options: LocalIndexOptions) => Promise<Retriever>,
): AppServices {
  // Built on first use: a LangChain model's constructor reads the environment, which in
  // workerd loads node:process; start-up stays free of it (issue 14).
  let model: BaseChatModel | undefined;
  const chatModel = () => (model ??= createChatModel(config));
  const options: LocalIndexOptions = { embedder: embedderFromConfig(config.embedding) };
  const upstash = config.upstash;
  const load = upstash
    ? () =>
        UpstashIndex.open({
          index: connectUpstash(upstash),
          namespace: upstash.namespace,
          embedding: upstash.embedding,
          fusion: upstash.fusion,
          embedder: options.embedder,
        })
    : () => loadIndex(options);
  const reranker = config.rerank ? createReranker(config.rerank) : undefined;
  return {
    config,
    get model() {
      return chatModel();
    },
    ...(config.llm
      ? { translator: (query, target, signal) => createChatTranslator(chatModel())(query, target, signal) }
      : {}),
    retriever: lazy(async () => {
      const retriever = await load();
      return reranker ? withReranking(retriever, reranker) : retriever;
    }),
  };
}

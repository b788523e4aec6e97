import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from './config.js';
import type { Retriever } from './search/types.js';

/**
 * What the channels need, built once per isolate (worker) or process (CLI) and passed in,
 * so tests can swap any part for a fake.
 */
export interface AppServices {
  config: Config;
  model: BaseChatModel;
  /** Loaded on first use: the index is fetched and parsed lazily, off the start-up path. */
  retriever: () => Promise<Retriever>;
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

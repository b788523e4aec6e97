import { ChatOpenAI } from '@langchain/openai';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config, LlmConfig } from '../config.js';
import { ExtractiveChatModel } from './extractive/extractive-model.js';
import { createModelFetch, type ModelFetchOptions } from './model-fetch.js';

/** Two retries ride out a brief overload without keeping a chat user waiting for long. */
export const LLM_MAX_RETRIES = 2;
/** First backoff step: 0.5 s, then 1 s (each scaled by jitter), unless Retry-After asks for more. */
export const LLM_RETRY_BASE_DELAY_MS = 500;
/** Longest Retry-After we wait for; a longer one is reported to the user as a 503 at once. */
export const LLM_MAX_RETRY_AFTER_MS = 10_000;

/**
 * Bytes of response read per model call, per `max_tokens`: a streamed token arrives in an SSE
 * chunk of 150–300 bytes of JSON around it, so 512 a token plus a 64 KiB margin never cuts an
 * honest answer and still bounds a runaway one far below the isolate's 128 MB.
 */
export const RESPONSE_BYTES_PER_TOKEN = 512;
const RESPONSE_BYTES_MARGIN = 64 * 1024;
/**
 * Characters of answer read per `max_tokens`: a token is 1–2 Hangul syllables or ~4 Latin
 * letters, so 8 never truncates an answer the model was allowed to give.
 */
export const ANSWER_CHARS_PER_TOKEN = 8;

/** Overrides for tests and special deployments; configuration covers the normal cases. */
export interface ChatModelOptions {
  retry?: Partial<Pick<ModelFetchOptions, 'maxRetries' | 'baseDelayMs' | 'maxRetryAfterMs'>>;
  fetch?: typeof fetch;
}

/**
 * A ChatOpenAI client for any OpenAI-compatible endpoint, with our retry and timeout policy
 * (see model-fetch.ts for why it lives in `configuration.fetch` and not in LangChain).
 */
export function createOpenAIChatModel(llm: LlmConfig, model: string, options: ChatModelOptions = {}): ChatOpenAI {
  const modelFetch = createModelFetch({
    maxRetries: options.retry?.maxRetries ?? LLM_MAX_RETRIES,
    baseDelayMs: options.retry?.baseDelayMs ?? LLM_RETRY_BASE_DELAY_MS,
    maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? LLM_MAX_RETRY_AFTER_MS,
    timeoutMs: llm.timeoutMs,
    maxResponseBytes: llm.maxTokens * RESPONSE_BYTES_PER_TOKEN + RESPONSE_BYTES_MARGIN,
    fetch: options.fetch,
  });
  return new ChatOpenAI({
    model,
    // Local OpenAI-compatible servers take no key; the SDK insists on a string.
    apiKey: llm.apiKey ?? 'not-needed',
    // logLevel off: the SDK logs a malformed chunk raw, and a chunk can echo anything (issue 10).
    configuration: { baseURL: llm.baseUrl, fetch: modelFetch, logLevel: 'off' },
    temperature: 0,
    maxTokens: llm.maxTokens,
    // Retries happen in modelFetch; LangChain retrying too would multiply the attempts.
    maxRetries: 0,
    // No `timeout`: modelFetch enforces LLM_TIMEOUT_MS per attempt and on stalled streams;
    // the SDK's own timer (its 10-minute default) would also cut through our retry waits.
    streamUsage: true,
  });
}

/**
 * The chat model the configuration asks for: any OpenAI-compatible endpoint (Upstage
 * Solar by default) through ChatOpenAI, or the offline extractive answerer.
 */
export function createChatModel(config: Config, options: ChatModelOptions = {}): BaseChatModel {
  if (!config.llm) return new ExtractiveChatModel();
  return createOpenAIChatModel(config.llm, config.llm.model, options);
}

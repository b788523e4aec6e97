import { ChatOpenAI } from '@langchain/openai';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../config.js';
import { ExtractiveChatModel } from './extractive/extractive-model.js';

/** Retries for 429 and 5xx, with the SDK's backoff (which honours Retry-After). */
export const LLM_MAX_RETRIES = 2;

/**
 * The chat model the configuration asks for: any OpenAI-compatible endpoint (Upstage
 * Solar by default) through ChatOpenAI, or the offline extractive answerer.
 */
export function createChatModel(config: Config): BaseChatModel {
  if (!config.llm) return new ExtractiveChatModel();
  const { baseUrl, apiKey, model, timeoutMs } = config.llm;
  return new ChatOpenAI({
    model,
    // Local OpenAI-compatible servers take no key; the SDK insists on a string.
    apiKey: apiKey ?? 'not-needed',
    configuration: { baseURL: baseUrl },
    temperature: 0,
    timeout: timeoutMs,
    maxRetries: LLM_MAX_RETRIES,
    streamUsage: true,
  });
}

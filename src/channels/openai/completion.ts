/**
 * An answer in OpenAI's response shapes (https://platform.openai.com/docs/api-reference/chat/object
 * and /chat-streaming): a `chat.completion` object, or `chat.completion.chunk`s.
 *
 * Beyond OpenAI's fields, both carry our `citations` (the array `/api/chat` returns) and
 * `refused`, at the top level of the completion and of the chunk that ends a stream;
 * OpenAI clients keep unknown fields, and front ends that ignore them still see the
 * sources list at the end of the text.
 */
import type { ChatResponse, Citation, TokenUsage } from '../../types.js';
import { sourcesList } from './sources-list.js';

/** What every chunk of one completion repeats. */
export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
  /** `stream_options.include_usage`: every chunk carries `usage`, null until the last. */
  includeUsage: boolean;
}

/** The prefix OpenAI's completion ids carry; feedback takes an answer id with or without it. */
export const COMPLETION_ID_PREFIX = 'chatcmpl-';

/**
 * `chatcmpl-<answer id>`: a client knows only this id, and feedback and the answer log
 * (issue 16) refer to the answer by it. The one place a completion id is made.
 */
export function completionId(answerId: string): string {
  return `${COMPLETION_ID_PREFIX}${answerId}`;
}

export function completionMeta(model: string, includeUsage: boolean, answerId: string): CompletionMeta {
  return { id: completionId(answerId), created: Math.floor(Date.now() / 1000), model, includeUsage };
}

/** `length` when the answer was cut at LLM_MAX_TOKENS, as OpenAI reports a `max_tokens` cut. */
function finishReason(response: ChatResponse): 'stop' | 'length' {
  return response.truncated ? 'length' : 'stop';
}

function openAIUsage(usage: TokenUsage | undefined) {
  return usage
    ? { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.totalTokens }
    : null;
}

function extras(response: ChatResponse): { citations: Citation[]; refused: boolean } {
  return { citations: response.citations, refused: response.refused };
}

/** The whole answer, its sources list appended to the text; `usage` only when it is known. */
export function chatCompletion(meta: CompletionMeta, response: ChatResponse) {
  const usage = openAIUsage(response.usage);
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: response.answer + sourcesList(response.citations, response.language),
          // OpenAI's `refusal` is a safety refusal; "not in the documents" is an answer: `refused`.
          refusal: null,
        },
        logprobs: null,
        finish_reason: finishReason(response),
      },
    ],
    ...(usage ? { usage } : {}),
    ...extras(response),
  };
}

function chunk(meta: CompletionMeta, choices: object[]) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices,
    ...(meta.includeUsage ? { usage: null } : {}),
  };
}

/** The first chunk: OpenAI opens every stream with the role. */
export function roleChunk(meta: CompletionMeta) {
  return chunk(meta, [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
}

export function contentChunk(meta: CompletionMeta, text: string) {
  return chunk(meta, [{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }]);
}

/** The chunk that ends the choice, with `finish_reason`, `citations` and `refused`. */
export function finishChunk(meta: CompletionMeta, response: ChatResponse) {
  return {
    ...chunk(meta, [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason(response) }]),
    ...extras(response),
  };
}

/**
 * The extra chunk `include_usage` asks for: no choices, the whole request's usage. Null
 * when unknown: the offline answerer makes no model calls, and zero would be a made-up count.
 */
export function usageChunk(meta: CompletionMeta, response: ChatResponse) {
  return { ...chunk(meta, []), usage: openAIUsage(response.usage) };
}

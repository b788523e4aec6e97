/**
 * `answer()`: the one pipeline every channel calls (web, Slack, OpenAI-compatible API,
 * eval). It streams: tokens as the model produces them, then the citations, then the
 * complete response. Collect it with `answerToCompletion` when no stream is wanted.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessageChunk } from '@langchain/core/messages';
import type { ChatMessage, ChatResponse, Citation, Lang, Passage, TokenUsage } from '../types.js';
import type { Retriever, SearchFilters } from '../search/types.js';
import { primaryLanguage } from '../text/language.js';
import { toContextSources } from './context.js';
import { buildPrompt, REFUSAL_TEXT } from './prompts.js';
import { mapCitations } from './citations.js';
import { resolveFollowUp } from './follow-up.js';
import { toUpstreamError } from './errors.js';

/** Passages put in front of the model: enough for multi-document answers, short enough for a small context. */
export const DEFAULT_CONTEXT_PASSAGES = 6;

export interface AnswerRequest {
  messages: ChatMessage[];
  filters?: SearchFilters;
  /** Answer language; by default the question's. */
  lang?: Lang;
  signal?: AbortSignal;
}

export interface AnswerDeps {
  retriever: Retriever;
  model: BaseChatModel;
  contextPassages?: number;
}

export type AnswerEvent =
  | { type: 'token'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'done'; response: ChatResponse; passages: Passage[] };

export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

function lastUserQuestion(messages: ChatMessage[]): { question: string; history: ChatMessage[] } {
  const index = messages.map((m) => m.role).lastIndexOf('user');
  if (index < 0 || !messages[index]!.content.trim()) {
    throw new BadRequestError('messages must end with a non-empty user message');
  }
  return { question: messages[index]!.content.trim(), history: messages.slice(0, index) };
}

function usageOf(chunk: AIMessageChunk | undefined): TokenUsage | undefined {
  const u = chunk?.usage_metadata;
  if (!u) return undefined;
  return { promptTokens: u.input_tokens, completionTokens: u.output_tokens, totalTokens: u.total_tokens };
}

/**
 * Answers the last user message from the indexed corpus.
 *
 * @example
 * for await (const event of answer({ messages }, { retriever, model })) {
 *   if (event.type === 'token') process.stdout.write(event.text);
 * }
 */
export async function* answer(request: AnswerRequest, deps: AnswerDeps): AsyncGenerator<AnswerEvent> {
  const { question, history } = lastUserQuestion(request.messages);
  const language = request.lang ?? primaryLanguage(question);
  const standalone = resolveFollowUp(question, history);

  let passages: Passage[];
  try {
    const hits = await deps.retriever.search(standalone, {
      limit: deps.contextPassages ?? DEFAULT_CONTEXT_PASSAGES,
      filters: request.filters,
    });
    passages = hits.map((h) => h.passage);
  } catch (error) {
    throw toUpstreamError(error, 'the search index');
  }

  if (passages.length === 0) {
    // Nothing in the corpus shares a term with the question: refuse without a model call.
    const text = REFUSAL_TEXT[language];
    yield { type: 'token', text };
    yield { type: 'citations', citations: [] };
    yield { type: 'done', passages, response: { answer: text, language, citations: [], refused: true } };
    return;
  }

  const prompt = buildPrompt({ question: standalone, history, sources: toContextSources(passages), language });
  let text = '';
  let last: AIMessageChunk | undefined;
  let refusedByModel: boolean | undefined;
  try {
    const stream = await deps.model.stream(prompt, { signal: request.signal });
    for await (const chunk of stream) {
      const delta = typeof chunk.content === 'string' ? chunk.content : '';
      if (delta) {
        text += delta;
        yield { type: 'token', text: delta };
      }
      if (chunk.usage_metadata) last = chunk;
      const refused = chunk.response_metadata?.refused;
      if (typeof refused === 'boolean') refusedByModel = refused;
    }
  } catch (error) {
    throw toUpstreamError(error, 'the answer model');
  }

  const citations = mapCitations(text, passages);
  // A hosted model says it cannot answer in words; an answer citing nothing is not from the corpus.
  const refused = refusedByModel ?? citations.length === 0;
  yield { type: 'citations', citations };
  const usage = usageOf(last);
  yield {
    type: 'done',
    passages,
    response: { answer: text.trim(), language, citations, refused, ...(usage ? { usage } : {}) },
  };
}

/** Runs `answer()` to the end and returns the response (plus the passages it saw). */
export async function answerToCompletion(
  request: AnswerRequest,
  deps: AnswerDeps,
): Promise<{ response: ChatResponse; passages: Passage[] }> {
  for await (const event of answer(request, deps)) {
    if (event.type === 'done') return { response: event.response, passages: event.passages };
  }
  throw new Error('answer() ended without a response');
}

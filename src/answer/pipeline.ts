/**
 * `answer()`: the one pipeline every channel calls (web, Slack, OpenAI-compatible API,
 * eval). It streams: tokens as the model produces them, then the citations, then the
 * complete response. Collect it with `answerToCompletion` when no stream is wanted.
 *
 * Steps: make a follow-up standalone (the model rewrites it; offline, entities are carried
 * over), retrieve, prompt with numbered sources, stream, map `[n]` to citations, decide
 * `refused`, check the figures (and, when configured, groundedness).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessage, AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import type { ChatMessage, ChatResponse, Citation, Lang, Passage, TokenUsage } from '../types.js';
import type { Retriever, SearchFilters } from '../search/types.js';
import type { QueryTranslator } from '../search/query-translation.js';
import { MIN_QUERY_COVERAGE, planTranslation, queryCoverage, type TranslationPlan } from './translation-plan.js';
import { toContextSources } from './context.js';
import { buildPrompt, REFUSAL_TEXT } from './prompts.js';
import { mapCitations } from './citations.js';
import { rewriteAndTranslate, rewriteFollowUp } from './follow-up.js';
import { AppError, BadRequestError, UpstreamError, toUpstreamError } from '../errors.js';
import { answerLanguageOf } from './answer-language.js';
import { isRefusal } from './refusal.js';
import { groundingContext, unsupportedFigures, type GroundednessChecker } from './groundedness.js';
import { contextSize } from './context-size.js';
import { newAnswerId } from './answer-id.js';

/** Passages put in front of the model: enough for multi-document answers, short enough for a small context. */
export const DEFAULT_CONTEXT_PASSAGES = 6;

export interface AnswerRequest {
  /**
   * The answer's id (`response.id`), when the caller must know it before the answer ends:
   * a `/v1` stream sends it in its first chunk (issue 16). Absent: a new one (answer-id.ts).
   */
  id?: string;
  messages: ChatMessage[];
  filters?: SearchFilters;
  /** Answer language; by default the question's. */
  lang?: Lang;
  signal?: AbortSignal;
  /**
   * false: the caller wants the whole answer at once (a JSON response), so the model is
   * asked without streaming. The events are the same, with one token event.
   */
  stream?: boolean;
}

export interface AnswerDeps {
  retriever: Retriever;
  model: BaseChatModel;
  contextPassages?: number;
  /** Optional second opinion on each answer (GROUNDEDNESS_MODEL). */
  groundedness?: GroundednessChecker;
  /**
   * One deadline for all of a question's model calls (rewrite, translation, answer, check):
   * LLM_TIMEOUT_MS. Each call gets what is left, so a hung model costs the deadline once.
   */
  deadlineMs?: number;
  /** Characters of answer read from the model before it is cut off and marked `truncated`. */
  maxAnswerChars?: number;
  /** Translates queries across the corpus' languages when it can matter (translation-plan.ts). */
  translator?: QueryTranslator;
}

export type AnswerEvent =
  | { type: 'token'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'done'; response: ChatResponse; passages: Passage[] };

/** What `answerWithin` yields: the done event before the answer's id is put on it. */
type AnswerStep =
  Exclude<AnswerEvent, { type: 'done' }> | { type: 'done'; response: Omit<ChatResponse, 'id'>; passages: Passage[] };

/**
 * The signal a question's upstream work runs under: the client going away, the deadline,
 * or the pipeline itself stopping early (a consumer that stops reading, an answer cut at
 * its cap). `deadline` tells a timeout from a cancellation.
 */
function workSignal(request: AnswerRequest, deadlineMs: number | undefined) {
  const stop = new AbortController();
  const deadline = deadlineMs ? AbortSignal.timeout(deadlineMs) : undefined;
  const signals = [stop.signal, request.signal, deadline].filter((s): s is AbortSignal => s !== undefined);
  return { signal: AbortSignal.any(signals), deadline, stop: () => stop.abort() };
}

/** An upstream failure, told apart from our own deadline and from a client that left. */
function upstreamFailure(error: unknown, what: string, work: ReturnType<typeof workSignal>, request: AnswerRequest) {
  // Our own errors already say what went wrong (a filter the index cannot express is a 400).
  if (error instanceof AppError) return error;
  if (work.deadline?.aborted) return new UpstreamError(`${what} did not answer in time`, 504, 'upstream_timeout');
  if (request.signal?.aborted) return new UpstreamError('the client closed the request', 503, 'request_aborted');
  return toUpstreamError(error, what);
}

/** The question a conversation asks (its last user message, trimmed), and the turns before it. */
export function lastUserQuestion(messages: ChatMessage[]): { question: string; history: ChatMessage[] } {
  const index = messages.map((m) => m.role).lastIndexOf('user');
  if (index < 0 || !messages[index]!.content.trim()) {
    throw new BadRequestError('messages must end with a non-empty user message');
  }
  return { question: messages[index]!.content.trim(), history: messages.slice(0, index) };
}

type UsageMetadata = NonNullable<AIMessageChunk['usage_metadata']>;

/** Adds up the tokens of every model call an answer made (rewrite, answer, check). */
class UsageTally {
  private total: TokenUsage | undefined;
  add(u: Pick<UsageMetadata, 'input_tokens' | 'output_tokens' | 'total_tokens'> | undefined): void {
    if (!u) return;
    const t = (this.total ??= { promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    t.promptTokens += u.input_tokens;
    t.completionTokens += u.output_tokens;
    t.totalTokens += u.total_tokens;
  }
  get value(): TokenUsage | undefined {
    return this.total;
  }
}

/**
 * Runs the optional checks. An invented figure is never grounded; the model check, when
 * configured, decides otherwise. A failed check leaves `grounded` unset: the answer was
 * not checked, and saying so beats failing the request after the answer was streamed.
 */
async function checkGroundedness(
  text: string,
  passages: Passage[],
  deps: AnswerDeps,
  usage: UsageTally,
  signal?: AbortSignal,
): Promise<boolean | undefined> {
  if (unsupportedFigures(text, passages).length > 0) return false;
  if (!deps.groundedness) return undefined;
  try {
    const result = await deps.groundedness.check(groundingContext(passages), text, signal);
    usage.add(result.usage);
    return result.verdict === 'grounded' ? true : result.verdict === 'notGrounded' ? false : undefined;
  } catch (error) {
    console.warn(`groundedness check failed: ${toUpstreamError(error, 'the groundedness model').message}`);
    return undefined;
  }
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
  const language = request.lang ?? answerLanguageOf(question);
  const usage = new UsageTally();
  const work = workSignal(request, deps.deadlineMs);
  const id = request.id ?? newAnswerId();
  try {
    for await (const event of answerWithin(question, history, language, usage, work, request, deps)) {
      yield event.type === 'done' ? { ...event, response: { id, ...event.response } } : event;
    }
  } finally {
    // However the answer ends (done, failed, or its reader gone), nothing keeps running upstream.
    work.stop();
  }
}

async function* answerWithin(
  question: string,
  history: ChatMessage[],
  language: Lang,
  usage: UsageTally,
  work: ReturnType<typeof workSignal>,
  request: AnswerRequest,
  deps: AnswerDeps,
): AsyncGenerator<AnswerStep> {
  const { signal } = work;
  let plan: TranslationPlan = { when: 'never' };
  try {
    if (deps.translator) plan = planTranslation(question, await deps.retriever.stats());
  } catch (error) {
    throw upstreamFailure(error, 'the search index', work, request);
  }

  let searchQuestion = question;
  let translations: string[] | undefined;
  if (history.length > 0) {
    try {
      if (plan.when === 'before') {
        // A follow-up that also needs translating: both from one call, not two in a row.
        console.log(`model call: follow-up rewrite with query translation into ${plan.target} (${plan.reason})`);
        const both = await rewriteAndTranslate(question, history, deps.model, {
          language,
          target: plan.target,
          signal,
        });
        if (both.translation) translations = [both.translation];
        searchQuestion = both.question;
        usage.add(both.usage);
      } else {
        const rewrite = await rewriteFollowUp(question, history, deps.model, { language, signal });
        searchQuestion = rewrite.question;
        usage.add(rewrite.usage);
      }
    } catch (error) {
      throw upstreamFailure(error, 'the answer model', work, request);
    }
  }

  let passages: Passage[];
  try {
    passages = await retrieve(searchQuestion, request, deps, work.signal, usage, plan, translations);
  } catch (error) {
    throw upstreamFailure(error, 'the search index', work, request);
  }

  if (passages.length === 0) {
    // Nothing in the corpus shares a term with the question: refuse without a model call.
    const text = REFUSAL_TEXT[language];
    yield { type: 'token', text };
    yield { type: 'citations', citations: [] };
    yield { type: 'done', passages, response: { answer: text, language, citations: [], refused: true } };
    return;
  }

  // The model sees the question as asked, with the conversation: the rewrite served search.
  const prompt = buildPrompt({ question, history, sources: toContextSources(passages), language });
  const maxChars = deps.maxAnswerChars ?? Infinity;
  let text = '';
  let truncated = false;
  let refusedByModel: boolean | undefined;
  try {
    for await (const chunk of generate(deps.model, prompt, signal, request.stream !== false)) {
      let delta = typeof chunk.content === 'string' ? chunk.content : '';
      if (text.length + delta.length > maxChars) {
        // Past the cap the answer ends here, honestly marked; the model stops streaming.
        delta = delta.slice(0, maxChars - text.length);
        truncated = true;
      }
      if (chunk.response_metadata?.finish_reason === 'length') truncated = true;
      if (delta) {
        text += delta;
        yield { type: 'token', text: delta };
      }
      usage.add(chunk.usage_metadata);
      const refused = chunk.response_metadata?.refused;
      if (typeof refused === 'boolean') refusedByModel = refused;
      if (truncated) break;
    }
  } catch (error) {
    throw upstreamFailure(error, 'the answer model', work, request);
  }
  if (truncated) work.stop();

  const answerText = text.trim();
  const citations = mapCitations(answerText, passages);
  // The offline answerer knows whether it refused; a hosted model says so in words, and an
  // answer that cites no source is not an answer from the corpus.
  const refused = refusedByModel ?? (citations.length === 0 || isRefusal(answerText));
  yield { type: 'citations', citations };
  const grounded =
    refused || truncated ? undefined : await checkGroundedness(answerText, passages, deps, usage, signal);
  const total = usage.value;
  yield {
    type: 'done',
    passages,
    response: {
      answer: answerText,
      language,
      citations,
      refused,
      ...(truncated ? { truncated } : {}),
      ...(total ? { usage: total } : {}),
      ...(grounded !== undefined ? { grounded } : {}),
    },
  };
}

/**
 * The model's answer as chunks: streamed, or (for a JSON response) one call whose reply
 * is the only chunk, which spares the per-token overhead of a stream nobody reads.
 */
async function* generate(
  model: BaseChatModel,
  prompt: BaseMessage[],
  signal: AbortSignal,
  stream: boolean,
): AsyncGenerator<AIMessageChunk | AIMessage> {
  if (stream) {
    yield* await model.stream(prompt, { signal });
    return;
  }
  yield await model.invoke(prompt, { signal });
}

/**
 * The passages for a question: searched as asked, and with the question translated into
 * the corpus' other language when the plan says it can matter (translation-plan.ts). Each
 * translation is a model call, logged with its reason and counted in `usage`; a failed one
 * only narrows the search to the question as asked.
 */
async function retrieve(
  question: string,
  request: AnswerRequest,
  deps: AnswerDeps,
  signal: AbortSignal,
  usage: UsageTally,
  plan: TranslationPlan,
  /** Translations already made (with a follow-up's rewrite): no further call. */
  translated?: string[],
): Promise<Passage[]> {
  const search = async (translations?: string[]) => {
    const hits = await deps.retriever.search(question, {
      limit: contextSize(question, deps.contextPassages ?? DEFAULT_CONTEXT_PASSAGES),
      filters: request.filters,
      signal,
      ...(translations?.length ? { translations } : {}),
    });
    return hits.map((h) => h.passage);
  };
  if (!deps.translator || plan.when === 'never') return search();
  if (translated) return search(translated);

  const translate = async (target: Lang, reason: string): Promise<string[]> => {
    console.log(`model call: query translation into ${target} (${reason})`);
    try {
      const translation = await deps.translator!(question, target, signal);
      usage.add(translation.usage);
      return translation.text ? [translation.text] : [];
    } catch (error) {
      if (signal.aborted) throw error;
      const why = toUpstreamError(error, 'the translation model').message;
      console.warn(`query translation failed, searching with the question as asked: ${why}`);
      return [];
    }
  };
  if (plan.when === 'before') return search(await translate(plan.target, plan.reason));
  const first = await search();
  const coverage = queryCoverage(question, first);
  if (coverage >= MIN_QUERY_COVERAGE) return first;
  const translations = await translate(plan.target, `the question's terms found ${Math.round(coverage * 100)}%`);
  return translations.length ? search(translations) : first;
}

/** Runs `answer()` to the end and returns the response (plus the passages it saw). */
export async function answerToCompletion(
  request: AnswerRequest,
  deps: AnswerDeps,
): Promise<{ response: ChatResponse; passages: Passage[] }> {
  for await (const event of answer({ stream: false, ...request }, deps)) {
    if (event.type === 'done') return { response: event.response, passages: event.passages };
  }
  throw new Error('answer() ended without a response');
}

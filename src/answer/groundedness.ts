/**
 * Groundedness: is the answer supported by the passages it was given?
 *
 * Two checks. `unsupportedFigures` runs on every answer, offline: an amount, percentage,
 * dated fact or counted quantity that no passage states (in any of its written forms, via
 * the shared number module) is an invented figure. `createGroundednessChecker` asks Upstage's
 * groundedness-check model when `GROUNDEDNESS_MODEL` is configured: it takes the context as a
 * user message and the answer as an assistant message and replies `grounded`, `notGrounded`
 * or `notSure` (https://console.upstage.ai/docs/capabilities/groundedness-check).
 */
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import type { LlmConfig } from '../config.js';
import type { Passage } from '../types.js';
import { extractQuantities, quantitiesMatch, type Quantity } from '../text/numbers.js';
import { createOpenAIChatModel, type ChatModelOptions } from './model-factory.js';

export type GroundednessVerdict = 'grounded' | 'notGrounded' | 'notSure';

export interface GroundednessResult {
  verdict: GroundednessVerdict;
  usage?: { input_tokens: number; output_tokens: number; total_tokens: number };
}

/** The port the pipeline calls; tests and other providers can implement it. */
export interface GroundednessChecker {
  check(context: string, answer: string, signal?: AbortSignal): Promise<GroundednessResult>;
}

const CITATION_MARKERS = /\[\d+(?:\s*[,,]\s*\d+)*\]/g;

/** Figures worth checking: bare counts ("3 loans", list numbers) are too loose to judge. */
function isCheckedFigure(q: Quantity): boolean {
  return q.kind !== 'count' || (q.unit !== '' && q.unit !== 'item');
}

/**
 * The figures of an answer that none of the passages states, as written in the answer.
 *
 * @example unsupportedFigures('It invests 9 trillion won [1].', passages) // ['9 trillion won']
 */
export function unsupportedFigures(answer: string, passages: Pick<Passage, 'text' | 'title'>[]): string[] {
  const stated = passages.flatMap((p) => extractQuantities(`${p.title}\n${p.text}`));
  return extractQuantities(answer.replace(CITATION_MARKERS, ' '))
    .filter(isCheckedFigure)
    .filter((q) => !stated.some((s) => quantitiesMatch(q, s) || quantitiesMatch(s, q)))
    .map((q) => q.text);
}

/** The passages as plain text for the checker: title and date give dated figures their meaning. */
export function groundingContext(passages: Passage[]): string {
  return passages.map((p, i) => `[${i + 1}] ${p.title}${p.date ? ` (${p.date})` : ''}\n${p.text}`).join('\n\n');
}

function verdictOf(text: string): GroundednessVerdict {
  const word = text.trim().toLowerCase();
  if (word.startsWith('notgrounded') || word.startsWith('not grounded')) return 'notGrounded';
  if (word.startsWith('grounded')) return 'grounded';
  return 'notSure';
}

/**
 * A checker backed by an OpenAI-compatible groundedness model on the LLM endpoint
 * (Upstage: `groundedness-check`), with the same retries and timeout as the chat model.
 */
export function createGroundednessChecker(
  llm: LlmConfig,
  model: string,
  options: ChatModelOptions = {},
): GroundednessChecker {
  const client = createOpenAIChatModel(llm, model, options);
  return {
    async check(context, answer, signal) {
      const reply = await client.invoke([new HumanMessage(context), new AIMessage(answer)], { signal });
      const text = typeof reply.content === 'string' ? reply.content : '';
      return { verdict: verdictOf(text), ...(reply.usage_metadata ? { usage: reply.usage_metadata } : {}) };
    },
  };
}

/**
 * The `answer()` dependencies a channel needs, from the app services: the retriever, the
 * chat model, and the groundedness checker when `GROUNDEDNESS_MODEL` is configured.
 * Channels call this instead of assembling deps, so each gets the same optional checks.
 */
import type { AppServices } from '../services.js';
import type { AnswerDeps } from './pipeline.js';
import { createGroundednessChecker, type GroundednessChecker } from './groundedness.js';
import { ANSWER_CHARS_PER_TOKEN } from './model-factory.js';

// One checker per configuration (per isolate), not one per request.
const checkers = new WeakMap<AppServices['config'], GroundednessChecker | null>();

function groundednessFor(config: AppServices['config']): GroundednessChecker | undefined {
  if (!checkers.has(config)) {
    const llm = config.llm;
    checkers.set(config, llm?.groundednessModel ? createGroundednessChecker(llm, llm.groundednessModel) : null);
  }
  return checkers.get(config) ?? undefined;
}

/** @example for await (const e of answer(request, await answerDeps(services))) … */
export async function answerDeps(services: AppServices): Promise<AnswerDeps> {
  const { llm } = services.config;
  const groundedness = groundednessFor(services.config);
  return {
    retriever: await services.retriever(),
    model: services.model,
    ...(services.translator ? { translator: services.translator } : {}),
    ...(groundedness ? { groundedness } : {}),
    ...(llm ? { deadlineMs: llm.timeoutMs, maxAnswerChars: llm.maxTokens * ANSWER_CHARS_PER_TOKEN } : {}),
  };
}

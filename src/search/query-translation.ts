/**
 * Query translation with the configured chat model: the translation's terms join the query
 * at the weight of other translations (SearchOptions.translations), so an English question
 * reaches Korean releases beyond what the glossaries know. The pipeline decides when a
 * question is worth this extra call (answer/translation-plan.ts).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Lang } from '../types.js';

export interface Translation {
  text: string;
  usage?: { input_tokens: number; output_tokens: number; total_tokens: number };
}

/** Translates a search query into `target`; `text` is '' when it has nothing to offer. */
export type QueryTranslator = (query: string, target: Lang, signal?: AbortSignal) => Promise<Translation>;

const LANGUAGE_NAMES: Record<Lang, string> = { ko: 'Korean', en: 'English' };
/** Queries are short; a translation longer than this is the model talking, not translating. */
export const MAX_TRANSLATION_CHARS = 500;

/** The system instruction of a translation call (the fake models of the tests read it). */
export function translationInstruction(target: Lang): string {
  return (
    `Translate the user's search query into ${LANGUAGE_NAMES[target]}. Keep names, numbers and ` +
    'amounts exact; give well-known English names of Korean organisations and places. ' +
    'Reply with the translation only.'
  );
}

/**
 * A translator on a LangChain chat model (ChatOpenAI against Upstage Solar or any
 * OpenAI-compatible endpoint).
 */
export function createChatTranslator(model: BaseChatModel): QueryTranslator {
  return async (query, target, signal) => {
    const reply = await model.invoke(
      [
        { role: 'system', content: translationInstruction(target) },
        { role: 'user', content: query },
      ],
      { signal },
    );
    const text = typeof reply.content === 'string' ? reply.content : '';
    return {
      text: text.trim().slice(0, MAX_TRANSLATION_CHARS),
      ...(reply.usage_metadata ? { usage: reply.usage_metadata } : {}),
    };
  };
}

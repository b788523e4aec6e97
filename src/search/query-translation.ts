/**
 * Query translation with the configured chat model (DESIGN.md: with an LLM configured, the
 * query is also translated): the translation's terms join the query at the weight of other
 * translations, so an English question reaches Korean releases beyond what the glossaries know.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Lang } from '../types.js';

/** Translates a search query into `target`; resolves to '' when it has nothing to offer. */
export type QueryTranslator = (query: string, target: Lang, signal?: AbortSignal) => Promise<string>;

const LANGUAGE_NAMES: Record<Lang, string> = { ko: 'Korean', en: 'English' };
/** Queries are short; a translation longer than this is the model talking, not translating. */
const MAX_TRANSLATION_CHARS = 500;

/**
 * A translator on a LangChain chat model (ChatOpenAI against Upstage Solar or any
 * OpenAI-compatible endpoint).
 */
export function createChatTranslator(model: BaseChatModel): QueryTranslator {
  return async (query, target, signal) => {
    const reply = await model.invoke(
      [
        {
          role: 'system',
          content:
            `Translate the user's search query into ${LANGUAGE_NAMES[target]}. Keep names, numbers and ` +
            'amounts exact; give well-known English names of Korean organisations and places. ' +
            'Reply with the translation only.',
        },
        { role: 'user', content: query },
      ],
      { signal },
    );
    const text = typeof reply.content === 'string' ? reply.content : '';
    return text.trim().slice(0, MAX_TRANSLATION_CHARS);
  };
}

/**
 * The offline answerer of the embedded default, as a LangChain chat model.
 *
 * It receives the same messages a hosted model would and reads them back with the prompt's
 * own parser (`parsePrompt`): the rules, the numbered <context>, the history and the
 * question. It quotes the sentences of the context that answer, with their [n] markers, or
 * refuses, saying why. No network, no keys; deterministic; nothing is built until it answers.
 */
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { REFUSAL_TEXT, parsePrompt } from '../prompts.js';
import { carryEntities } from '../follow-up.js';
import { primaryLanguage } from '../../text/language.js';
import { selectSentences } from './select.js';
import { composeAbsent, composeAnswer, composeValueless } from './compose.js';

export const EXTRACTIVE_MODEL_NAME = 'extractive-offline';

export interface ExtractiveAnswer {
  text: string;
  refused: boolean;
}

/**
 * Composes the reply to a prompt built by `buildPrompt` (an answer) or `buildRewritePrompt`
 * (a standalone follow-up question, resolved offline by carrying names over). Any other
 * prompt (one the offline model was never meant to read) is declined.
 */
export function composeExtractiveAnswer(messages: BaseMessage[]): ExtractiveAnswer {
  const prompt = parsePrompt(messages);
  if (!prompt) {
    const last = messages.at(-1)?.content;
    return { text: REFUSAL_TEXT[primaryLanguage(typeof last === 'string' ? last : '')], refused: true };
  }
  if (prompt.kind === 'rewrite') return { text: carryEntities(prompt.question, prompt.history), refused: false };
  const { question, sources, language, history } = prompt;
  const selection = selectSentences(question, sources, language, history);
  if (selection.sentences.length > 0) return { text: composeAnswer(selection, language), refused: false };
  // Refusing: say which name is missing, or which kind of value, and what the sources do cover.
  const note = selection.absent
    ? ` ${composeAbsent(selection.absent, sources, language)}`
    : selection.valueless
      ? ` ${composeValueless(selection.valueless, selection.query.type, language)}`
      : '';
  return { text: REFUSAL_TEXT[language] + note, refused: true };
}

/** Splits text into small deltas (a word and its following space) for streaming. */
const deltas = (text: string) => text.match(/\S+\s*/g) ?? [];

export class ExtractiveChatModel extends BaseChatModel {
  static override lc_name() {
    return 'ExtractiveChatModel';
  }

  constructor(fields: BaseChatModelParams = {}) {
    super(fields);
  }

  override _llmType(): string {
    return EXTRACTIVE_MODEL_NAME;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const { text, refused } = composeExtractiveAnswer(messages);
    const message = new AIMessage({ content: text, response_metadata: { refused, model_name: EXTRACTIVE_MODEL_NAME } });
    return { generations: [{ text, message }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const { text, refused } = composeExtractiveAnswer(messages);
    for (const delta of deltas(text)) {
      yield new ChatGenerationChunk({ text: delta, message: new AIMessageChunk({ content: delta }) });
      await runManager?.handleLLMNewToken(delta);
    }
    yield new ChatGenerationChunk({
      text: '',
      message: new AIMessageChunk({ content: '', response_metadata: { refused, model_name: EXTRACTIVE_MODEL_NAME } }),
    });
  }
}

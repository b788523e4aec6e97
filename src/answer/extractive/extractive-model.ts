/**
 * The offline answerer of the embedded default, as a LangChain chat model.
 *
 * It receives the same messages a hosted model would (rules, numbered <context>,
 * history, question), selects the sentences of the context that answer the question and
 * returns them with their [n] markers, or the plain refusal when none is supported.
 * No network, no keys; deterministic.
 */
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { Lang } from '../../types.js';
import { parseContext, withoutContext } from '../context.js';
import { REFUSAL_TEXT, isRewritePrompt, promptLanguage } from '../prompts.js';
import { carryEntities } from '../follow-up.js';
import type { ChatMessage } from '../../types.js';
import { selectSentences } from './select-sentences.js';
import { composeAbsent, composeAnswer, composeUnnamed, composeValueless } from './compose.js';

export const EXTRACTIVE_MODEL_NAME = 'extractive-offline';

export interface ExtractiveAnswer {
  text: string;
  refused: boolean;
}

function messageText(message: BaseMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

/** The conversation before the last question, as chat messages. */
function historyOf(messages: BaseMessage[]): ChatMessage[] {
  const turns = messages.filter((m) => m.getType() === 'human' || m.getType() === 'ai');
  return turns
    .slice(0, -1)
    .map((m) => ({ role: m.getType() === 'human' ? 'user' : 'assistant', content: messageText(m) }));
}

/**
 * Composes the reply to a prompt built by `buildPrompt` (an answer) or by
 * `buildRewritePrompt` (a standalone follow-up question, resolved offline).
 */
export function composeExtractiveAnswer(messages: BaseMessage[]): ExtractiveAnswer {
  const system = messages.find((m) => m.getType() === 'system');
  const question = [...messages].reverse().find((m) => m.getType() === 'human');
  const systemText = system ? messageText(system) : '';
  if (isRewritePrompt(systemText)) {
    return { text: carryEntities(question ? messageText(question) : '', historyOf(messages)), refused: false };
  }
  const language = promptLanguage(withoutContext(systemText).trim());
  const sources = parseContext(systemText);
  const selection = selectSentences(question ? messageText(question) : '', sources, language, historyOf(messages));
  if (selection.sentences.length === 0) {
    // Refusing a question about a name no source mentions, or names the sources do not give:
    // say so, and what they do cover.
    const note = selection.absent
      ? ` ${composeAbsent(selection.absent, sources, language)}`
      : selection.unnamed
        ? ` ${composeUnnamed(selection.unnamed, language)}`
        : selection.valueless
          ? ` ${composeValueless(selection.valueless, selection.query.type, language)}`
          : '';
    return { text: REFUSAL_TEXT[language] + note, refused: true };
  }
  return { text: composeAnswer(selection, language), refused: false };
}

/** Splits text into small deltas (a word and its following space) for streaming. */
function deltas(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

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

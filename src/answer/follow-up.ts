/**
 * Follow-up questions ("그럼 IBK기업은행 몫은?", "What about its completion date?") made
 * standalone for search.
 *
 * With any chat model, `rewriteFollowUp` asks the model (a hosted model rewrites; the
 * offline answerer answers the same prompt with `carryEntities`). Offline, the words that
 * named things in the earlier questions are carried into the new one, so search sees the
 * company or project the conversation is about.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessage } from '@langchain/core/messages';
import type { ChatMessage, Lang } from '../types.js';
import { tokenize } from '../text/tokenize.js';
import { stripParticle } from '../text/particles.js';
import { buildRewriteAndTranslatePrompt, buildRewritePrompt } from './prompts.js';
import { MAX_TRANSLATION_CHARS } from '../search/query-translation.js';
import { isQuestionPhrasing } from '../text/question-words.js';

/** A question this short (in analyzer terms) probably leans on the previous turn. */
const SHORT_QUESTION_TERMS = 6;
/**
 * Words that point back to the conversation: pronouns and demonstratives, and relative
 * expressions that need something to be relative to ("the next step", "다음 단계", "the rest").
 */
const REFERRING =
  /\b(it|its|they|their|them|that|this|those|these|the same|the company|the project|the loan|the center|what about|how about|next (step|stage|phase|round)|after that|the rest|the others?)\b|그것|그곳|그 회사|그 기업|그 사업|이 회사|해당|그거|거기|이곳|그럼|그러면|그리고|또한?|그 중|그중|나머지|이때|그때|다음 ?단계|그 ?다음|다음으로|이후에?는|앞으로는/i;
/** Earlier user turns searched for entities: the conversation's subject is rarely older than this. */
const CARRY_TURNS = 2;
/** A rewrite longer than this is a model answering instead of rewriting. */
const MAX_REWRITE_CHARS = 400;

/** Does the question lean on earlier turns? */
export function looksLikeFollowUp(question: string): boolean {
  return REFERRING.test(question) || tokenize(question).length <= SHORT_QUESTION_TERMS;
}

/** Words of a question that name something (not question words, not already in `exclude`). */
function namingWords(text: string, exclude: Set<string>): string[] {
  const words: string[] = [];
  for (const raw of text.split(/[\s?？!.,;:()"'“”‘’·]+/)) {
    const word = /[\uac00-\ud7a3]$/.test(raw) ? stripParticle(raw) : raw;
    const terms = tokenize(word);
    if (terms.length === 0 || isQuestionPhrasing(word)) continue;
    if (terms.every((t) => exclude.has(t))) continue;
    for (const t of terms) exclude.add(t);
    words.push(word);
  }
  return words;
}

/**
 * Offline resolution: appends, in parentheses, the naming words of the last user turns
 * that the question does not already contain.
 *
 * @example carryEntities('IBK기업은행 몫은?', [{ role: 'user', content: '업스테이지 투자 금액은?' }])
 * // 'IBK기업은행 몫은? (업스테이지 투자)'
 */
export function carryEntities(question: string, history: ChatMessage[]): string {
  if (!looksLikeFollowUp(question)) return question;
  const previous = history
    .filter((m) => m.role === 'user')
    .slice(-CARRY_TURNS)
    .reverse();
  if (previous.length === 0) return question;
  const seen = new Set(tokenize(question));
  const carried = previous.flatMap((m) => namingWords(m.content, seen));
  return carried.length ? `${question} (${carried.join(' ')})` : question;
}

function contentText(message: AIMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

export interface RewriteResult {
  question: string;
  /** Tokens the rewrite call used, when the model reports them. */
  usage?: { input_tokens: number; output_tokens: number; total_tokens: number };
}

/**
 * Asks the model for a standalone version of a follow-up question. An implausible rewrite
 * (empty, several lines, an answer instead of a question) falls back to `carryEntities`.
 * A failing model is not hidden: the answer call would fail the same way, only later.
 */
export async function rewriteFollowUp(
  question: string,
  history: ChatMessage[],
  model: BaseChatModel,
  options: { language: Lang; signal?: AbortSignal },
): Promise<RewriteResult> {
  if (!history.some((m) => m.role === 'user')) return { question };
  const reply = await model.invoke(buildRewritePrompt(question, history, options.language), {
    signal: options.signal,
  });
  const rewritten = contentText(reply)
    .trim()
    .replace(/^["'“]|["'”]$/g, '');
  const usage = reply.usage_metadata ? { usage: reply.usage_metadata } : {};
  const plausible = rewritten && !rewritten.includes('\n') && rewritten.length <= MAX_REWRITE_CHARS;
  return { question: plausible ? rewritten : carryEntities(question, history), ...usage };
}

/**
 * The standalone question and its translation into `target` from one model call, for a
 * follow-up whose search needs a translation up front (answer/translation-plan.ts). An
 * implausible first line falls back to `carryEntities`; a missing or implausible second line
 * leaves `translation` undefined, and the caller translates on its own.
 */
export async function rewriteAndTranslate(
  question: string,
  history: ChatMessage[],
  model: BaseChatModel,
  options: { language: Lang; target: Lang; signal?: AbortSignal },
): Promise<RewriteResult & { translation?: string }> {
  const reply = await model.invoke(
    buildRewriteAndTranslatePrompt(question, history, options.language, options.target),
    {
      signal: options.signal,
    },
  );
  const [rewritten = '', translated = ''] = contentText(reply)
    .split('\n')
    .map((line) => line.trim().replace(/^["'“]|["'”]$/g, ''))
    .filter(Boolean);
  const usage = reply.usage_metadata ? { usage: reply.usage_metadata } : {};
  const plausible = rewritten.length > 0 && rewritten.length <= MAX_REWRITE_CHARS;
  return {
    question: plausible ? rewritten : carryEntities(question, history),
    ...(plausible && translated && translated.length <= MAX_TRANSLATION_CHARS ? { translation: translated } : {}),
    ...usage,
  };
}

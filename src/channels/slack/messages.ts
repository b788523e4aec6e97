/**
 * Slack messages the bot posts: an answer as Block Kit (mrkdwn sections, then a "Sources"
 * context block), split under Slack's limits; the apology; the usage help.
 *
 * Each message is `{ text, blocks }`: `text` is the notification and screen-reader fallback
 * and what `conversations.replies` returns, so a thread's history reads the answer from it.
 * The last message ends with the feedback buttons (feedback.ts), in the block kept for them.
 */
import type { ChatResponse, Citation, Lang } from '../../types.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnLink } from './mrkdwn.js';
import { feedbackButtons } from './feedback.js';

/** A section's text holds at most 3,000 characters (https://api.slack.com/reference/block-kit/blocks#section). */
export const SECTION_TEXT_LIMIT = 3000;
/** A message holds at most 50 blocks (https://api.slack.com/reference/block-kit/blocks). */
export const MAX_BLOCKS = 50;
/** Slack truncates a message's `text` past 40,000 characters (https://api.slack.com/methods/chat.postMessage#truncating). */
export const MESSAGE_TEXT_LIMIT = 40_000;
/** A context block holds at most 10 elements (https://api.slack.com/reference/block-kit/blocks#context). */
export const CONTEXT_ELEMENT_LIMIT = 10;
/** Blocks kept free in an answer's last message for the feedback buttons. */
export const RESERVED_BLOCKS = 1;
/** A source title longer than this is cut: the context line is a pointer, not the document. */
const MAX_TITLE_CHARS = 150;
/** The question quoted above a slash command's answer, cut to stay one glance long. */
const MAX_QUOTED_QUESTION_CHARS = 500;

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export type SlackBlock =
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; block_id?: string; elements: unknown[] };

export interface SlackMessage {
  text: string;
  blocks?: SlackBlock[];
}

export interface AnswerMessageOptions {
  /** The worker's public origin (from the request URL): sources without a URL link to their page here. */
  publicOrigin: string;
  /** Quoted above the answer when it is posted away from the question (a slash command's reply). */
  question?: string;
  /** Thumbs up/down under the answer, carrying its id: only when ratings can be recorded. */
  feedback?: boolean;
}

const SOURCES_LABEL: Record<Lang, string> = { ko: '출처', en: 'Sources' };
const TRUNCATED_NOTE: Record<Lang, string> = {
  ko: '_(답변이 길이 제한에 걸려 여기서 끊겼습니다.)_',
  en: '_(The answer reached its length limit and was cut here.)_',
};

export const APOLOGY_TEXT: Record<Lang, string> = {
  ko: '죄송합니다. 지금은 답변을 드리지 못했습니다. 잠시 후 다시 질문해 주세요.',
  en: "Sorry, I couldn't answer that just now. Please try again in a moment.",
};

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Where a cut at `index` would fall inside a `<…>` link or an `&…;` entity, the safe index before it. */
function outsideMarkup(text: string, index: number): number {
  const open = text.lastIndexOf('<', index - 1);
  if (open >= 0 && text.indexOf('>', open) >= index) return open;
  const amp = text.lastIndexOf('&', index - 1);
  if (amp >= 0 && index - amp < 6 && !text.slice(amp, index).includes(';')) return amp;
  return index;
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters, at a paragraph, line or word
 * break when there is one, never inside a link or an escape.
 */
export function splitMrkdwn(text: string, limit = SECTION_TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let at = window.lastIndexOf('\n\n');
    if (at < limit / 2) at = window.lastIndexOf('\n');
    if (at < limit / 2) at = window.lastIndexOf(' ');
    if (at < limit / 2) at = limit;
    at = outsideMarkup(rest, at);
    if (at <= 0) at = limit; // one link longer than a section: cut it rather than loop
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** The link for a citation: its document's URL, or the worker's page for the cited passage. */
export function citationLink(citation: Citation, publicOrigin: string): string {
  if (citation.url) return citation.url;
  const page = citation.page !== undefined ? `?page=${citation.page}` : '';
  return `${publicOrigin}/sources/${encodeURIComponent(citation.id)}${page}`;
}

function citationLine(citation: Citation, lang: Lang, publicOrigin: string): string {
  const parts = [
    `[${citation.n}] ${mrkdwnLink(citationLink(citation, publicOrigin), cut(citation.title, MAX_TITLE_CHARS))}`,
  ];
  if (citation.date) parts.push(escapeMrkdwn(citation.date));
  if (citation.page !== undefined) parts.push(lang === 'ko' ? `${citation.page}쪽` : `p. ${citation.page}`);
  return parts.join(' · ');
}

/** The "Sources" context blocks: a label, then one element per citation, ten elements a block. */
function sourceBlocks(citations: Citation[], lang: Lang, publicOrigin: string): SlackBlock[] {
  if (citations.length === 0) return [];
  const elements: MrkdwnText[] = [
    { type: 'mrkdwn', text: `*${SOURCES_LABEL[lang]}*` },
    ...citations.map((c) => ({ type: 'mrkdwn' as const, text: citationLine(c, lang, publicOrigin) })),
  ];
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < elements.length; i += CONTEXT_ELEMENT_LIMIT) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + CONTEXT_ELEMENT_LIMIT) });
  }
  return blocks;
}

function quote(question: string): string {
  return escapeMrkdwn(cut(question.trim(), MAX_QUOTED_QUESTION_CHARS))
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * An answer as one or more Slack messages, in order: sections of the answer, and the
 * sources under the last one.
 *
 * @example for (const m of answerMessages(response, { publicOrigin })) await slack.call('chat.postMessage', { channel, thread_ts, ...m });
 */
export function answerMessages(response: ChatResponse, options: AnswerMessageOptions): SlackMessage[] {
  const lang = response.language;
  let body = markdownToMrkdwn(response.answer);
  if (response.truncated) body += `\n\n${TRUNCATED_NOTE[lang]}`;
  const sections = [...(options.question ? [quote(options.question)] : []), ...splitMrkdwn(body)];
  const sources = sourceBlocks(response.citations, lang, options.publicOrigin);

  const messages: SlackMessage[] = [];
  let blocks: SlackBlock[] = [];
  let texts: string[] = [];
  const flush = () => {
    messages.push({ text: texts.join('\n\n'), blocks });
    blocks = [];
    texts = [];
  };
  const textLength = () => texts.reduce((sum, t) => sum + t.length + 2, 0);
  sections.forEach((text, i) => {
    const last = i === sections.length - 1;
    const roomForBlocks = MAX_BLOCKS - (last ? sources.length + RESERVED_BLOCKS : 0);
    if (blocks.length > 0 && (blocks.length + 1 > roomForBlocks || textLength() + text.length > MESSAGE_TEXT_LIMIT)) {
      flush();
    }
    blocks.push(section(text));
    texts.push(text);
  });
  blocks.push(...sources);
  if (options.feedback) blocks.push(feedbackButtons(response.id, lang));
  flush();
  return messages;
}

/** The apology posted when an answer could not be given, in the question's language. */
export function apologyMessage(lang: Lang): SlackMessage {
  return { text: APOLOGY_TEXT[lang] };
}

/** Usage of the slash command (and of an empty mention), in Korean and English. */
export function usageMessage(command: string): SlackMessage {
  const c = escapeMrkdwn(command);
  const text = [
    '*정책펀드 보도자료 도우미*',
    `• \`${c} 질문\` — 나만 보이게 답합니다. 예: \`${c} 업스테이지 투자 규모는?\``,
    `• \`${c} public 질문\` — 채널에 답을 올립니다.`,
    '• 채널에서 저를 멘션하거나 DM을 보내면 스레드로 답합니다. 스레드에서 이어서 물어볼 수 있습니다.',
    '',
    '*Policy-fund press release assistant*',
    `• \`${c} question\` — answers only you. E.g. \`${c} How much will the fund invest in Upstage?\``,
    `• \`${c} public question\` — posts the answer in the channel.`,
    '• Mention me in a channel or send me a DM and I answer in a thread; ask follow-ups there.',
  ].join('\n');
  return { text, blocks: [section(text)] };
}

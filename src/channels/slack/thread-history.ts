/**
 * A Slack thread as the conversation before a question: the earlier messages of the thread
 * (`conversations.replies`, https://api.slack.com/methods/conversations.replies), the
 * people's as `user` turns and the bot's own as `assistant` turns, so "그 금액은 달러로
 * 얼마야?" is read against the answer above it. Other bots' messages, joins and edits are no
 * part of the conversation; the bot's apologies are not answers.
 */
import type { ChatMessage } from '../../types.js';
import type { SlackApiClient } from './slack-api.js';
import { APOLOGY_TEXT } from './messages.js';
import { slackTextToPlain } from './mrkdwn.js';

/** The last five exchanges carry a follow-up's referent; older turns mostly add noise and tokens. */
export const MAX_HISTORY_MESSAGES = 10;
/** Characters of history in all, newest kept first: a long thread costs at most this much prompt. */
export const MAX_HISTORY_CHARS = 6_000;
/** One turn longer than this is cut: a pasted document is no longer a question. */
export const MAX_TURN_CHARS = 2_000;
/** Messages read per `conversations.replies` page (Slack allows up to 1,000). */
const REPLIES_PAGE_SIZE = 200;
/** Pages read at most: a thread longer than 1,000 messages keeps its first 1,000 in view. */
const MAX_REPLIES_PAGES = 5;

/** The fields of a `conversations.replies` message this module reads. */
export interface SlackThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
}

const apologies = new Set(Object.values(APOLOGY_TEXT));

/** Slack timestamps (`1531420618.000200`) in order: seconds, then the unique suffix. */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}

function roleOf(message: SlackThreadMessage, botUserId: string | undefined): ChatMessage['role'] | undefined {
  if (botUserId && message.user === botUserId) return 'assistant';
  // Subtypes are joins, edits, other bots' posts… (https://api.slack.com/events/message#subtypes);
  // a reply also sent to the channel is still the person's message.
  if (message.bot_id || (message.subtype && message.subtype !== 'thread_broadcast')) return undefined;
  return message.user ? 'user' : undefined;
}

/**
 * The conversation before the message at `beforeTs`, bounded to the last
 * `MAX_HISTORY_MESSAGES` turns and `MAX_HISTORY_CHARS` characters.
 *
 * @example historyFromThread(replies.messages, { botUserId: 'U0BOT', beforeTs: event.ts })
 */
export function historyFromThread(
  messages: SlackThreadMessage[],
  options: { botUserId: string | undefined; beforeTs: string },
): ChatMessage[] {
  const turns: ChatMessage[] = [];
  for (const message of messages) {
    if (!message.ts || compareTs(message.ts, options.beforeTs) >= 0) continue;
    const role = roleOf(message, options.botUserId);
    const content = slackTextToPlain(message.text ?? '');
    if (!role || !content || (role === 'assistant' && apologies.has(content))) continue;
    turns.push({ role, content: content.length > MAX_TURN_CHARS ? `${content.slice(0, MAX_TURN_CHARS)}…` : content });
  }
  const kept: ChatMessage[] = [];
  let chars = 0;
  for (const turn of turns.reverse()) {
    if (kept.length >= MAX_HISTORY_MESSAGES || chars + turn.content.length > MAX_HISTORY_CHARS) break;
    kept.push(turn);
    chars += turn.content.length;
  }
  return kept.reverse();
}

/** Reads a thread's messages up to (not including) `beforeTs`, oldest first. */
export async function readThread(
  slack: SlackApiClient,
  options: { channel: string; threadTs: string; beforeTs: string },
): Promise<SlackThreadMessage[]> {
  const messages: SlackThreadMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_REPLIES_PAGES; page++) {
    const reply = await slack.call('conversations.replies', {
      channel: options.channel,
      ts: options.threadTs,
      latest: options.beforeTs,
      inclusive: false,
      limit: REPLIES_PAGE_SIZE,
      cursor,
    });
    if (Array.isArray(reply.messages)) messages.push(...(reply.messages as SlackThreadMessage[]));
    const next = (reply.response_metadata as { next_cursor?: string } | undefined)?.next_cursor;
    if (!reply.has_more || !next) break;
    cursor = next;
  }
  return messages;
}

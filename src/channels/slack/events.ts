/**
 * Events API payloads (https://api.slack.com/apis/events-api): the URL check, and the event
 * callbacks the bot answers, which are mentions (`app_mention`) and direct messages
 * (`message` in an `im` channel). Everything else is acknowledged and left alone: the bot's
 * own and other bots' messages (else two bots answer each other forever), edits, deletions,
 * joins and every other subtype (https://api.slack.com/events/message#subtypes).
 */
import * as z from 'zod';
import { HttpError } from '../../errors.js';
import { slackTextToPlain } from './mrkdwn.js';

const slackEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  channel: z.string().optional(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

const urlVerificationSchema = z.object({ type: z.literal('url_verification'), challenge: z.string() });

const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  event: slackEventSchema,
  // Who the event was delivered for; with a bot token, the bot's own user id.
  authorizations: z.array(z.object({ user_id: z.string().optional(), is_bot: z.boolean().optional() })).optional(),
});

export type EventCallback = z.infer<typeof eventCallbackSchema>;

export type EventsPayload =
  | z.infer<typeof urlVerificationSchema>
  | EventCallback
  /** `app_rate_limited` and any type Slack adds later: acknowledged, nothing to do. */
  | { type: 'other'; name: string };

/**
 * Reads an Events API body.
 *
 * @throws HttpError 400 naming the first invalid field.
 */
export function parseEventsPayload(body: string): EventsPayload {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const type = (json as { type?: unknown } | null)?.type;
  const schema =
    type === 'url_verification' ? urlVerificationSchema : type === 'event_callback' ? eventCallbackSchema : undefined;
  if (!schema) {
    if (typeof type !== 'string') throw new HttpError(400, 'invalid_request', 'type: expected a string');
    return { type: 'other', name: type };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, 'invalid_request', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A message the bot answers, in the thread it belongs to. */
export interface SlackQuestion {
  eventId: string;
  channel: string;
  /** The message itself: the reaction goes here. */
  ts: string;
  /** Where the answer goes: the message's thread, or a new thread under it. */
  threadTs: string;
  /** True when the message is a reply in an existing thread, whose earlier messages are the history. */
  inThread: boolean;
  /** The question as plain text, mentions removed; empty when someone only said the bot's name. */
  text: string;
  /** Who asked (hashed before it is logged). */
  user: string;
  /** The bot's user id, when the payload names it. */
  botUserId?: string;
}

export type EventDecision = { kind: 'answer'; question: SlackQuestion } | { kind: 'ignore'; reason: string };

/** The bot's own user id, from the payload's `authorizations` (https://api.slack.com/apis/events-api#authorizations). */
export function botUserIdOf(payload: EventCallback): string | undefined {
  return payload.authorizations?.find((a) => a.is_bot)?.user_id;
}

/**
 * Whether an event callback is a question for the bot, and which.
 *
 * @example decideEvent(payload) // { kind: 'ignore', reason: 'message_changed' }
 */
export function decideEvent(payload: EventCallback): EventDecision {
  const { event } = payload;
  const ignore = (reason: string): EventDecision => ({ kind: 'ignore', reason });
  const botUserId = botUserIdOf(payload);

  const isMention = event.type === 'app_mention';
  const isDirectMessage = event.type === 'message' && event.channel_type === 'im';
  if (!isMention && !isDirectMessage) return ignore(`event ${event.type}`);
  if (event.subtype) return ignore(event.subtype);
  if (event.bot_id) return ignore('bot message');
  if (!event.user) return ignore('no user');
  if (botUserId && event.user === botUserId) return ignore('own message');
  if (!event.channel || !event.ts) return ignore('no channel or ts');

  return {
    kind: 'answer',
    question: {
      eventId: payload.event_id,
      channel: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts ?? event.ts,
      inThread: event.thread_ts !== undefined && event.thread_ts !== event.ts,
      text: slackTextToPlain(event.text ?? ''),
      user: event.user,
      ...(botUserId ? { botUserId } : {}),
    },
  };
}

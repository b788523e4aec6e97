/**
 * Requests as Slack sends them, signed with a test signing secret
 * (https://api.slack.com/authentication/verifying-requests-from-slack), for the Node and
 * the workerd tests of the bot.
 */
import { slackSignature } from '../../src/channels/slack/verify-request.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_BOT_TOKEN = 'xoxb-test-0000-fundbot';
export const TEST_BOT_USER_ID = 'U0FUNDBOT';
const BASE = 'http://127.0.0.1:8787';

let counter = 0;
/** A fresh id for each test's channel, event and message, so tests sharing the fake never collide. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${counter}${Math.floor(Math.random() * 1e6)}`;
}

/** A trigger id is usable this long (https://api.slack.com/interactivity/handling#modal_responses). */
export const TRIGGER_ID_LIFETIME_MS = 3_000;

/**
 * A trigger id as Slack formats them (`<digits>.<digits>.<hex>`); the fake Slack reads the
 * moment it was issued from its first part and refuses it three seconds later.
 */
export function fakeTriggerId(issuedAt = Date.now()): string {
  return `${issuedAt}.${Math.floor(Math.random() * 1e9)}.${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`;
}

/** A Slack timestamp `secondsAgo` before now. */
export function slackTs(secondsAgo = 0): string {
  const micros = Date.now() * 1000 - Math.round(secondsAgo * 1e6);
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

export interface SignedRequestOptions {
  secret?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  headers?: Record<string, string>;
  /** Replaces the computed signature. */
  signature?: string;
}

export async function signedRequest(
  path: string,
  body: string,
  contentType: string,
  options: SignedRequestOptions = {},
): Promise<Request> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = options.signature ?? (await slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body));
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
      ...options.headers,
    },
    body,
  });
}

export function signedEvent(payload: unknown, options: SignedRequestOptions = {}): Promise<Request> {
  return signedRequest('/slack/events', JSON.stringify(payload), 'application/json', options);
}

export function signedCommand(fields: Record<string, string>, options: SignedRequestOptions = {}): Promise<Request> {
  return signedRequest(
    '/slack/commands',
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

export interface MessageEventOptions {
  eventId?: string;
  channel: string;
  text: string;
  ts?: string;
  threadTs?: string;
  user?: string;
  type?: 'app_mention' | 'message';
  channelType?: 'channel' | 'im';
  extra?: Record<string, unknown>;
}

/** An `event_callback` envelope around a mention or a message (https://api.slack.com/apis/events-api#callback-field). */
export function messageEvent(options: MessageEventOptions) {
  const type = options.type ?? 'app_mention';
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0FUNDAPP',
    type: 'event_callback',
    event_id: options.eventId ?? uniqueId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0FAKE', user_id: TEST_BOT_USER_ID, is_bot: true }],
    event: {
      type,
      user: options.user ?? 'U0ASKER',
      text: options.text,
      ts: options.ts ?? slackTs(),
      channel: options.channel,
      ...(type === 'message' ? { channel_type: options.channelType ?? 'im' } : {}),
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      ...options.extra,
    },
  };
}

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

/** An interaction as Slack posts it: a form with one `payload` field of JSON (https://api.slack.com/interactivity/handling#payloads). */
export function signedInteraction(payload: unknown, options: SignedRequestOptions = {}): Promise<Request> {
  return signedRequest(
    '/slack/interactions',
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** A button as a message's actions block carries it. */
export interface PostedButton {
  action_id: string;
  value?: string;
  text: { type: string; text: string };
}

export interface BlockActionsOptions {
  /** The message clicked, as posted (ts, text, blocks). */
  message: { ts: string; text?: string; blocks?: unknown; thread_ts?: string };
  channel: string;
  blockId: string;
  button: PostedButton;
  user?: string;
  responseUrl: string;
  triggerId?: string;
  isEphemeral?: boolean;
}

/**
 * A `block_actions` payload for a click on a message's button, shaped as Slack documents
 * it (https://api.slack.com/reference/interaction-payloads/block-actions).
 */
export function blockActionsPayload(options: BlockActionsOptions) {
  const user = options.user ?? 'U0RATER';
  return {
    type: 'block_actions',
    user: { id: user, username: 'rater', name: 'rater', team_id: 'T0FAKE' },
    api_app_id: 'A0FUNDAPP',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: options.message.ts,
      channel_id: options.channel,
      is_ephemeral: options.isEphemeral ?? false,
      ...(options.message.thread_ts ? { thread_ts: options.message.thread_ts } : {}),
    },
    trigger_id: options.triggerId ?? fakeTriggerId(),
    team: { id: 'T0FAKE', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: options.channel, name: 'fund-questions' },
    message: { type: 'message', user: TEST_BOT_USER_ID, bot_id: 'B0FUNDBOT', ...options.message },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        action_id: options.button.action_id,
        block_id: options.blockId,
        text: options.button.text,
        value: options.button.value,
        type: 'button',
        action_ts: slackTs(),
      },
    ],
  };
}

/**
 * A `view_submission` payload for a modal the bot opened, with its input values, shaped
 * as Slack documents it (https://api.slack.com/reference/interaction-payloads/views#view_submission).
 */
export function viewSubmissionPayload(
  view: { callback_id: string; private_metadata: string; blocks: unknown[] },
  values: Record<string, Record<string, { type: string; value: string | null }>>,
  user = 'U0RATER',
) {
  return {
    type: 'view_submission',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: user, username: 'rater', name: 'rater', team_id: 'T0FAKE' },
    api_app_id: 'A0FUNDAPP',
    token: 'deprecated-verification-token',
    trigger_id: fakeTriggerId(),
    view: {
      id: 'V0MODAL',
      team_id: 'T0FAKE',
      type: 'modal',
      ...view,
      state: { values },
      hash: '1700000000.abcdef',
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: 'V0MODAL',
      previous_view_id: null,
      app_id: 'A0FUNDAPP',
      external_id: '',
      app_installed_team_id: 'T0FAKE',
      bot_id: 'B0FUNDBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

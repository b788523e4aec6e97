/**
 * A fake Slack Web API on loopback HTTP, speaking Slack's wire format
 * (https://api.slack.com/web): `POST /api/<method>` with `Authorization: Bearer xoxb-…` and a
 * JSON or form body; replies `{"ok":true,…}` or HTTP 200 `{"ok":false,"error":"…"}`, and 429
 * with `Retry-After` when rate-limited (https://api.slack.com/docs/rate-limits). It keeps the
 * messages it is sent, so `conversations.replies` returns a thread with the bot's answers in
 * it. It also serves the `response_url`s of slash commands (`POST /commands/…`) and of
 * interactions (`POST /actions/…`), and opens modals (`views.open`) for trigger ids that
 * `fakeTriggerId()` made less than three seconds before, as Slack's expire.
 *
 * Tests in Node use the returned object; tests in workerd (which cannot reach this process's
 * memory) use the same operations over HTTP under `/_fake/` (test/helpers/slack-fake-client.ts).
 * Every call is recorded; failures are scripted per method and channel.
 *
 * @example
 * const slack = await startFakeSlackApi({ token: 'xoxb-test' });
 * const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_BASE_URL: slack.apiUrl });
 * slack.failNext({ method: 'chat.postMessage', error: 'internal_error' });
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRIGGER_ID_LIFETIME_MS } from '../helpers/slack-requests.js';

export const FAKE_BOT_USER_ID = 'U0FUNDBOT';
export const FAKE_BOT_ID = 'B0FUNDBOT';
export const FAKE_TEAM_ID = 'T0FAKE';

export interface RecordedSlackCall {
  /** The Web API method, or `response_url` for a post to a response URL. */
  method: string;
  /** The parsed body: JSON as sent, form fields as strings. */
  params: Record<string, unknown>;
  /** For `response_url` posts: the path posted to. */
  path: string;
  authorization?: string;
  contentType?: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface FakeSlackMessage {
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  blocks?: unknown;
}

/**
 * A scripted reply to the next call to `method` (for `channel`, when given): Slack's error
 * code, a 429 with `Retry-After` seconds, an HTTP status, or the normal reply after a delay.
 */
export type FakeSlackFailure = { method: string; channel?: string } & (
  { error: string } | { ratelimited: number } | { status: number } | { delayMs: number }
);

export interface FakeSlackApi {
  /** `SLACK_API_BASE_URL`: `http://127.0.0.1:<port>/api`. */
  apiUrl: string;
  /** The server's origin, for response URLs and the control API. */
  origin: string;
  calls: RecordedSlackCall[];
  /** A slash command's `response_url` this server accepts, unique per `id`. */
  responseUrl(id: string): string;
  /** An interaction's `response_url` this server accepts, unique per `id`. */
  actionResponseUrl(id: string): string;
  /** Adds messages to a channel, as if people had posted them. */
  addMessages(channel: string, messages: FakeSlackMessage[]): void;
  failNext(failure: FakeSlackFailure): void;
  close(): Promise<void>;
}

export interface FakeSlackApiOptions {
  /** The bot token requests must carry. */
  token: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function parseParams(raw: string, contentType: string): Record<string, unknown> | undefined {
  if (!raw) return {};
  if (contentType.startsWith('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Slack timestamps order by seconds, then the six-digit suffix. */
function tsValue(ts: string): number {
  const [s = '0', f = '0'] = ts.split('.');
  return Number(s) * 1e6 + Number(f.padEnd(6, '0'));
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeSlackApi(options: FakeSlackApiOptions): Promise<FakeSlackApi> {
  const calls: RecordedSlackCall[] = [];
  const failures: FakeSlackFailure[] = [];
  const channels = new Map<string, FakeSlackMessage[]>();
  const reactions = new Set<string>();
  let clock = 0;

  // Like Slack's: the time of posting in microseconds, unique within the server.
  const nextTs = () => {
    clock = Math.max(clock + 1, Date.now() * 1000);
    return `${Math.floor(clock / 1e6)}.${String(clock % 1e6).padStart(6, '0')}`;
  };
  const messagesOf = (channel: string) => {
    if (!channels.has(channel)) channels.set(channel, []);
    return channels.get(channel)!;
  };
  const takeFailure = (method: string, channel: unknown) => {
    const index = failures.findIndex((f) => f.method === method && (f.channel === undefined || f.channel === channel));
    return index < 0 ? undefined : failures.splice(index, 1)[0];
  };

  function repliesOf(params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params.channel ?? '');
    const threadTs = String(params.ts ?? '');
    const thread = messagesOf(channel)
      .filter((m) => m.ts === threadTs || m.thread_ts === threadTs)
      .sort((a, b) => tsValue(a.ts) - tsValue(b.ts));
    if (!thread.some((m) => m.ts === threadTs)) return { ok: false, error: 'thread_not_found' };
    const inclusive = params.inclusive === true || params.inclusive === 'true' || params.inclusive === '1';
    const latest = params.latest === undefined ? undefined : tsValue(String(params.latest));
    const inRange = thread.filter(
      (m) => latest === undefined || tsValue(m.ts) < latest || (inclusive && tsValue(m.ts) === latest),
    );
    const limit = Math.min(1000, Number(params.limit ?? 1000) || 1000);
    const offset = params.cursor ? Number(Buffer.from(String(params.cursor), 'base64').toString()) : 0;
    const page = inRange.slice(offset, offset + limit);
    const hasMore = offset + limit < inRange.length;
    return {
      ok: true,
      messages: page,
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? Buffer.from(String(offset + limit)).toString('base64') : '' },
    };
  }

  function postMessage(params: Record<string, unknown>): Record<string, unknown> {
    const channel = params.channel;
    if (typeof channel !== 'string' || !channel) return { ok: false, error: 'channel_not_found' };
    if (!params.text && !params.blocks) return { ok: false, error: 'no_text' };
    const message: FakeSlackMessage = {
      ts: nextTs(),
      user: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      text: typeof params.text === 'string' ? params.text : '',
      ...(params.blocks ? { blocks: params.blocks } : {}),
      ...(typeof params.thread_ts === 'string' ? { thread_ts: params.thread_ts } : {}),
    };
    messagesOf(channel).push(message);
    return { ok: true, channel, ts: message.ts, message };
  }

  // https://api.slack.com/methods/views.open and https://api.slack.com/reference/surfaces/views
  function openView(params: Record<string, unknown>): Record<string, unknown> {
    const trigger = typeof params.trigger_id === 'string' ? /^(\d+)\.\d+\.[0-9a-f]+$/.exec(params.trigger_id) : null;
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (Date.now() - Number(trigger[1]) > TRIGGER_ID_LIFETIME_MS) return { ok: false, error: 'expired_trigger_id' };
    const view = params.view as Record<string, unknown> | undefined;
    const plain = (value: unknown, max: number) => {
      const text = value as { type?: unknown; text?: unknown } | undefined;
      return text?.type === 'plain_text' && typeof text.text === 'string' && text.text.length <= max;
    };
    const problems = [
      view?.type === 'modal' || 'view.type must be modal',
      plain(view?.title, 24) || 'view.title must be plain_text of at most 24 characters',
      view?.submit === undefined || plain(view.submit, 24) || 'view.submit must be plain_text of at most 24 characters',
      view?.close === undefined || plain(view.close, 24) || 'view.close must be plain_text of at most 24 characters',
      (Array.isArray(view?.blocks) && view.blocks.length <= 100) || 'view.blocks must be a list of at most 100 blocks',
      String(view?.private_metadata ?? '').length <= 3000 || 'view.private_metadata must be at most 3000 characters',
      String(view?.callback_id ?? '').length <= 255 || 'view.callback_id must be at most 255 characters',
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    return { ok: true, view: { id: `V${nextTs().replace('.', '')}`, ...view } };
  }

  function callMethod(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake Team',
          user: 'fundbot',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        };
      case 'chat.postMessage':
        return postMessage(params);
      case 'chat.update': {
        const message = messagesOf(String(params.channel)).find((m) => m.ts === params.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(params.text ?? '');
        return { ok: true, channel: params.channel, ts: message.ts, text: message.text };
      }
      case 'reactions.add':
      case 'reactions.remove': {
        const key = `${params.channel}/${params.timestamp}/${params.name}`;
        if (method === 'reactions.add') {
          if (reactions.has(key)) return { ok: false, error: 'already_reacted' };
          reactions.add(key);
        } else if (!reactions.delete(key)) return { ok: false, error: 'no_reaction' };
        return { ok: true };
      }
      case 'conversations.replies':
        return repliesOf(params);
      case 'views.open':
        return openView(params);
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, record: RecordedSlackCall) {
    const auth = req.headers.authorization;
    if (!auth) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (auth !== `Bearer ${options.token}`) return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    const failure = takeFailure(method, record.params.channel);
    if (failure && 'ratelimited' in failure) {
      return sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.ratelimited) });
    }
    if (failure && 'status' in failure) return sendJson(res, failure.status, { ok: false, error: 'fake_http_error' });
    if (failure && 'delayMs' in failure) {
      await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    } else if (failure && 'error' in failure) return sendJson(res, 200, { ok: false, error: failure.error });
    sendJson(res, 200, callMethod(method, record.params));
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, raw: string) {
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (req.method === 'GET' && path === '/_fake/calls') return sendJson(res, 200, calls);
    if (req.method === 'POST' && path === '/_fake/messages') {
      addMessages(String(body.channel), body.messages as FakeSlackMessage[]);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/_fake/fail') {
      failures.push(body as FakeSlackFailure);
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 404, { ok: false, error: 'unknown_control' });
  }

  function addMessages(channel: string, messages: FakeSlackMessage[]) {
    messagesOf(channel).push(...messages);
  }

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/_fake/')) return handleControl(req, res, path, raw);

    const contentType = req.headers['content-type'] ?? '';
    const params = parseParams(raw, contentType);
    const record: RecordedSlackCall = {
      method: path.startsWith('/api/') ? path.slice('/api/'.length) : 'response_url',
      params: params ?? {},
      path,
      authorization: req.headers.authorization,
      contentType,
      at: Date.now(),
    };
    calls.push(record);
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    if (params === undefined) return sendJson(res, 200, { ok: false, error: 'invalid_json' });
    if (path.startsWith('/api/')) return handleApi(req, res, record.method, record);
    if (path.startsWith('/commands/') || path.startsWith('/actions/')) {
      // Slack answers a response_url post with a bare "ok".
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('ok');
    }
    sendJson(res, 404, { ok: false, error: 'not_found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${origin}/api`,
    origin,
    calls,
    responseUrl: (id) => `${origin}/commands/${FAKE_TEAM_ID}/${encodeURIComponent(id)}`,
    actionResponseUrl: (id) => `${origin}/actions/${FAKE_TEAM_ID}/${encodeURIComponent(id)}`,
    addMessages,
    failNext: (failure) => void failures.push(failure),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

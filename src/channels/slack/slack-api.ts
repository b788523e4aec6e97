/**
 * A small Slack Web API client (https://api.slack.com/web): `POST {SLACK_API_BASE_URL}/{method}`
 * with `Authorization: Bearer <bot token>`. Write methods take JSON bodies; read methods
 * (`conversations.replies`, `auth.test`) take form fields, since Slack accepts JSON only for
 * writes (https://api.slack.com/web#posting_json). Slack answers HTTP 200 with
 * `{"ok":false,"error":"…"}` for most failures and 429 with `Retry-After` when rate limited
 * (https://api.slack.com/docs/rate-limits).
 *
 * Errors name the method and Slack's error code, never the token or the message text.
 */
import { UpstreamError } from '../../errors.js';

/** Methods that take form fields rather than JSON. */
const FORM_METHODS = new Set(['auth.test', 'conversations.replies']);
/** A rate-limited call is retried once when Slack asks for a wait no longer than this. */
export const MAX_RETRY_AFTER_SECONDS = 5;
/** One Slack call's deadline: Slack answers in well under a second; background work has 30 s in all. */
export const SLACK_CALL_TIMEOUT_MS = 8_000;

export class SlackApiError extends UpstreamError {
  override name = 'SlackApiError';
  constructor(
    readonly method: string,
    /** Slack's error code (`channel_not_found`, `ratelimited`…), or `http_<status>`. */
    readonly slackError: string,
    status: 502 | 503 | 504 = 502,
  ) {
    super(`Slack ${method} failed: ${slackError}`, status, status === 503 ? 'upstream_rate_limited' : 'upstream_error');
  }
}

export interface SlackApiClientOptions {
  /** `SLACK_API_BASE_URL`, without a trailing slash: `https://slack.com/api`. */
  baseUrl: string;
  token: string;
  /** For tests of timing; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
}

export type SlackParams = Record<string, unknown>;
export type SlackResult = { ok: true } & Record<string, unknown>;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function formBody(params: SlackParams): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    form.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form;
}

async function readReply(response: Response, what: string): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') return body as Record<string, unknown>;
  } catch {
    // Not JSON: reported below without the body, which may be an HTML error page.
  }
  throw new SlackApiError(what, `http_${response.status}`);
}

/**
 * @example
 * const slack = new SlackApiClient({ baseUrl: config.slack.apiBaseUrl, token: config.slack.botToken });
 * const { ts } = await slack.call('chat.postMessage', { channel, thread_ts, text });
 */
export class SlackApiClient {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SlackApiClientOptions) {
    this.sleep = options.sleep ?? sleepFor;
  }

  /** Calls a Web API method; resolves to Slack's reply when `ok`, throws `SlackApiError` otherwise. */
  async call(method: string, params: SlackParams = {}): Promise<SlackResult> {
    const json = !FORM_METHODS.has(method);
    const init = (): RequestInit => ({
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.options.token}`,
        'content-type': json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded',
      },
      body: json ? JSON.stringify(params) : formBody(params),
      signal: AbortSignal.timeout(SLACK_CALL_TIMEOUT_MS),
    });
    const url = `${this.options.baseUrl}/${method}`;
    let response = await this.fetchOnce(url, init(), method);
    if (response.status === 429) {
      const wait = Number(response.headers.get('retry-after') ?? NaN);
      if (!(wait >= 0 && wait <= MAX_RETRY_AFTER_SECONDS)) throw new SlackApiError(method, 'ratelimited', 503);
      await response.body?.cancel();
      await this.sleep(wait * 1000);
      response = await this.fetchOnce(url, init(), method);
      if (response.status === 429) throw new SlackApiError(method, 'ratelimited', 503);
    }
    const reply = await readReply(response, method);
    if (reply.ok !== true) {
      const error = typeof reply.error === 'string' ? reply.error : `http_${response.status}`;
      throw new SlackApiError(method, error);
    }
    return reply as SlackResult;
  }

  /**
   * Posts to a slash command's `response_url` (https://api.slack.com/interactivity/handling#message_responses):
   * JSON, no token: the URL itself is the credential, valid for 30 minutes and five posts.
   */
  async respond(responseUrl: string, message: Record<string, unknown>): Promise<void> {
    const response = await this.fetchOnce(
      responseUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(SLACK_CALL_TIMEOUT_MS),
      },
      'response_url',
    );
    await response.body?.cancel();
    if (!response.ok) throw new SlackApiError('response_url', `http_${response.status}`);
  }

  private async fetchOnce(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new SlackApiError(what, timedOut ? 'timeout' : 'unreachable', timedOut ? 504 : 503);
    }
  }
}

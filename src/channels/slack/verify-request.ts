/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature` is `v0=` + hex HMAC-SHA256, keyed with the signing secret, over
 * `v0:{X-Slack-Request-Timestamp}:{raw body}`. A request older or newer than five minutes
 * is refused, so a captured request cannot be replayed later.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from '../../errors.js';

/** Slack's documented replay window. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

const SIGNATURE_VERSION = 'v0';

export interface SlackSignatureInput {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp`, seconds since the epoch, as sent. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`, as sent. */
  signature: string | undefined;
  /** The body exactly as received: a re-serialized body would not match. */
  body: string;
  /** Milliseconds since the epoch; tests set the clock to a documented example's time. */
  now?: number;
}

export type SignatureVerdict = 'valid' | 'missing' | 'stale' | 'mismatch';

const encoder = new TextEncoder();

/** Hex HMAC-SHA256 of `message` keyed with `secret`. */
export async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares in time independent of where the strings differ; only the (public) length shows. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The signature Slack sends for `body` at `timestamp`: `v0=` + hex HMAC-SHA256. */
export async function slackSignature(signingSecret: string, timestamp: string, body: string): Promise<string> {
  return `${SIGNATURE_VERSION}=${await hmacHex(signingSecret, `${SIGNATURE_VERSION}:${timestamp}:${body}`)}`;
}

/**
 * Checks a request's signature and timestamp.
 *
 * @example await verifySlackSignature({ signingSecret, timestamp, signature, body }) // 'valid'
 */
export async function verifySlackSignature(input: SlackSignatureInput): Promise<SignatureVerdict> {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'mismatch';
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'stale';
  const expected = await slackSignature(input.signingSecret, timestamp, input.body);
  return constantTimeEqual(expected, signature.trim().toLowerCase()) ? 'valid' : 'mismatch';
}

export interface SlackVerifierOptions {
  signingSecret: string;
}

/** What the verifier hands the routes: the raw body it verified, as text. */
export type SlackRequestEnv = { Variables: { slackBody: string } };

const REFUSALS: Record<Exclude<SignatureVerdict, 'valid'>, string> = {
  missing: 'the request carries no Slack signature',
  stale: 'the request timestamp is more than five minutes from now',
  mismatch: 'the Slack signature does not match',
};

/**
 * The one check in front of every Slack route (events, commands, interactions): reads the
 * raw body, refuses an unsigned, stale or forged request with 401 before anything is
 * parsed, and hands the verified body on as `c.get('slackBody')`.
 */
export function slackVerifier(options: SlackVerifierOptions): MiddlewareHandler<SlackRequestEnv> {
  return async function verifySlackRequest(c: Context<SlackRequestEnv>, next: () => Promise<void>) {
    // Bytes, then UTF-8: workerd warns when a form body is read with text().
    const body = new TextDecoder().decode(await c.req.arrayBuffer());
    const verdict = await verifySlackSignature({
      signingSecret: options.signingSecret,
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      body,
    });
    if (verdict !== 'valid') throw new HttpError(401, 'invalid_signature', REFUSALS[verdict]);
    c.set('slackBody', body);
    await next();
  };
}

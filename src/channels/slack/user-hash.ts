/**
 * Slack user ids never reach the answer log (issue 16). They are few and easy to list
 * (anyone in the workspace can), so a plain SHA-256 of one could be reversed by hashing
 * every member; an HMAC keyed with a secret the database does not hold cannot. The key is
 * the Slack signing secret, which every bot deployment has: no extra setting to lose. A
 * fixed prefix keeps these messages apart from what Slack signs with it (`v0:<timestamp>:…`).
 * Rotating the secret changes every hash: older rows stop matching newer ones, nothing else.
 */
import { hmacHex } from './verify-request.js';

const DOMAIN = 'fund-assistant/answer-log/slack-user/v1:';
/** 128 bits: no two people of any workspace collide, and the column stays short. */
const HASH_HEX_DIGITS = 32;

export type UserHasher = (userId: string) => Promise<string>;

/** @example await slackUserHasher(signingSecret)('U0123ABCD') // '9f2c…' (32 hex digits) */
export function slackUserHasher(signingSecret: string): UserHasher {
  return async (userId) => (await hmacHex(signingSecret, DOMAIN + userId)).slice(0, HASH_HEX_DIGITS);
}

import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from './verify-request.js';

// Slack's worked example (https://api.slack.com/authentication/verifying-requests-from-slack).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const AT_EXAMPLE_TIME = Number(TIMESTAMP) * 1000;

const input = (overrides: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) => ({
  signingSecret: SECRET,
  timestamp: TIMESTAMP,
  signature: SIGNATURE,
  body: BODY,
  now: AT_EXAMPLE_TIME,
  ...overrides,
});

describe('Slack request signatures', () => {
  it("computes Slack's documented example signature", async () => {
    expect(await slackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it('accepts the documented request with the clock at its time', async () => {
    expect(await verifySlackSignature(input())).toBe('valid');
  });

  it('refuses a signature that differs in one digit, another secret, or a changed body', async () => {
    const oneOff = SIGNATURE.slice(0, -1) + (SIGNATURE.endsWith('3') ? '4' : '3');
    expect(await verifySlackSignature(input({ signature: oneOff }))).toBe('mismatch');
    expect(await verifySlackSignature(input({ signingSecret: `${SECRET}x` }))).toBe('mismatch');
    expect(await verifySlackSignature(input({ body: BODY.replace('text=', 'text=hi') }))).toBe('mismatch');
    expect(await verifySlackSignature(input({ signature: 'v0=short' }))).toBe('mismatch');
  });

  it('refuses a timestamp more than five minutes away, either way, and a missing header', async () => {
    expect(await verifySlackSignature(input({ now: AT_EXAMPLE_TIME + 5 * 60_000 }))).toBe('valid');
    expect(await verifySlackSignature(input({ now: AT_EXAMPLE_TIME + 5 * 60_000 + 1000 }))).toBe('stale');
    expect(await verifySlackSignature(input({ now: AT_EXAMPLE_TIME - 6 * 60_000 }))).toBe('stale');
    expect(await verifySlackSignature(input({ now: Date.now() }))).toBe('stale');
    expect(await verifySlackSignature(input({ signature: undefined }))).toBe('missing');
    expect(await verifySlackSignature(input({ timestamp: undefined }))).toBe('missing');
    expect(await verifySlackSignature(input({ timestamp: '1531420618.5' }))).toBe('mismatch');
  });
});

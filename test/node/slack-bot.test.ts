/**
 * The Slack routes of the app in Node, against the fake Slack Web API and, for a hosted
 * model, the fake OpenAI-compatible server: Slack's documented signature example through
 * the app, a model that fails (the apology) or echoes hostile markup (escaped), and a bot
 * that is switched off. The worker in workerd, with D1, is tested in test/workers-slack/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConfigError } from '../../src/config.js';
import { createChatModel } from '../../src/answer/model-factory.js';
import { parseConfig } from '../../src/config.js';
import type { SlackEventLedger } from '../../src/channels/slack/event-ledger.js';
import { APOLOGY_TEXT } from '../../src/channels/slack/messages.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../fakes/openai-server.js';
import { sampleServices } from '../helpers/sample-services.js';
import {
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  messageEvent,
  signedCommand,
  signedEvent,
  signedRequest,
  uniqueId,
} from '../helpers/slack-requests.js';

/** Test double of the D1 ledger: the Node app has no D1, and these tests do not restart. */
class MemoryLedger implements SlackEventLedger {
  private readonly seen = new Set<string>();
  async claim(eventId: string) {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    return true;
  }
}

/** An ExecutionContext whose `waitUntil` work the test can await. */
function executionContext() {
  const pending: Promise<unknown>[] = [];
  return {
    ctx: { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} },
    settled: () => Promise.allSettled(pending),
  };
}

let slack: FakeSlackApi;
let llm: FakeOpenAIServer;

beforeAll(async () => {
  slack = await startFakeSlackApi({ token: TEST_BOT_TOKEN });
  // A model that answers by quoting the question: whatever markup a question holds comes back.
  llm = await startFakeOpenAIServer({
    chat: (request) => `질문 "${request.messages.at(-1)!.content}"의 답은 5조6천억 원입니다 [1].`,
  });
});
afterAll(async () => {
  await slack.close();
  await llm.close();
});
afterEach(() => {
  vi.useRealTimers();
});

function slackApp(env: Record<string, string> = {}) {
  const fullEnv = {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_BASE_URL: slack.apiUrl,
    ...env,
  };
  const services = sampleServices({ env: fullEnv, model: createChatModel(parseConfig(fullEnv)) });
  return createApp({ ...services, slackEvents: new MemoryLedger() });
}

async function send(app: ReturnType<typeof slackApp>, request: Request) {
  const { ctx, settled } = executionContext();
  const response = await app.fetch(request, {}, ctx);
  await settled();
  return response;
}

describe("Slack's documented signature example, through the app", () => {
  const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
  const TIMESTAMP = '1531420618';
  const BODY =
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
  const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

  const commandRequest = (signature: string) =>
    new Request('http://127.0.0.1:8787/slack/commands', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': TIMESTAMP,
        'x-slack-signature': signature,
      },
      body: BODY,
    });

  it('verifies with the clock at its time, and answers its empty command with the usage in Korean and English', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Number(TIMESTAMP) * 1000);
    const app = slackApp({ SLACK_SIGNING_SECRET: SECRET });
    const response = await send(app, commandRequest(SIGNATURE));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/webhook-collect public');
    expect(body.text).toContain('나만 보이게');
    expect(body.text).toContain('answers only you');
  });

  it('refuses a bad signature and the same request six minutes later with 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Number(TIMESTAMP) * 1000);
    const app = slackApp({ SLACK_SIGNING_SECRET: SECRET });
    const forged = await send(app, commandRequest(SIGNATURE.replace('a2114d', 'a2114e')));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'invalid_signature' } });

    vi.setSystemTime((Number(TIMESTAMP) + 6 * 60) * 1000);
    const stale = await send(app, commandRequest(SIGNATURE));
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('five minutes');
  });
});

describe('answers through a hosted model', () => {
  it('apologizes in the thread, in Korean, when the model fails, and takes the 👀 reaction back', async () => {
    const channel = uniqueId('CFAIL');
    llm.enqueue(...Array.from({ length: 3 }, () => ({ type: 'status' as const, status: 500 })));
    const app = slackApp({ LLM_BASE_URL: llm.url });
    const event = messageEvent({ channel, text: '<@U0FUNDBOT> 업스테이지 투자 금액은 얼마인가요?' });
    const response = await send(app, await signedEvent(event));
    expect(response.status).toBe(200);

    const calls = slack.calls.filter((c) => c.params.channel === channel);
    expect(calls.map((c) => c.method)).toEqual(['reactions.add', 'chat.postMessage', 'reactions.remove']);
    expect(calls[1]!.params).toMatchObject({ thread_ts: event.event.ts, text: APOLOGY_TEXT.ko });
  });

  it('apologizes in English to an English question', async () => {
    const channel = uniqueId('CFAILEN');
    llm.enqueue(...Array.from({ length: 3 }, () => ({ type: 'status' as const, status: 503 })));
    const app = slackApp({ LLM_BASE_URL: llm.url });
    await send(app, await signedEvent(messageEvent({ channel, text: '<@U0FUNDBOT> How much goes to Upstage?' })));
    const post = slack.calls.find((c) => c.params.channel === channel && c.method === 'chat.postMessage')!;
    expect(post.params.text).toBe(APOLOGY_TEXT.en);
  });

  it('escapes <!channel> and mentions the model echoes, in text and blocks, so nobody is pinged', async () => {
    const channel = uniqueId('CECHO');
    const app = slackApp({ LLM_BASE_URL: llm.url });
    const question = '<@U0FUNDBOT> <!channel> <!here> &lt;@U0BOSS&gt; 업스테이지 투자 금액은?';
    await send(app, await signedEvent(messageEvent({ channel, text: question })));
    const post = slack.calls.find((c) => c.params.channel === channel && c.method === 'chat.postMessage')!;
    const posted = JSON.stringify([post.params.text, post.params.blocks]);
    expect(post.params.text).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt;');
    expect(posted).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(posted).toContain('5조6천억 원');
  });
});

describe('configuration', () => {
  it('answers 503 slack_disabled on the Slack routes when the bot is not configured', async () => {
    const app = createApp(sampleServices());
    for (const path of ['/slack/events', '/slack/commands', '/slack/interactions']) {
      const response = await app.request(path, { method: 'POST', body: '{}' });
      expect(response.status, path).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: 'slack_disabled' } });
    }
  });

  it('refuses to build the app with Slack configured but no event ledger, naming the variable', () => {
    const services = sampleServices({
      env: { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_BOT_TOKEN: TEST_BOT_TOKEN },
    });
    expect(() => createApp(services)).toThrow(ConfigError);
    expect(() => createApp(services)).toThrow(/SLACK_BOT_TOKEN needs the DB D1 binding/);
  });
});

describe('interactions', () => {
  it('acknowledges a signed interaction payload, refuses an unsigned one and a body without a payload', async () => {
    const app = slackApp();
    const form = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', actions: [] }) }).toString();
    const signed = await signedRequest('/slack/interactions', form, 'application/x-www-form-urlencoded');
    expect((await send(app, signed)).status).toBe(200);
    const unsigned = new Request('http://127.0.0.1:8787/slack/interactions', { method: 'POST', body: form });
    expect((await send(app, unsigned)).status).toBe(401);
    const empty = await signedRequest('/slack/interactions', 'x=1', 'application/x-www-form-urlencoded');
    expect((await send(app, empty)).status).toBe(400);
  });
});

describe('slash command', () => {
  it("refuses a response URL that is not Slack's, before doing any work", async () => {
    const app = slackApp();
    const response = await send(
      app,
      await signedCommand({ command: '/fund', text: '질문', response_url: 'http://169.254.169.254/latest/meta-data' }),
    );
    expect(response.status).toBe(400);
    expect(slack.calls.some((c) => c.path.includes('169.254'))).toBe(false);
  });
});

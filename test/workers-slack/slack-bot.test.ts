/**
 * The whole worker in workerd as a Slack bot (issue 13): signed requests in, the fake Slack
 * Web API (test/fakes/slack-api.ts, over loopback HTTP) out, the D1 event ledger in
 * between, the offline answerer over the sample corpus. Each test uses its own channel, so
 * the fake's records of one test never count for another.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import worker from '../../src/worker.js';
import { APOLOGY_TEXT } from '../../src/channels/slack/messages.js';
import { D1SlackEventLedger, EVENT_RETENTION_MS } from '../../src/channels/slack/event-ledger.js';
import { SlackFakeClient } from '../helpers/slack-fake-client.js';
import {
  TEST_BOT_TOKEN,
  TEST_BOT_USER_ID,
  messageEvent,
  signedCommand,
  signedEvent,
  slackTs,
  uniqueId,
} from '../helpers/slack-requests.js';

type Handler = { fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> };

const slack = new SlackFakeClient(env.SLACK_FAKE_ORIGIN);
/** Slack gives up on a request after three seconds (https://api.slack.com/apis/events-api#responding). */
const SLACK_ACK_DEADLINE_MS = 3_000;
const UPSTAGE_QUESTION = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';

/** Sends a request to the worker; `ack` resolves with the response, `done` once its waitUntil work is over. */
async function deliver(request: Request, handler: Handler = worker as Handler) {
  const ctx = createExecutionContext();
  const started = performance.now();
  const response = await handler.fetch(request, env, ctx);
  const ackMs = performance.now() - started;
  return { response, ackMs, done: () => waitOnExecutionContext(ctx) };
}

async function posts(channel: string) {
  return slack.calls({ method: 'chat.postMessage', channel });
}

function blocksText(params: Record<string, unknown>): string {
  return JSON.stringify(params.blocks ?? []);
}

describe('the Events API endpoint', () => {
  it('answers the URL check with its challenge', async () => {
    const { response } = await deliver(await signedEvent({ type: 'url_verification', challenge: 'c-123', token: 't' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });

  it('refuses an unsigned, a forged and a stale request with 401, and answers none of them', async () => {
    const channel = uniqueId('CAUTH');
    const event = messageEvent({ channel, text: `<@${TEST_BOT_USER_ID}> ${UPSTAGE_QUESTION}` });
    const unsigned = new Request('http://127.0.0.1:8787/slack/events', { method: 'POST', body: JSON.stringify(event) });
    const forged = await signedEvent(event, { secret: 'someone-elses-secret' });
    const stale = await signedEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    for (const request of [unsigned, forged, stale]) {
      const { response, done } = await deliver(request);
      await done();
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(await slack.calls({ channel })).toEqual([]);
  });

  it('acknowledges a mention within 3 s, then answers it once, in its thread, with the bot token, through two retries', async () => {
    const channel = uniqueId('CMENTION');
    const event = messageEvent({ channel, text: `<@${TEST_BOT_USER_ID}> ${UPSTAGE_QUESTION}` });
    // A slow Slack while answering: the acknowledgement must not wait for the answer.
    await slack.failNext({ method: 'reactions.add', channel, delayMs: 4_000 });

    const first = await deliver(await signedEvent(event));
    expect(first.response.status).toBe(200);
    expect(first.ackMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    const retries = [];
    for (const retry of ['1', '2']) {
      const headers = { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' };
      retries.push(await deliver(await signedEvent(event, { headers })));
    }
    for (const r of retries) {
      expect(r.response.status).toBe(200);
      expect(r.ackMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    }
    await Promise.all([first.done(), ...retries.map((r) => r.done())]);

    const answers = await posts(channel);
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer!.authorization).toBe(`Bearer ${TEST_BOT_TOKEN}`);
    expect(answer!.params.thread_ts).toBe(event.event.ts);
    expect(answer!.params.text).toContain('5조6천억 원');
    expect(blocksText(answer!.params)).toContain('*출처*');
    expect(blocksText(answer!.params)).toContain('2026-04-30-upstage-ko');
    // The 👀 reaction was shown while answering, then taken back.
    const reactions = (await slack.calls({ channel })).filter((c) => c.method.startsWith('reactions.'));
    expect(reactions.map((c) => [c.method, c.params.name, c.params.timestamp])).toEqual([
      ['reactions.add', 'eyes', event.event.ts],
      ['reactions.remove', 'eyes', event.event.ts],
    ]);
  });

  it('does not answer a retry again after a restart: a fresh worker reads the same D1', async () => {
    const channel = uniqueId('CRESTART');
    const event = messageEvent({ channel, text: `<@${TEST_BOT_USER_ID}> ${UPSTAGE_QUESTION}` });
    const first = await deliver(await signedEvent(event));
    await first.done();
    expect(await posts(channel)).toHaveLength(1);

    // A new isolate: the worker module evaluated again, with none of the old one's memory.
    vi.resetModules();
    const restarted = (await import('../../src/worker.js')).default as Handler;
    expect(restarted).not.toBe(worker);
    const retry = await deliver(await signedEvent(event, { headers: { 'x-slack-retry-num': '3' } }), restarted);
    await retry.done();
    expect(retry.response.status).toBe(200);
    expect(await posts(channel)).toHaveLength(1);

    const row = await env.DB.prepare('SELECT event_id FROM slack_events WHERE event_id = ?')
      .bind(event.event_id)
      .first();
    expect(row).toEqual({ event_id: event.event_id });

    // The restarted worker still answers what it has not seen.
    const next = messageEvent({ channel, text: `<@${TEST_BOT_USER_ID}> ${UPSTAGE_QUESTION}` });
    await (await deliver(await signedEvent(next), restarted)).done();
    expect(await posts(channel)).toHaveLength(2);
  });

  it('answers a direct message in a thread under it', async () => {
    const channel = uniqueId('DIM');
    const event = messageEvent({
      channel,
      type: 'message',
      channelType: 'im',
      text: 'How many AI chips will the National AI Computing Center in Haenam bring in?',
    });
    await (await deliver(await signedEvent(event))).done();
    const [answer] = await posts(channel);
    expect(answer!.params.thread_ts).toBe(event.event.ts);
    expect(answer!.params.text).toContain('15,000');
    expect(blocksText(answer!.params)).toContain('*Sources*');
  });

  it("ignores the bot's own messages, other bots, edits and joins", async () => {
    const channel = uniqueId('DIGNORE');
    const base = { channel, type: 'message' as const, channelType: 'im' as const, text: UPSTAGE_QUESTION };
    const ignored = [
      messageEvent({ ...base, user: TEST_BOT_USER_ID }),
      messageEvent({ ...base, extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } }),
      messageEvent({ ...base, extra: { subtype: 'message_changed' } }),
      messageEvent({ ...base, extra: { subtype: 'channel_join' } }),
    ];
    for (const event of ignored) {
      const { response, done } = await deliver(await signedEvent(event));
      await done();
      expect(response.status).toBe(200);
    }
    expect(await slack.calls({ channel })).toEqual([]);
  });

  it('reads a thread as the conversation, so a follow-up is answered from it', async () => {
    const channel = uniqueId('CTHREAD');
    const parentTs = slackTs(120);
    const followUp = '그 금액은 달러로 얼마야?';
    await slack.addMessages(channel, [
      { ts: parentTs, user: 'U0ASKER', text: `<@${TEST_BOT_USER_ID}> ${UPSTAGE_QUESTION}` },
      {
        ts: slackTs(110),
        thread_ts: parentTs,
        user: TEST_BOT_USER_ID,
        bot_id: 'B0FUNDBOT',
        text: '국민성장펀드가 업스테이지에 5조6천억 원(약 42억 달러)을 투자합니다. [1]',
      },
    ]);
    const event = messageEvent({ channel, threadTs: parentTs, text: `<@${TEST_BOT_USER_ID}> ${followUp}` });
    await (await deliver(await signedEvent(event))).done();

    const [replies] = await slack.calls({ method: 'conversations.replies', channel });
    expect(replies!.params).toMatchObject({ ts: parentTs, latest: event.event.ts });
    const [answer] = await posts(channel);
    expect(answer!.params.thread_ts).toBe(parentTs);
    expect(answer!.params.text).toContain('42억 달러');

    // The same words outside a thread have nothing to refer to: the corpus cannot answer them.
    const alone = uniqueId('CALONE');
    await (await deliver(await signedEvent(messageEvent({ channel: alone, text: followUp })))).done();
    const [refusal] = await posts(alone);
    expect(refusal!.params.text).not.toContain('42억 달러');
    expect(await slack.calls({ method: 'conversations.replies', channel: alone })).toEqual([]);
  });

  it('apologizes in the thread when posting the answer fails once', async () => {
    const channel = uniqueId('CPOSTFAIL');
    await slack.failNext({ method: 'chat.postMessage', channel, error: 'internal_error' });
    const event = messageEvent({ channel, text: `<@${TEST_BOT_USER_ID}> ${UPSTAGE_QUESTION}` });
    await (await deliver(await signedEvent(event))).done();
    const [failed, apology] = await posts(channel);
    expect(failed!.params.text).toContain('5조6천억 원');
    expect(apology!.params).toMatchObject({ thread_ts: event.event.ts, text: APOLOGY_TEXT.ko });
  });
});

describe('the slash command', () => {
  it('acknowledges at once, privately, then posts the answer to the response URL', async () => {
    const responseUrl = slack.responseUrl(uniqueId('cmd'));
    const request = await signedCommand({ command: '/fund', text: UPSTAGE_QUESTION, response_url: responseUrl });
    const { response, ackMs, done } = await deliver(request);
    expect(ackMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    expect(await response.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('준비') });
    await done();
    const [reply] = await slack.calls({ path: new URL(responseUrl).pathname });
    expect(reply!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply!.params.text).toContain('5조6천억 원');
    expect(blocksText(reply!.params)).toContain(`> ${UPSTAGE_QUESTION}`);
  });

  it('posts in the channel with "public", and never lets a question ping anyone', async () => {
    const responseUrl = slack.responseUrl(uniqueId('pub'));
    const text = `public <!channel> <!here> ${UPSTAGE_QUESTION}`;
    await (await deliver(await signedCommand({ command: '/fund', text, response_url: responseUrl }))).done();
    const [reply] = await slack.calls({ path: new URL(responseUrl).pathname });
    expect(reply!.params.response_type).toBe('in_channel');
    const posted = JSON.stringify(reply!.params);
    expect(posted).toContain('&lt;!channel&gt; &lt;!here&gt;');
    expect(posted).not.toMatch(/<!channel>|<!here>/);
  });

  it('explains its usage in Korean and English for help and for an empty command', async () => {
    for (const text of ['help', '']) {
      const responseUrl = slack.responseUrl(uniqueId('help'));
      const { response, done } = await deliver(
        await signedCommand({ command: '/fund', text, response_url: responseUrl }),
      );
      await done();
      const body = (await response.json()) as { response_type: string; text: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('/fund public 질문');
      expect(body.text).toContain('/fund public question');
      expect(await slack.calls({ path: new URL(responseUrl).pathname })).toEqual([]);
    }
  });
});

describe('the D1 event ledger', () => {
  it('claims an event once, and forgets events older than a day as new ones arrive', async () => {
    const ledger = new D1SlackEventLedger(env.DB);
    const old = uniqueId('EvOld');
    await env.DB.prepare('INSERT INTO slack_events (event_id, received_at) VALUES (?, ?)')
      .bind(old, Date.now() - EVENT_RETENTION_MS - 60_000)
      .run();
    const id = uniqueId('EvNew');
    expect(await Promise.all([ledger.claim(id), ledger.claim(id), ledger.claim(id)])).toEqual([true, false, false]);
    const gone = await env.DB.prepare('SELECT 1 FROM slack_events WHERE event_id = ?').bind(old).first();
    expect(gone).toBeNull();
  });
});

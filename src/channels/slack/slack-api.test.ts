import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../../test/fakes/slack-api.js';
import { SlackApiClient, SlackApiError } from './slack-api.js';

const TOKEN = 'xoxb-client-test';
let slack: FakeSlackApi;
const waits: number[] = [];
const client = () =>
  new SlackApiClient({ baseUrl: slack.apiUrl, token: TOKEN, sleep: async (ms) => void waits.push(ms) });

beforeAll(async () => {
  slack = await startFakeSlackApi({ token: TOKEN });
});
afterAll(() => slack.close());

describe('SlackApiClient against the fake Slack Web API', () => {
  it('posts write methods as JSON and read methods as form fields, with the bot token', async () => {
    const posted = await client().call('chat.postMessage', { channel: 'CAPI1', text: 'hi', blocks: [] });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    await client().call('conversations.replies', { channel: 'CAPI1', ts: posted.ts, limit: 10 });
    const [post, replies] = slack.calls.filter((c) => c.params.channel === 'CAPI1');
    expect(post).toMatchObject({ method: 'chat.postMessage', authorization: `Bearer ${TOKEN}` });
    expect(post!.contentType).toMatch(/^application\/json/);
    expect(replies!.contentType).toBe('application/x-www-form-urlencoded');
    expect(replies!.params).toMatchObject({ channel: 'CAPI1', ts: posted.ts, limit: '10' });
  });

  it("throws Slack's error code, named with the method and without the token", async () => {
    slack.failNext({ method: 'chat.postMessage', channel: 'CAPI2', error: 'channel_not_found' });
    const error = await client()
      .call('chat.postMessage', { channel: 'CAPI2', text: 'x' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toMatchObject({ method: 'chat.postMessage', slackError: 'channel_not_found', status: 502 });
    expect(error.message).toBe('Slack chat.postMessage failed: channel_not_found');

    const wrongToken = new SlackApiClient({ baseUrl: slack.apiUrl, token: 'xoxb-wrong' });
    await expect(wrongToken.call('auth.test')).rejects.toMatchObject({ slackError: 'invalid_auth' });
  });

  it('waits out a short Retry-After once, and gives up on a long one', async () => {
    waits.length = 0;
    slack.failNext({ method: 'reactions.add', channel: 'CAPI3', ratelimited: 2 });
    await client().call('reactions.add', { channel: 'CAPI3', timestamp: '1.000001', name: 'eyes' });
    expect(waits).toEqual([2000]);
    expect(slack.calls.filter((c) => c.params.channel === 'CAPI3')).toHaveLength(2);

    slack.failNext({ method: 'reactions.add', channel: 'CAPI4', ratelimited: 120 });
    await expect(
      client().call('reactions.add', { channel: 'CAPI4', timestamp: '1.000001', name: 'eyes' }),
    ).rejects.toMatchObject({ slackError: 'ratelimited', status: 503 });
  });

  it('posts to a response URL as JSON, without the token', async () => {
    await client().respond(slack.responseUrl('api-test'), { response_type: 'ephemeral', text: 'hello' });
    const call = slack.calls.find((c) => c.path.endsWith('/api-test'))!;
    expect(call).toMatchObject({ method: 'response_url', params: { response_type: 'ephemeral', text: 'hello' } });
    expect(call.authorization).toBeUndefined();
  });
});

/**
 * The official `openai` client against the worker configured with API_KEYS (issue 12):
 * `/v1/*` takes the same Bearer keys as `/api/*`, and the client raises its usual
 * `AuthenticationError` without one. k-openai is this file's own key: the rate limit
 * (5 a minute) counts per key across the project's tests.
 */
import { exports } from 'cloudflare:workers';
import OpenAI, { AuthenticationError } from 'openai';
import { describe, expect, it } from 'vitest';
import { startWorkerFirst } from '../helpers/worker-start.js';

const worker = exports.default as { fetch(request: Request): Promise<Response> };
const sentAuthorization: (string | null)[] = [];

function clientWith(options: { apiKey: string; defaultHeaders?: Record<string, null> }) {
  return new OpenAI({
    baseURL: 'http://127.0.0.1:8787/v1',
    maxRetries: 0,
    fetch: (url, init) => {
      const request = new Request(url, init);
      sentAuthorization.push(request.headers.get('authorization'));
      return worker.fetch(request);
    },
    ...options,
  });
}

const QUESTION = {
  model: 'fund-assistant',
  messages: [{ role: 'user' as const, content: 'How much will the National Growth Fund invest in Upstage?' }],
};

startWorkerFirst(worker);

describe('the openai client with API_KEYS set', () => {
  it('raises AuthenticationError without a key, and with a wrong one', async () => {
    sentAuthorization.length = 0;
    // The client needs a key to start; `Authorization: null` sends none, as a keyless client would.
    const keyless = clientWith({ apiKey: 'unused', defaultHeaders: { Authorization: null } });
    await expect(keyless.models.list()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(keyless.chat.completions.create(QUESTION)).rejects.toMatchObject({
      status: 401,
      type: 'authentication_error',
      code: 'unauthorized',
    });
    expect(sentAuthorization).toEqual([null, null]);

    const wrong = clientWith({ apiKey: 'k-wrong' });
    await expect(wrong.chat.completions.create(QUESTION)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('answers with a right key', async () => {
    const client = clientWith({ apiKey: 'k-openai' });
    expect((await client.models.list()).data.map((m) => m.id)).toEqual(['fund-assistant']);
    const completion = await client.chat.completions.create(QUESTION);
    expect(completion.choices[0]!.message.content).toContain('5.6 trillion won');
  });
});

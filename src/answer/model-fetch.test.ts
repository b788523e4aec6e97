import { describe, expect, it } from 'vitest';
import { createModelFetch, retryAfterMs } from './model-fetch.js';

describe('retryAfterMs', () => {
  const at = Date.parse('2026-04-30T00:00:00Z');
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'Thu, 30 Apr 2026 00:00:03 GMT' }, 3000],
    [{ 'retry-after': 'Wed, 29 Apr 2026 00:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), at)).toBe(expected);
  });
});

describe('createModelFetch', () => {
  it('retries a refused connection, then reports it', async () => {
    let calls = 0;
    const refusing = (async () => {
      calls++;
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const modelFetch = createModelFetch({
      maxRetries: 2,
      timeoutMs: 1000,
      baseDelayMs: 1,
      maxRetryAfterMs: 10,
      fetch: refusing,
    });
    await expect(modelFetch('http://127.0.0.1:9/v1/chat/completions')).rejects.toThrow('fetch failed');
    expect(calls).toBe(3);
  });

  it('does not retry a 400: the request itself is wrong', async () => {
    let calls = 0;
    const badRequest = (async () => {
      calls++;
      return new Response('{}', { status: 400 });
    }) as typeof fetch;
    const modelFetch = createModelFetch({
      maxRetries: 2,
      timeoutMs: 1000,
      baseDelayMs: 1,
      maxRetryAfterMs: 10,
      fetch: badRequest,
    });
    expect((await modelFetch('http://x/v1/chat/completions')).status).toBe(400);
    expect(calls).toBe(1);
  });

  it('stops waiting as soon as the caller aborts', async () => {
    const controller = new AbortController();
    const limited = (async () => new Response('{}', { status: 429, headers: { 'retry-after': '5' } })) as typeof fetch;
    const modelFetch = createModelFetch({
      maxRetries: 2,
      timeoutMs: 1000,
      baseDelayMs: 1,
      maxRetryAfterMs: 10_000,
      fetch: limited,
    });
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('client went away')), 20);
    await expect(modelFetch('http://x/v1/chat/completions', { signal: controller.signal })).rejects.toThrow(
      'client went away',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { isTransient, retryAfterMs, withRetries } from './backoff.js';

const failing = (errors: unknown[]) => {
  let calls = 0;
  return {
    work: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return calls;
    },
    calls: () => calls,
  };
};

describe('withRetries', () => {
  it('retries 429s, 5xx and timeouts, waiting longer each time and at least Retry-After', async () => {
    const waits: number[] = [];
    const run = failing([{ status: 429, retryAfterMs: 5_000 }, { status: 503 }, { name: 'TimeoutError' }]);
    const result = await withRetries(run.work, {
      attempts: 4,
      baseDelayMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result).toBe(4);
    expect(waits[0]).toBe(5_000);
    expect(waits[1]).toBeGreaterThanOrEqual(150);
    expect(waits[2]).toBeGreaterThanOrEqual(300);
  });

  it('fails at once on a request the server refuses, and after the last attempt otherwise', async () => {
    const refused = failing([{ status: 400, message: 'bad' }]);
    await expect(
      withRetries(refused.work, { attempts: 5, baseDelayMs: 1, sleep: async () => {} }),
    ).rejects.toMatchObject({ status: 400 });
    expect(refused.calls()).toBe(1);
    const down = failing([{ status: 500 }, { status: 502 }, { status: 503 }]);
    await expect(withRetries(down.work, { attempts: 3, baseDelayMs: 1, sleep: async () => {} })).rejects.toMatchObject({
      status: 503,
    });
    expect(down.calls()).toBe(3);
  });

  it('tells transient failures apart', () => {
    expect(isTransient({ status: 401 })).toBe(false);
    expect(isTransient(new TypeError('fetch failed'))).toBe(true);
    expect(isTransient(new SyntaxError('Unexpected token <'))).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

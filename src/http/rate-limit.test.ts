import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemoryRateLimiter, takeFromWindow } from './rate-limit.js';
import { fuzzParameters } from '../../test/helpers/fuzz.js';

describe('takeFromWindow', () => {
  it('allows `limit` in a burst, then says when the oldest leaves the window', () => {
    const log: number[] = [];
    const decisions = [0, 1_000, 2_000, 3_000, 4_000, 5_000].map((t) => takeFromWindow(log, t, 5, 60_000));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions[5]!.retryAfterSeconds).toBe(55);
    expect(takeFromWindow(log, 60_000, 5, 60_000).allowed).toBe(true);
  });

  it('never allows more than `limit` in any window of one period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 200 }),
        (limit, gaps) => {
          const period = 60_000;
          const log: number[] = [];
          const allowedAt: number[] = [];
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            const decision = takeFromWindow(log, now, limit, period);
            if (decision.allowed) allowedAt.push(now);
            else
              expect(takeFromWindow([...log], now + decision.retryAfterSeconds * 1000, limit, period).allowed).toBe(
                true,
              );
          }
          for (let i = 0; i + limit < allowedAt.length; i++) {
            expect(allowedAt[i + limit]! - allowedAt[i]!).toBeGreaterThanOrEqual(period);
          }
        },
      ),
      fuzzParameters('rate limit window', 300),
    );
  });
});

describe('MemoryRateLimiter', () => {
  it('counts clients apart and lets a client back in when its window has passed', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(2, 60_000, () => now);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect((await limiter.take('b')).allowed).toBe(true);
    now = 60_000;
    expect((await limiter.take('a')).allowed).toBe(true);
  });
});

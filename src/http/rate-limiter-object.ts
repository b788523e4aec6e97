/**
 * The rate limiter behind `RATE_LIMIT_PER_MINUTE` in the worker: one Durable Object per
 * client (API key or IP), so a limit holds across every isolate and location.
 *
 * Why not the Workers rate-limiting binding: its limit is fixed in wrangler.toml (so the
 * documented variable could not set it), and it counts per Cloudflare location, eventually
 * consistent; a Durable Object is one exact counter wherever the requests come from.
 * The log lives in memory: an object is only evicted after more than a minute idle, by
 * which time every entry has left the window anyway.
 */
import { DurableObject } from 'cloudflare:workers';
import { takeFromWindow, type RateLimitDecision, type RateLimiter } from './rate-limit.js';

export class RateLimiterObject extends DurableObject {
  private readonly log: number[] = [];

  take(limit: number, periodMs: number): RateLimitDecision {
    return takeFromWindow(this.log, Date.now(), limit, periodMs);
  }
}

/** The limiter the app uses in the worker, over the `RATE_LIMITER` namespace. */
export function durableRateLimiter(
  namespace: DurableObjectNamespace<RateLimiterObject>,
  limitPerMinute: number,
): RateLimiter {
  return {
    async take(client) {
      const stub = namespace.get(namespace.idFromName(client));
      return stub.take(limitPerMinute, 60_000);
    },
  };
}

/**
 * Rate limiting as a sliding-window log: a client may make `limit` requests in any window
 * of `periodMs`, and a refused client is told exactly when the oldest one leaves the
 * window. Exact where a token bucket is not (a bucket of N refilled N per minute lets up
 * to 2N-1 through in some minute), at the cost of up to `limit` timestamps per client.
 */

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until a request would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
}

/** The port the API guard calls: a Durable Object when deployed, memory in Node. */
export interface RateLimiter {
  take(client: string): Promise<RateLimitDecision>;
}

/**
 * One request against a client's log of allowed requests (oldest first), which it updates.
 *
 * @example takeFromWindow([], Date.now(), 5, 60_000).allowed // true: the first of five a minute
 */
export function takeFromWindow(log: number[], now: number, limit: number, periodMs: number): RateLimitDecision {
  while (log.length > 0 && log[0]! <= now - periodMs) log.shift();
  if (log.length >= limit) {
    const retryAfterMs = log[log.length - limit]! + periodMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
  log.push(now);
  return { allowed: true, retryAfterSeconds: 0 };
}

/** Clients tracked at once in memory; the least recently seen are dropped first. */
const MAX_TRACKED_CLIENTS = 10_000;

/**
 * A limiter for one process (Node: tests, a self-hosted server). Within one isolate it is
 * exact; across isolates it is not, which is why the worker uses the Durable Object.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly logs = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly periodMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async take(client: string): Promise<RateLimitDecision> {
    const log = this.logs.get(client) ?? [];
    this.logs.delete(client);
    this.logs.set(client, log); // most recently seen last
    if (this.logs.size > MAX_TRACKED_CLIENTS) this.logs.delete(this.logs.keys().next().value!);
    return takeFromWindow(log, this.now(), this.limit, this.periodMs);
  }
}

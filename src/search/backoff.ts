/**
 * Retries with exponential backoff for bulk work against rate-limited services (ingest
 * embedding and upserting thousands of chunks): a 429, a 5xx, a timeout or a dropped
 * connection is worth another try after a pause; anything else fails at once.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first pause; each next one doubles, with jitter. */
  baseDelayMs: number;
  /** No pause is longer than this (a Retry-After above it is capped too). */
  maxDelayMs?: number;
  /** Told before each pause, e.g. to log it. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Bulk ingest: six tries over about a minute rides out a burst limit or a brief outage. */
export const INGEST_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** An error carrying the HTTP status it came from, and the server's Retry-After when it gave one. */
export interface HttpStatusError {
  status?: number;
  retryAfterMs?: number;
  name?: string;
  message?: string;
}

/** 429, 5xx, timeouts and network failures are transient; 4xx other than 429 are not. */
export function isTransient(error: unknown): boolean {
  const e = (error ?? {}) as HttpStatusError;
  if (typeof e.status === 'number') return e.status === 429 || e.status >= 500;
  if (/timeout/i.test(e.name ?? '')) return true;
  return /fetch failed|ECONNRESET|ECONNREFUSED|socket|terminated/i.test(e.message ?? '');
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` until it succeeds, a failure is not transient, or the attempts run out (then the last error is thrown). */
export async function withRetries<T>(work: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const max = policy.maxDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
      const delay = Math.min(max, Math.max((error as HttpStatusError).retryAfterMs ?? 0, backoff));
      policy.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/** Retry-After in milliseconds (seconds or an HTTP date, RFC 9110 §10.2.3), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

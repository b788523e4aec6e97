/**
 * The Upstash Vector client the app queries with: the SDK's `/cloudflare` entry, which runs
 * in workerd and in Node alike (the default entry reads `process.env`).
 */
import { Index } from '@upstash/vector/cloudflare';
import type { UpstashConfig } from '../config.js';

/** The part of the SDK's `Index` the adapter and the sync use (both SDK entries provide it). */
export type VectorIndex = Pick<Index, 'namespace' | 'info'>;

/** A hybrid query answers in tens of milliseconds; past this, Upstash is in trouble and the request fails with a 504. */
export const UPSTASH_TIMEOUT_MS = 10_000;

export function connectUpstash(config: UpstashConfig, timeoutMs = UPSTASH_TIMEOUT_MS): VectorIndex {
  return new Index({
    url: config.url,
    token: config.token,
    // workerd rejects the SDK's default `cache: 'no-store'` on fetch; false leaves it unset.
    cache: false,
    // One more try after a network error; 429 and 5xx are never retried by the SDK.
    retry: { retries: 1 },
    enableTelemetry: false,
    // A function: a fresh timeout per request, and an abort throws instead of resolving "Aborted".
    signal: () => AbortSignal.timeout(timeoutMs),
  });
}

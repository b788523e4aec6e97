/**
 * Worker entry: builds the handlers from `env` once per isolate (worker-handlers.ts).
 *
 * Configuration is parsed at module load (`env` from cloudflare:workers), so an invalid
 * variable stops the worker from starting with a message naming it, instead of failing
 * request by request. The index is opened on first use: the local index is a set of assets
 * (a JSON manifest naming binary shards, each under the 25 MiB asset limit), fetched and
 * parsed shard by shard; with UPSTASH_VECTOR_REST_URL set, `createServices` opens Upstash
 * Vector instead (through the SDK's `/cloudflare` entry) and the assets are never read.
 */
import { env as workerEnv } from 'cloudflare:workers';
import { workerHandlers, type Env } from './worker-handlers.js';

// The entry's exports are its handlers: `default`, and the Durable Object classes bound in wrangler.toml.
export { RateLimiterObject } from './http/rate-limiter-object.js';

export default workerHandlers(workerEnv as unknown as Env);

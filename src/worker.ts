/**
 * Worker entry: builds the app from `env` once per isolate.
 *
 * Configuration is parsed at module load (`env` from cloudflare:workers), so an invalid
 * variable stops the worker from starting with a message naming it, instead of failing
 * request by request. The index is opened on first use: the local index is a set of assets
 * (a JSON manifest naming binary shards, each under the 25 MiB asset limit), fetched and
 * parsed shard by shard; with UPSTASH_VECTOR_REST_URL set, `createServices` opens Upstash
 * Vector instead (through the SDK's `/cloudflare` entry) and the assets are never read.
 */
import { env as workerEnv } from 'cloudflare:workers';
import { ConfigError, parseConfig } from './config.js';
import { createApp } from './app.js';
import { createServices, type AppServices } from './services.js';
import { loadIndexFromAssets } from './search/index-asset.js';
import { durableRateLimiter, type RateLimiterObject } from './http/rate-limiter-object.js';
import { D1SlackEventLedger } from './channels/slack/event-ledger.js';
import { D1AnswerLog } from './answer-log/d1-answer-log.js';

// The entry's exports are its handlers: `default`, and the Durable Object classes bound in wrangler.toml.
export { RateLimiterObject } from './http/rate-limiter-object.js';

interface Env {
  ASSETS: Fetcher;
  RATE_LIMITER?: DurableObjectNamespace<RateLimiterObject>;
  /** D1 `fund-assistant` (wrangler.toml): Slack events taken and the answer log (migrations/). */
  DB?: D1Database;
  [name: string]: unknown;
}

function buildServices(env: Env): AppServices {
  const config = parseConfig(env);
  if (config.rateLimitPerMinute > 0 && !env.RATE_LIMITER) {
    // A limit kept per isolate would not hold once deployed: refuse rather than pretend.
    throw new ConfigError(
      'Invalid configuration: RATE_LIMIT_PER_MINUTE needs the RATE_LIMITER Durable Object binding (wrangler.toml)',
      ['RATE_LIMIT_PER_MINUTE'],
    );
  }
  const services = createServices(config, (options) => loadIndexFromAssets(env.ASSETS, options));
  if (config.rateLimitPerMinute > 0 && env.RATE_LIMITER) {
    services.rateLimiter = durableRateLimiter(env.RATE_LIMITER, config.rateLimitPerMinute);
  }
  if (env.DB) {
    services.slackEvents = new D1SlackEventLedger(env.DB);
    services.answerLog = new D1AnswerLog(env.DB);
  }
  return services;
}

const app = createApp(buildServices(workerEnv as unknown as Env));

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;

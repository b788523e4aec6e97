/**
 * The worker's handlers for a given `env`: the app (`fetch`) and the daily cron
 * (`scheduled`). worker.ts builds them once per isolate; tests build them over an `env`
 * of their own (a D1 that fails, say).
 */
import { ConfigError, parseConfig } from './config.js';
import { createApp } from './app.js';
import { createServices, type AppServices } from './services.js';
import { loadIndexFromAssets } from './search/index-asset.js';
import { durableRateLimiter, type RateLimiterObject } from './http/rate-limiter-object.js';
import { D1SlackEventLedger } from './channels/slack/event-ledger.js';
import { D1AnswerLog } from './answer-log/d1-answer-log.js';
import { deleteExpiredAnswers } from './answer-log/retention.js';

export interface Env {
  ASSETS: Fetcher;
  RATE_LIMITER?: DurableObjectNamespace<RateLimiterObject>;
  /** D1 `fund-assistant` (wrangler.toml): Slack events taken and the answer log (migrations/). */
  DB?: D1Database;
  [name: string]: unknown;
}

/** @throws ConfigError naming the variable when the configuration is invalid. */
export function buildServices(env: Env): AppServices {
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

export function workerHandlers(env: Env) {
  const services = buildServices(env);
  const app = createApp(services);
  return {
    fetch(request: Request, env: Env, ctx: ExecutionContext) {
      return app.fetch(request, env, ctx);
    },
    scheduled(controller: ScheduledController, _env: Env, ctx: ExecutionContext) {
      const { answerLog, config } = services;
      if (answerLog) ctx.waitUntil(deleteExpiredAnswers(answerLog, config.logRetentionDays, controller.scheduledTime));
    },
  } satisfies ExportedHandler<Env>;
}

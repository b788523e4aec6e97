/**
 * Calls to the whole worker inside workerd (the workers-* projects): each request gets its
 * own execution context, so a test can wait for the work the worker left to `waitUntil`
 * (the answer log's writes, a Slack reply) before it looks at the result.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/worker.js';

export const BASE = 'http://127.0.0.1:8787';

export interface Handler {
  fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response>;
  scheduled(controller: ScheduledController, env: unknown, ctx: ExecutionContext): void | Promise<void>;
}

/** The worker as wrangler.toml and the project's bindings configure it. */
export const defaultWorker = worker as unknown as Handler;

/** Sends a request; `ackMs` is how long the response took, `done` resolves once its waitUntil work is over. */
export async function call(request: Request, handler: Handler = defaultWorker) {
  const ctx = createExecutionContext();
  const started = performance.now();
  const response = await handler.fetch(request, env, ctx);
  const ackMs = performance.now() - started;
  return { response, ackMs, done: () => waitOnExecutionContext(ctx) };
}

/**
 * The Hono app: security middleware, the channels, and one error handler that maps every
 * failure to the JSON error of DESIGN.md with an honest status. Never a stack trace, a
 * secret or an upstream body.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppServices } from './services.js';
import { describeMode } from './config.js';
import { AppError, HttpError, errorBody } from './errors.js';
import { apiGuard } from './http/api-guard.js';
import { MemoryRateLimiter } from './http/rate-limit.js';
import { chatRoute } from './channels/web/chat-route.js';
import { webRoutes } from './channels/web/web-routes.js';
import { slackRoutes } from './channels/slack/routes.js';
import { openAIRoutes } from './channels/openai/openai-routes.js';
import { feedbackRoute } from './feedback/feedback-route.js';
import { adminRoutes } from './channels/admin/admin-routes.js';
import { openAIErrorBody, type OpenAIErrorFields } from './channels/openai/openai-error.js';

/** Request bodies larger than this are refused with 413, counted as they stream in. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The prefixes that answer questions: keys, origins and rate limits apply to them. */
const API_PREFIXES = ['/api/*', '/v1/*'];

/**
 * Pages may load scripts and connect only to this origin and nothing may frame them;
 * `widget.js` and API responses set their own cross-origin headers on top.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** `/v1/*` speaks OpenAI's error shape, so OpenAI clients raise their usual exceptions. */
function errorResponseBody(c: Context, error: OpenAIErrorFields) {
  return c.req.path.startsWith('/v1/') ? openAIErrorBody(error) : errorBody(error.code, error.message);
}

export function createApp(services: AppServices) {
  const app = new Hono();
  const { config } = services;
  const rateLimiter =
    services.rateLimiter ??
    (config.rateLimitPerMinute > 0 ? new MemoryRateLimiter(config.rateLimitPerMinute) : undefined);

  app.use(
    '*',
    secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, xFrameOptions: 'DENY', overwrite: false }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  const guard = apiGuard({ apiKeys: config.apiKeys, widgetOrigins: config.widgetOrigins, rateLimiter });
  for (const prefix of API_PREFIXES) app.use(prefix, ...guard);

  app.get('/health', async (c) => {
    const { documents, chunks } = await (await services.retriever()).stats();
    return c.json({ status: 'ok', mode: describeMode(config), documents, chunks });
  });

  app.route('/', webRoutes(services));
  app.route('/', chatRoute(services));
  app.route('/', feedbackRoute(services));
  app.route('/', openAIRoutes(services));
  // Behind ADMIN_API_KEY, not API keys (channels/admin/admin-routes.ts).
  app.route('/', adminRoutes(services));
  // Authenticated by Slack's request signature, not API keys (channels/slack/verify-request.ts).
  app.route('/', slackRoutes(services));

  app.notFound((c) =>
    c.json(
      errorResponseBody(c, { status: 404, code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }),
      404,
    ),
  );

  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) console.warn(`${c.req.method} ${c.req.path}: ${error.message}`);
      return c.json(errorResponseBody(c, error), error.status, error.headers);
    }
    // Name only: an unexpected error's message can carry what it was handling.
    console.error(`${c.req.method} ${c.req.path} failed: ${error.name}`, error.stack?.split('\n')[1]?.trim() ?? '');
    return c.json(
      errorResponseBody(c, {
        status: 500,
        code: 'internal_error',
        message: 'the server failed to handle this request',
      }),
      500,
    );
  });

  return app;
}

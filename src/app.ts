/**
 * The Hono app: mounts the channels and maps every failure to the JSON error of
 * DESIGN.md with an honest status. Never a stack trace, a secret or an upstream body.
 */
import { Hono } from 'hono';
import type { AppServices } from './services.js';
import { describeMode } from './config.js';
import { AppError, errorBody } from './errors.js';
import { chatRoute } from './channels/web/chat-route.js';
import { CHAT_PAGE_HTML } from './channels/web/chat-page.js';

export function createApp(services: AppServices) {
  const app = new Hono();

  app.get('/health', async (c) => {
    const stats = await (await services.retriever()).stats();
    return c.json({ status: 'ok', mode: describeMode(services.config), ...stats });
  });

  app.get('/', (c) => c.html(CHAT_PAGE_HTML));
  app.route('/', chatRoute(services));

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));

  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) console.warn(`${c.req.method} ${c.req.path}: ${error.message}`);
      return c.json(errorBody(error.code, error.message), error.status, error.headers);
    }
    console.error(`${c.req.method} ${c.req.path} failed`, error);
    return c.json(errorBody('internal_error', 'the server failed to handle this request'), 500);
  });

  return app;
}

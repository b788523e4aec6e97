/**
 * The content-gap report (issue 16): `GET /admin`, a page over `GET /admin/api/questions`
 * (DESIGN.md) and `GET /admin/api/daily` (the page's chart), for whoever keeps the corpus.
 *
 * The API takes `Authorization: Bearer <ADMIN_API_KEY>`, compared in constant time (hono's
 * `bearerAuth`); keys in API_KEYS do not open it. Without ADMIN_API_KEY the routes say how
 * to turn them on (403). Not under `/api/*`: the API guard's CORS would let widget sites
 * read it; here no cross-origin page can.
 */
import { Hono } from 'hono';
import type { AppServices } from '../../services.js';
import { ConfigError } from '../../config.js';
import { AppError } from '../../errors.js';
import { bearerCheck } from '../../http/bearer-check.js';
import type { AnswerLog } from '../../answer-log/types.js';
import { dailyQuerySchema, questionsQuerySchema, readQuery } from './admin-query.js';
import { ADMIN_DISABLED_HTML, ADMIN_PAGE_HTML } from './admin-page.js';
import { ADMIN_PAGE_SCRIPT } from './admin-script.js';

const ENABLE_HINT =
  'set ADMIN_API_KEY to turn it on (wrangler secret put ADMIN_API_KEY; locally in .dev.vars; docs/feedback.md)';

/** Reports hold what staff asked: no shared cache may keep them. */
const PRIVATE = { 'cache-control': 'no-store' };

function enabledApi(adminApiKey: string, log: AnswerLog) {
  const app = new Hono();
  const checkKey = bearerCheck(adminApiKey, 'send the admin key as Authorization: Bearer <ADMIN_API_KEY>');
  app.use('/admin/api/*', async (c, next) => {
    await checkKey(c);
    await next();
  });
  app.get('/admin/api/questions', async (c) => {
    const query = readQuery(c, questionsQuerySchema);
    const items = await log.questions({ filter: query.filter, sinceMs: query.since, limit: query.limit });
    return c.json({ items }, 200, PRIVATE);
  });
  app.get('/admin/api/daily', async (c) => {
    const query = readQuery(c, dailyQuerySchema);
    const days = await log.daily({ sinceMs: query.since, utcOffsetMinutes: query.tz_offset });
    return c.json({ days }, 200, PRIVATE);
  });
  app.get('/admin', (c) => c.html(ADMIN_PAGE_HTML, 200, PRIVATE));
  return app;
}

function disabledApi() {
  const app = new Hono();
  app.all('/admin/api/*', () => {
    throw new AppError(403, 'admin_disabled', `the admin API is off: ${ENABLE_HINT}`);
  });
  app.get('/admin', (c) => c.html(ADMIN_DISABLED_HTML, 403));
  return app;
}

/**
 * The admin page and API for this configuration.
 *
 * @throws ConfigError when ADMIN_API_KEY is set but there is no answer log (no DB binding).
 */
export function adminRoutes(services: AppServices) {
  const { adminApiKey } = services.config;
  if (adminApiKey && !services.answerLog) {
    // The key would open a report with nothing behind it: refuse rather than pretend.
    throw new ConfigError(
      'Invalid configuration: ADMIN_API_KEY needs the DB D1 binding (wrangler.toml) for the answer log',
      ['ADMIN_API_KEY'],
    );
  }
  const app = new Hono();
  // The page's script is its own route: the CSP allows no inline script.
  app.get('/admin/admin.js', (c) =>
    c.body(ADMIN_PAGE_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.route('/', adminApiKey && services.answerLog ? enabledApi(adminApiKey, services.answerLog) : disabledApi());
  return app;
}

/**
 * The web channel's pages (issue 11): the chat page `/`, the embeddable `/widget.js`, and
 * the source pages `/sources/:id` a citation opens. `/api/chat` is `chat-route.ts`.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppServices } from '../../services.js';
import { HttpError } from '../../errors.js';
import { CHAT_PAGE_HTML } from './chat-page.js';
import { WIDGET_SCRIPT } from './generated/ui-bundle.js';
import { docIdOfSourcePath, SOURCES_PATH_PREFIX } from './source-path.js';
import { sourceNotFoundPage, sourcePage, sourcesUnavailablePage } from './source-page.js';

/**
 * `widget.js` is loaded by other sites (CORP `cross-origin`, over the app's default
 * `same-origin`). Its URL is not versioned, so caches keep it briefly and revalidate by ETag.
 */
const WIDGET_HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  'cache-control': 'public, max-age=300',
  'cross-origin-resource-policy': 'cross-origin',
};

function pageNumber(value: string | undefined): number | undefined {
  return value && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

export function webRoutes(services: AppServices) {
  const app = new Hono();

  app.get('/', (c) => c.html(CHAT_PAGE_HTML));
  app.get('/widget.js', etag(), (c) => c.body(WIDGET_SCRIPT, 200, WIDGET_HEADERS));

  app.get(`${SOURCES_PATH_PREFIX}*`, async (c) => {
    // The raw path, decoded once here: document ids may hold `/`, `#`, `?` and `%`.
    const id = docIdOfSourcePath(new URL(c.req.url).pathname);
    // A person following a link gets a page; any other client the JSON error of DESIGN.md.
    const toBrowser = /\btext\/html\b/i.test(c.req.header('accept') ?? '');
    const retriever = await services.retriever();
    if (!retriever.document) {
      if (toBrowser) return c.html(sourcesUnavailablePage(), 404);
      throw new HttpError(404, 'sources_unavailable', 'this index keeps no document texts to show');
    }
    const document = id === undefined ? undefined : await retriever.document(id);
    if (!document) {
      if (toBrowser) return c.html(sourceNotFoundPage(id ?? c.req.path), 404);
      throw new HttpError(404, 'not_found', `no document ${JSON.stringify(id ?? c.req.path)} in the index`);
    }
    const page = pageNumber(c.req.query('page'));
    const quote = c.req.query('quote');
    return c.html(sourcePage(document, { ...(page ? { page } : {}), ...(quote ? { quote } : {}) }));
  });

  return app;
}

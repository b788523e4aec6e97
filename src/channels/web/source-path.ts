/**
 * The address of a source page, `sources/<id>?page=N&quote=…#cited`, built by the chat UI
 * and read by the worker. Shared by both so they cannot drift apart.
 *
 * Document ids are corpus paths (DESIGN.md, "Corpus files"): they hold `/` and any Unicode,
 * and a file name may hold `#`, `?` or `%`. Each segment is percent-encoded on its own, so
 * the `/` stay readable and nothing else can end the path early.
 */

export const SOURCES_PATH_PREFIX = '/sources/';
/** The passage's opening words are enough to find it again, and keep the link short. */
export const QUOTE_CHARS = 100;
/** The fragment of the highlighted passage: the browser scrolls to it without a script. */
export const CITED_FRAGMENT = 'cited';

export interface SourceLinkOptions {
  page?: number;
  /** The cited snippet: its opening words mark the passage to highlight. */
  snippet?: string;
}

/** The opening words of a citation snippet, without the ellipsis a cut snippet ends with. */
export function quoteOf(snippet: string): string {
  const chars = Array.from(snippet.replace(/…$/, '').replace(/\s+/g, ' ').trim());
  return chars.slice(0, QUOTE_CHARS).join('').trimEnd();
}

/**
 * The source page of a document, relative to the worker's base URL (no leading `/`, so a
 * worker served under a path prefix works too).
 *
 * @example sourcePath('보도자료/2026 #1', { page: 2 }) // 'sources/%EB%B3%B4…/2026%20%231?page=2#cited'
 */
export function sourcePath(docId: string, options: SourceLinkOptions = {}): string {
  const path = docId.split('/').map(encodeURIComponent).join('/');
  const query = new URLSearchParams();
  if (options.page !== undefined) query.set('page', String(options.page));
  if (options.snippet) query.set('quote', quoteOf(options.snippet));
  const search = query.toString() ? `?${query}` : '';
  return `${SOURCES_PATH_PREFIX.slice(1)}${path}${search}#${CITED_FRAGMENT}`;
}

/**
 * The document id in a source page's URL path (still percent-encoded, as `URL.pathname`
 * gives it), or undefined when the path is not a source page or does not decode.
 */
export function docIdOfSourcePath(pathname: string): string | undefined {
  if (!pathname.startsWith(SOURCES_PATH_PREFIX)) return undefined;
  const encoded = pathname.slice(SOURCES_PATH_PREFIX.length);
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded).normalize('NFC');
  } catch {
    return undefined;
  }
}

/**
 * The one gate for links put on a page, in the chat UI and on source pages alike: only
 * absolute http(s) URLs pass, so `javascript:`, `data:` or a relative path from the model
 * or the corpus never becomes a link (issue 11).
 *
 * @example safeHref('javascript:alert(1)') // undefined
 */
export function safeHref(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

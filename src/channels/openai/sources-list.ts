/**
 * The sources list appended to an answer's text, so that any chat front end shows what
 * the `[n]` markers refer to without reading our `citations` field:
 *
 *     Sources:
 *     - [1] Title (2026-04-30), p. 3 — https://…
 *
 * A Markdown list, because front ends render Markdown and would run plain lines together.
 */
import type { Citation, Lang } from '../../types.js';

const HEADING: Record<Lang, string> = { ko: '출처:', en: 'Sources:' };
const PAGE: Record<Lang, (page: number) => string> = { ko: (page) => `${page}쪽`, en: (page) => `p. ${page}` };

function sourceLine(citation: Citation, language: Lang): string {
  const date = citation.date ? ` (${citation.date})` : '';
  const page = citation.page !== undefined ? `, ${PAGE[language](citation.page)}` : '';
  const url = citation.url ? ` — ${citation.url}` : '';
  return `- [${citation.n}] ${citation.title}${date}${page}${url}`;
}

/** The list to append to an answer in `language`; empty when nothing is cited (a refusal). */
export function sourcesList(citations: Citation[], language: Lang): string {
  if (citations.length === 0) return '';
  return `\n\n${HEADING[language]}\n${citations.map((c) => sourceLine(c, language)).join('\n')}`;
}

/**
 * An answer without the list: front ends send our answers back as conversation history,
 * where the old list's numbers would clash with the next answer's sources.
 */
export function withoutSourcesList(text: string): string {
  const starts = Object.values(HEADING).map((heading) => text.lastIndexOf(`\n\n${heading}\n- [`));
  const start = Math.max(...starts);
  return start >= 0 ? text.slice(0, start) : text;
}

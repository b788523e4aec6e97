/**
 * `GET /sources/:id?page=N&quote=…`: a cited document as a page (issue 11), its title,
 * date and the text of the cited page, with the cited passage highlighted, so anyone can
 * check an answer against its source. Every value is escaped by hono's `html` template;
 * the only links are the assistant's own and an http(s) original.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Chunk, Lang } from '../../types.js';
import type { SourceDocument } from '../../search/types.js';
import { CITED_FRAGMENT } from './source-path.js';
import { safeHref } from './safe-href.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const LABELS = {
  ko: {
    kicker: '출처 문서',
    back: '← 펀드 도우미',
    original: '원문 보기',
    pageOf: (page: number, pages: number) => `${pages}쪽 중 ${page}쪽`,
    previous: '← 이전 쪽',
    next: '다음 쪽 →',
    whole: '문서 전체',
    cited: '인용된 구절',
    quoteMissing: '인용된 구절을 이 쪽에서 찾지 못했습니다. 문서가 다시 색인되었을 수 있습니다.',
    pageMissing: (page: number) => `${page}쪽이 없어 문서 전체를 보여 드립니다.`,
  },
  en: {
    kicker: 'Source document',
    back: '← Fund Assistant',
    original: 'Original',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    previous: '← Previous page',
    next: 'Next page →',
    whole: 'Whole document',
    cited: 'Cited passage',
    quoteMissing: 'The cited passage is not on this page any more; the document may have been re-indexed.',
    pageMissing: (page: number) => `There is no page ${page}; showing the whole document.`,
  },
} satisfies Record<Lang, unknown>;

const STYLE = `
body { margin: 0; font: 16px/1.7 system-ui, -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif; color: #1b1f24; background: #f6f7f9; word-break: keep-all; overflow-wrap: anywhere; }
.top { background: #1f6feb; padding: 10px 16px; }
.top a { color: #fff; text-decoration: none; font-weight: 600; }
main { max-width: 760px; margin: 0 auto; padding: 20px 16px 60px; }
.kicker { margin: 0; color: #57606a; font-size: 14px; }
h1 { font-size: 22px; line-height: 1.4; margin: 4px 0 6px; }
h2 { font-size: 17px; margin: 22px 0 6px; }
.meta { margin: 0 0 14px; color: #57606a; font-size: 14px; }
.pager { display: flex; flex-wrap: wrap; gap: 8px 16px; font-size: 14px; margin: 0 0 14px; }
.notice { background: #fff8e5; border: 1px solid #d4a72c; border-radius: 8px; padding: 8px 12px; font-size: 14px; }
article { background: #fff; border: 1px solid #d8dee4; border-radius: 10px; padding: 8px 20px; }
.chunk { padding: 2px 0; }
.chunk p { margin: 8px 0; }
.cited { border-left: 4px solid #d4a72c; margin-left: -14px; padding-left: 10px; scroll-margin-top: 40vh; }
.cited .label { margin: 8px 0 0; font-size: 13px; font-weight: 600; color: #7d5c00; }
mark { background: #fff0b3; color: inherit; padding: 0 1px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; display: block; overflow-x: auto; }
td { border: 1px solid #d8dee4; padding: 4px 8px; vertical-align: top; }
a { color: #0a58ca; }
`;

/** Cell separator of table rows as ingest writes them (src/ingest/chunker.ts). */
const TABLE_ROW = / \| /;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The chunk whose text holds the quote (whitespace collapsed, as snippets are). */
export function findCitedChunk(chunks: Chunk[], quote: string | undefined): Chunk | undefined {
  const wanted = quote && collapse(quote.normalize('NFC'));
  return wanted ? chunks.find((c) => collapse(c.text).includes(wanted)) : undefined;
}

function marked(text: string, highlight: boolean): Html | string {
  return highlight ? html`<mark>${text}</mark>` : text;
}

/** A chunk's lines: prose as paragraphs, runs of `cell | cell` rows as a table. */
function chunkBody(chunk: Chunk, highlight: boolean): Html[] {
  const out: Html[] = [];
  let rows: string[] = [];
  const flushRows = () => {
    if (!rows.length) return;
    const cells = rows.map(
      (row) =>
        html`<tr>
          ${row.split(TABLE_ROW).map((cell) => html`<td>${marked(cell.trim(), highlight)}</td>`)}
        </tr>`,
    );
    out.push(
      html`<table>
        ${cells}
      </table>`,
    );
    rows = [];
  };
  for (const line of chunk.text.split('\n')) {
    if (!line.trim()) continue;
    if (TABLE_ROW.test(line)) {
      rows.push(line);
      continue;
    }
    flushRows();
    out.push(html`<p>${marked(line, highlight)}</p>`);
  }
  flushRows();
  return out;
}

function layout(lang: Lang, title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <header class="top"><a href="/">${LABELS[lang].back}</a></header>
        <main>${body}</main>
      </body>
    </html>`;
}

export interface SourcePageRequest {
  page?: number;
  quote?: string;
}

/**
 * The page of `document`: the requested page of a paged document (PDF, HWPX), or the
 * whole text; the chunk holding `quote` is highlighted and is the fragment `#cited`.
 */
export function sourcePage(document: SourceDocument, request: SourcePageRequest): Html {
  const { meta, chunks } = document;
  const labels = LABELS[meta.lang];
  const paged = meta.pages !== undefined && chunks.some((c) => c.page !== undefined);
  const onPage = paged && request.page !== undefined ? chunks.filter((c) => c.page === request.page) : [];
  const page = onPage.length ? request.page : undefined;
  const shown = page !== undefined ? onPage : chunks;
  const cited = findCitedChunk(shown, request.quote);

  const original = meta.url ? safeHref(meta.url) : undefined;
  const details = [
    meta.date,
    page !== undefined && meta.pages !== undefined ? labels.pageOf(page, meta.pages) : undefined,
    !original ? meta.source : undefined,
  ].filter((d): d is string => Boolean(d));
  const metaLine = html`<p class="meta">
    ${details.join(' · ')}${original ? html`${details.length ? ' · ' : ''}<a href="${original}" rel="noopener noreferrer">${labels.original}</a>` : ''}
  </p>`;

  const pager =
    page !== undefined
      ? html`<nav class="pager">
          ${page > 1 ? html`<a href="?page=${page - 1}">${labels.previous}</a>` : ''}<a href="?">${labels.whole}</a
          >${page < (meta.pages ?? page) ? html`<a href="?page=${page + 1}">${labels.next}</a>` : ''}
        </nav>`
      : '';
  const notices = [
    request.page !== undefined && paged && page === undefined ? labels.pageMissing(request.page) : undefined,
    request.quote && !cited ? labels.quoteMissing : undefined,
  ].filter((n): n is string => Boolean(n));

  // A chunk's innermost heading, shown where it changes: the outer ones repeat the title.
  let lastHeading = '';
  const body = shown.map((chunk) => {
    const innermost = chunk.headings?.at(-1) ?? '';
    const heading = innermost && innermost !== lastHeading ? html`<h2>${innermost}</h2>` : '';
    lastHeading = innermost || lastHeading;
    const isCited = chunk === cited;
    return isCited
      ? html`${heading}
          <section class="chunk cited" id="${CITED_FRAGMENT}" aria-label="${labels.cited}">
            <p class="label">${labels.cited}</p>
            ${chunkBody(chunk, true)}
          </section>`
      : html`${heading}
          <div class="chunk">${chunkBody(chunk, false)}</div>`;
  });

  return layout(
    meta.lang,
    `${meta.title} · ${labels.kicker}`,
    html`<p class="kicker">${labels.kicker}</p>
      <h1>${meta.title}</h1>
      ${metaLine}${pager}${notices.map((n) => html`<p class="notice">${n}</p>`)}
      <article>${body}</article>`,
  );
}

/** The friendly 404: the link may be old (the corpus changed) or mistyped. */
export function sourceNotFoundPage(id: string): Html {
  return layout(
    'ko',
    '문서를 찾을 수 없습니다 · Document not found',
    html`<h1>문서를 찾을 수 없습니다 · Document not found</h1>
      <p>이 색인에는 <code>${id}</code> 문서가 없습니다. 링크가 오래되었거나 문서가 코퍼스에서 빠졌을 수 있습니다.</p>
      <p lang="en">
        The index holds no document <code>${id}</code>. The link may be old, or the document left the corpus.
      </p>
      <p><a href="/">← 펀드 도우미 · Fund Assistant</a></p>`,
  );
}

/** An index that keeps no passage texts (the Upstash mode may not) has no source pages to show. */
export function sourcesUnavailablePage(): Html {
  return layout(
    'ko',
    '원문을 볼 수 없습니다 · Sources unavailable',
    html`<h1>원문을 볼 수 없습니다 · Sources unavailable</h1>
      <p>이 배포의 색인은 문서 본문을 보관하지 않아 출처 페이지를 보여 드릴 수 없습니다.</p>
      <p lang="en">This deployment's index keeps no document texts, so it cannot show source pages.</p>
      <p><a href="/">← 펀드 도우미 · Fund Assistant</a></p>`,
  );
}

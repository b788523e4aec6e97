/**
 * One turn of the chat as DOM: a question, or an answer with its marks (refused, cut off,
 * stopped, failed), its sources and its actions. Pure in its input: the view re-renders a
 * turn whenever it changes, so what is shown is always what the turn holds.
 */
import type { Citation } from '../../../types.js';
import { sourcePath } from '../source-path.js';
import type { AssistantTurn, Turn, TurnError } from './conversation.js';
import { h } from './dom.js';
import type { UiText } from './i18n.js';
import { parseMarkdown } from './markdown.js';
import { safeHref } from '../safe-href.js';
import { renderMarkdown, type CitationLookup } from './render-markdown.js';

export interface MessageViewContext {
  text: UiText;
  /** Where `sources/…` links resolve: the worker that answers. */
  apiBase: string;
  onRetry: () => void;
  onCopy: (turn: AssistantTurn) => Promise<boolean>;
}

/**
 * Where a citation leads: the document's own `url` when it has an http(s) one, else the
 * worker's source page at the cited page with the passage highlighted.
 */
export function citationHref(citation: Citation, apiBase: string): string {
  const original = citation.url ? safeHref(citation.url) : undefined;
  if (original) return original;
  return new URL(sourcePath(citation.id, { page: citation.page, snippet: citation.snippet }), apiBase).href;
}

function sourceMeta(citation: Citation, text: UiText): string {
  return [citation.date, citation.page !== undefined ? text.page(citation.page) : undefined]
    .filter(Boolean)
    .join(' · ');
}

function sourcesList(citations: Citation[], context: MessageViewContext): HTMLElement | undefined {
  if (!citations.length) return undefined;
  const { text } = context;
  const items = [...citations]
    .sort((a, b) => a.n - b.n)
    .map((c) => {
      const meta = sourceMeta(c, text);
      return h(
        'li',
        { value: c.n },
        h(
          'a',
          { href: citationHref(c, context.apiBase), target: '_blank', rel: 'noopener noreferrer', title: c.snippet },
          c.title,
        ),
        meta && h('span', { class: 'meta' }, ` · ${meta}`),
      );
    });
  return h(
    'section',
    { class: 'sources', 'aria-label': text.sources },
    h('h3', {}, text.sources),
    h('ol', {}, ...items),
  );
}

function errorHeadline(error: TurnError, text: UiText): string {
  const { errors } = text;
  if (error.kind === 'network') return errors.network;
  if (error.kind === 'stream') return errors.stream;
  switch (error.status) {
    case 401:
      return errors.unauthorized;
    case 403:
      return errors.forbidden;
    case 429:
      return errors.rateLimited(error.retryAfterSeconds);
  }
  return (error.status ?? 500) >= 500 ? errors.server(error.status ?? 500) : errors.badRequest;
}

function errorBlock(error: TurnError, context: MessageViewContext): HTMLElement {
  const retry = h('button', { type: 'button', class: 'retry' }, context.text.retry);
  retry.addEventListener('click', context.onRetry);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, errorHeadline(error, context.text)),
    error.kind !== 'network' && h('p', { class: 'detail' }, error.message),
    retry,
  );
}

/**
 * The buttons under a finished answer. Feedback (issue 16) joins here: thumbs posting
 * `{ id: turn.id, rating }` to `POST /api/feedback` once the `done` event carries an id.
 */
function answerActions(turn: AssistantTurn, context: MessageViewContext): HTMLElement {
  const copy = h('button', { type: 'button', class: 'copy' }, context.text.copy);
  copy.addEventListener('click', async () => {
    copy.textContent = (await context.onCopy(turn)) ? context.text.copied : context.text.copyFailed;
  });
  return h('div', { class: 'actions' }, copy);
}

function answerBody(turn: AssistantTurn, context: MessageViewContext): HTMLElement {
  if (!turn.content && turn.status === 'streaming') {
    return h('div', { class: 'answer' }, h('p', { class: 'thinking' }, context.text.thinking));
  }
  const byNumber = new Map(turn.citations.map((c) => [c.n, c]));
  const lookup: CitationLookup = (n) => {
    const citation = byNumber.get(n);
    return (
      citation && { href: citationHref(citation, context.apiBase), label: context.text.citation(n, citation.title) }
    );
  };
  return h('div', { class: 'answer' }, renderMarkdown(parseMarkdown(turn.content), lookup));
}

function assistantTurn(turn: AssistantTurn, context: MessageViewContext): HTMLElement {
  const { text } = context;
  const classes = ['turn', 'assistant', turn.refused && 'refused', turn.status === 'failed' && 'failed'];
  return h(
    'article',
    { class: classes.filter(Boolean).join(' '), 'aria-busy': turn.status === 'streaming' ? 'true' : undefined },
    h('p', { class: 'who sr-only' }, text.assistant),
    turn.refused && h('p', { class: 'badge' }, text.refused),
    (turn.content || turn.status === 'streaming') && answerBody(turn, context),
    turn.truncated && h('p', { class: 'notice truncated' }, text.truncated),
    turn.status === 'stopped' && h('p', { class: 'notice stopped' }, text.stopped),
    turn.status === 'failed' && turn.error && errorBlock(turn.error, context),
    sourcesList(turn.citations, context),
    (turn.status === 'done' || turn.status === 'stopped') && turn.content && answerActions(turn, context),
  );
}

/** A turn's element; the view replaces it whole when the turn changes. */
export function renderTurn(turn: Turn, context: MessageViewContext): HTMLElement {
  if (turn.role === 'assistant') return assistantTurn(turn, context);
  return h('article', { class: 'turn user' }, h('p', { class: 'who sr-only' }, context.text.you), turn.content);
}

/** What Copy puts on the clipboard: the answer, then its sources with their links. */
export function copyText(turn: AssistantTurn, text: UiText, apiBase: string): string {
  const sources = [...turn.citations]
    .sort((a, b) => a.n - b.n)
    .map((c) => {
      const meta = sourceMeta(c, text);
      return `[${c.n}] ${c.title}${meta ? ` (${meta})` : ''} ${citationHref(c, apiBase)}`;
    });
  return sources.length ? `${turn.content}\n\n${text.sources}\n${sources.join('\n')}` : turn.content;
}

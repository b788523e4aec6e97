/**
 * One turn of the chat as DOM: a question, or an answer with its marks (refused, cut off,
 * stopped, failed), its sources and its actions. Pure in its input: the view re-renders a
 * turn whenever it changes, so what is shown is always what the turn holds.
 */
import type { Citation } from '../../../types.js';
import { sourcePath } from '../source-path.js';
import { MAX_COMMENT_CHARS } from '../../../feedback/feedback-limits.js';
import type { AssistantTurn, Turn, TurnError } from './conversation.js';
import { h, icon } from './dom.js';
import type { Rating } from './feedback-client.js';
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
  /** Sends a rating of an answer with an id, with a 👎's optional comment (issue 16). */
  onRate: (turn: AssistantTurn, rating: Rating, comment?: string) => void;
}

// Material Design's thumb_up and thumb_down (Apache-2.0).
const THUMB_ICONS: Record<Rating, string> = {
  up: 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z',
  down: 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z',
};

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

function thumb(turn: AssistantTurn, rating: Rating, context: MessageViewContext): HTMLButtonElement {
  const { feedback } = turn;
  const button = h(
    'button',
    {
      type: 'button',
      class: `rate ${rating}`,
      'aria-label': context.text.feedback[rating],
      title: context.text.feedback[rating],
      'aria-pressed': String(feedback?.rating === rating && feedback.state !== 'failed'),
      disabled: feedback?.state === 'sending',
    },
    icon(THUMB_ICONS[rating]),
  );
  button.addEventListener('click', () => context.onRate(turn, rating));
  return button;
}

/** After a recorded 👎: an optional comment, sent as the same rating with its text. */
function commentForm(turn: AssistantTurn, context: MessageViewContext): HTMLFormElement {
  const { feedback } = context.text;
  const inputId = `fa-comment-${turn.id}`;
  const input = h('textarea', { id: inputId, rows: 2, maxlength: MAX_COMMENT_CHARS });
  const form = h(
    'form',
    { class: 'comment' },
    h('label', { for: inputId }, feedback.commentLabel),
    input,
    h('button', { type: 'submit' }, feedback.sendComment),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const comment = input.value.trim();
    if (comment) context.onRate(turn, 'down', comment);
  });
  return form;
}

/** What the reader's rating came to: thanks, the comment box after a 👎, or a failure. */
function feedbackStatus(turn: AssistantTurn, context: MessageViewContext): HTMLElement | undefined {
  const { feedback } = turn;
  const { text } = context;
  if (!feedback || feedback.state === 'sending') return undefined;
  if (feedback.state === 'failed')
    return h('p', { class: 'feedback-note failed', role: 'alert' }, text.feedback.failed);
  if (feedback.rating === 'down' && !feedback.commented) return commentForm(turn, context);
  const thanks = feedback.commented ? text.feedback.commentThanks : text.feedback.thanks;
  return h('p', { class: 'feedback-note', role: 'status' }, thanks);
}

/**
 * The buttons under a finished answer: Copy, and thumbs up/down once the answer has an id
 * (issue 16), posting `{ id, rating, comment? }` to `POST /api/feedback`.
 */
function answerActions(turn: AssistantTurn, context: MessageViewContext): HTMLElement[] {
  const copy = h('button', { type: 'button', class: 'copy' }, context.text.copy);
  copy.addEventListener('click', async () => {
    copy.textContent = (await context.onCopy(turn)) ? context.text.copied : context.text.copyFailed;
  });
  if (!turn.id) return [h('div', { class: 'actions' }, copy)];
  const status = feedbackStatus(turn, context);
  return [
    h('div', { class: 'actions' }, copy, thumb(turn, 'up', context), thumb(turn, 'down', context)),
    ...(status ? [status] : []),
  ];
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
    ...((turn.status === 'done' || turn.status === 'stopped') && turn.content ? answerActions(turn, context) : []),
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

/**
 * The chat itself, the same in the bubble and on the full page: a header, the turns, and
 * the question box. It asks `/api/chat`, streams the answer into its turn, and keeps the
 * conversation in the tab's sessionStorage.
 */
import { streamChat, ChatRequestError } from './chat-client.js';
import { historyFor, type AssistantTurn, type ConversationStore, type Turn } from './conversation.js';
import { createComposer } from './composer.js';
import { h, icon } from './dom.js';
import type { UiText } from './i18n.js';
import { copyText, renderTurn, type MessageViewContext } from './message-view.js';
import { sendFeedback, type Rating } from './feedback-client.js';

const CLOSE_ICON = 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';
const NEW_CHAT_ICON = 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z';

export interface ChatViewOptions {
  text: UiText;
  title: string;
  apiBase: string;
  store: ConversationStore;
  /** The bubble's close button; absent on the full page. */
  onClose?: () => void;
}

export interface ChatView {
  element: HTMLElement;
  focusInput(): void;
}

/**
 * Puts text on the clipboard. An intranet page served over plain http has no
 * `navigator.clipboard` (secure contexts only): there the selection of a scratch textarea
 * is copied the old way.
 */
async function copyToClipboard(value: string, within: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const scratch = h('textarea', { class: 'sr-only', readonly: true, 'aria-hidden': 'true' });
    scratch.value = value;
    within.appendChild(scratch);
    scratch.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      scratch.remove();
    }
  }
}

/** Within this distance of the bottom (px) the log follows the streaming answer; further up, the reader is reading. */
const FOLLOW_SLACK = 48;

export function createChatView(options: ChatViewOptions): ChatView {
  const { text, store, apiBase } = options;
  const endpoint = new URL('api/chat', apiBase).href;
  const feedbackEndpoint = new URL('api/feedback', apiBase).href;
  let turns: Turn[] = store.load();
  let running: AbortController | undefined;

  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': options.title, tabindex: 0 });
  const intro = h('p', { class: 'intro' }, text.intro);
  const composer = createComposer({ text, idPrefix: 'fa-', onSend: (q) => void ask(q), onStop: stop });
  const newChat = h('button', { type: 'button', class: 'new-chat' }, icon(NEW_CHAT_ICON), text.newChat);
  newChat.addEventListener('click', startOver);
  const close =
    options.onClose &&
    h('button', { type: 'button', class: 'icon close', 'aria-label': text.closeChat }, icon(CLOSE_ICON));
  if (close && options.onClose) close.addEventListener('click', options.onClose);

  const element = h(
    'section',
    { class: 'chat', 'aria-labelledby': 'fa-title', lang: text.lang },
    h('header', {}, h('h2', { id: 'fa-title' }, options.title), newChat, close),
    log,
    composer.form,
    composer.hint,
  );

  const context: MessageViewContext = {
    text,
    apiBase,
    onRetry: retry,
    onCopy: (turn) => copyToClipboard(copyText(turn, text, apiBase), element),
    onRate: (turn, rating, comment) => void rate(turn, rating, comment),
  };
  const elements = new Map<Turn, HTMLElement>();

  function following(): boolean {
    return log.scrollHeight - log.scrollTop - log.clientHeight < FOLLOW_SLACK;
  }

  function renderAll(): void {
    elements.clear();
    log.replaceChildren(intro, ...turns.map((turn) => rendered(turn)));
    log.scrollTop = log.scrollHeight;
  }

  function rendered(turn: Turn): HTMLElement {
    const element = renderTurn(turn, context);
    elements.set(turn, element);
    return element;
  }

  /** Re-renders one turn in place (a streamed token, a finished answer). */
  function update(turn: Turn): void {
    const follow = following();
    const old = elements.get(turn);
    const fresh = rendered(turn);
    if (old) old.replaceWith(fresh);
    else log.appendChild(fresh);
    if (follow) log.scrollTop = log.scrollHeight;
  }

  // Tokens arrive faster than frames: render at most once a frame.
  let pending: Turn | undefined;
  function scheduleUpdate(turn: Turn): void {
    if (pending) return;
    pending = turn;
    requestAnimationFrame(() => {
      pending = undefined;
      update(turn);
    });
  }

  async function ask(question: string): Promise<void> {
    const messages = historyFor(turns, question);
    const asked: Turn = { role: 'user', content: question };
    const answer: AssistantTurn = { role: 'assistant', content: '', citations: [], status: 'streaming' };
    turns.push(asked, answer);
    update(asked);
    update(answer);
    composer.clear();
    await run(answer, messages);
  }

  async function run(answer: AssistantTurn, messages: ReturnType<typeof historyFor>): Promise<void> {
    const controller = new AbortController();
    running = controller;
    composer.setStreaming(true);
    try {
      const result = await streamChat(endpoint, messages, {
        signal: controller.signal,
        onToken: (token) => {
          answer.content += token;
          scheduleUpdate(answer);
        },
        onCitations: (citations) => {
          answer.citations = citations;
          scheduleUpdate(answer);
        },
      });
      Object.assign(answer, {
        content: result.answer,
        citations: result.citations,
        refused: result.refused,
        truncated: result.truncated === true,
        status: 'done',
        ...(result.id ? { id: result.id } : {}),
      });
    } catch (error) {
      if (controller.signal.aborted) answer.status = 'stopped';
      else {
        const failure = error instanceof ChatRequestError ? error : new ChatRequestError('network', String(error));
        answer.status = 'failed';
        answer.error = {
          kind: failure.kind,
          message: failure.message,
          ...(failure.status !== undefined ? { status: failure.status } : {}),
          ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
        };
      }
    } finally {
      if (running === controller) {
        running = undefined;
        composer.setStreaming(false);
      }
    }
    if (!turns.includes(answer)) return; // "new chat" while it streamed
    update(answer);
    store.save(turns);
  }

  /**
   * Records a rating (and a 👎's comment). Another click replaces the earlier rating, as the
   * API does; the turn shows each step and keeps the result with the conversation.
   */
  async function rate(turn: AssistantTurn, rating: Rating, comment?: string): Promise<void> {
    if (!turn.id || turn.feedback?.state === 'sending') return;
    const commented = Boolean(comment);
    turn.feedback = { rating, state: 'sending' };
    update(turn);
    try {
      await sendFeedback(feedbackEndpoint, { id: turn.id, rating, ...(comment ? { comment } : {}) });
      turn.feedback = { rating, state: 'sent', ...(commented ? { commented } : {}) };
    } catch {
      turn.feedback = { rating, state: 'failed' };
    }
    if (!turns.includes(turn)) return; // "new chat" meanwhile
    update(turn);
    store.save(turns);
    // The turn was rendered anew: focus goes where the reader continues, not to the page.
    const fresh = elements.get(turn);
    const next = fresh?.querySelector<HTMLElement>('form.comment textarea') ?? fresh?.querySelector(`.rate.${rating}`);
    next?.focus();
  }

  function stop(): void {
    running?.abort();
  }

  /** Asks the failed question again, in place of the failed answer. */
  function retry(): void {
    const failed = turns.findLastIndex((t) => t.role === 'assistant' && t.status === 'failed');
    const asked = turns[failed - 1];
    if (failed < 0 || asked?.role !== 'user' || running) return;
    const answer: AssistantTurn = { role: 'assistant', content: '', citations: [], status: 'streaming' };
    const messages = historyFor(turns.slice(0, failed - 1), asked.content);
    const old = elements.get(turns[failed]!);
    turns[failed] = answer;
    old?.replaceWith(rendered(answer));
    void run(answer, messages);
  }

  function startOver(): void {
    stop();
    turns = [];
    store.clear();
    renderAll();
    composer.clear();
    composer.input.focus();
  }

  renderAll();
  return { element, focusInput: () => composer.input.focus() };
}

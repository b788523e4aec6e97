/**
 * A conversation as the UI keeps it: the turns shown, what is sent as history, and the copy
 * kept per tab in sessionStorage (issue 11), so a reload or a page change within the tab
 * keeps the chat and a new tab starts afresh.
 */
import type { ChatMessage, Citation } from '../../../types.js';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES } from '../chat-limits.js';
import type { ChatFailureKind } from './chat-client.js';
import type { Rating } from './feedback-client.js';

export interface UserTurn {
  role: 'user';
  content: string;
}

export interface TurnError {
  /** The API's message, or the network's. */
  message: string;
  status?: number;
  retryAfterSeconds?: number;
  kind: ChatFailureKind;
}

/** The reader's rating of an answer (issue 16) and how far it got. */
export interface TurnFeedback {
  rating: Rating;
  /** `sent` once the API recorded it; `failed` leaves the buttons live to try again. */
  state: 'sending' | 'sent' | 'failed';
  /** A 👎's optional comment was sent. */
  commented?: boolean;
}

export interface AssistantTurn {
  role: 'assistant';
  /** The answer's Markdown, as far as it has arrived. */
  content: string;
  citations: Citation[];
  status: 'streaming' | 'done' | 'stopped' | 'failed';
  /** The `done` event's `id`: what feedback (issue 16) refers to. */
  id?: string;
  feedback?: TurnFeedback;
  refused?: boolean;
  truncated?: boolean;
  error?: TurnError;
}

export type Turn = UserTurn | AssistantTurn;

/**
 * Earlier messages sent with a question. Follow-ups need the last exchange or two; the API
 * takes up to MAX_MESSAGES, and a long chat should not grow every request without bound.
 */
export const HISTORY_MESSAGES = Math.min(20, MAX_MESSAGES - 1);

/**
 * The messages to send for `question`: the completed exchanges before it (a question whose
 * answer failed or was stopped is left out, so the model never sees a question twice or
 * half an answer), the most recent first to go when there are too many, then the question.
 */
export function historyFor(turns: readonly Turn[], question: string): ChatMessage[] {
  const history: ChatMessage[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    const asked = turns[i]!;
    const answered = turns[i + 1]!;
    if (asked.role === 'user' && answered.role === 'assistant' && answered.status === 'done') {
      history.push({ role: 'user', content: asked.content.slice(0, MAX_MESSAGE_CHARS) });
      history.push({ role: 'assistant', content: answered.content.slice(0, MAX_MESSAGE_CHARS) });
    }
  }
  return [...history.slice(-HISTORY_MESSAGES), { role: 'user', content: question }];
}

/** A stored rating, kept only when it was recorded: one on its way when the tab closed may not have been. */
function readFeedback(value: unknown): TurnFeedback | undefined {
  const f = value as { [K in keyof TurnFeedback]?: unknown } | null;
  if ((f?.rating !== 'up' && f?.rating !== 'down') || f.state !== 'sent') return undefined;
  return { rating: f.rating, state: 'sent', ...(f.commented === true ? { commented: true } : {}) };
}

function isCitation(value: unknown): value is Citation {
  const c = value as Citation | null;
  return typeof c?.n === 'number' && typeof c.id === 'string' && typeof c.title === 'string';
}

/** A stored turn as the view needs it, or undefined when it is not one (an older or foreign format). */
function readTurn(value: unknown): Turn | undefined {
  const t = value as { [K in keyof AssistantTurn]?: unknown } | null;
  if (typeof t?.content !== 'string') return undefined;
  if (t.role === 'user') return { role: 'user', content: t.content };
  if (t.role !== 'assistant' || (t.status !== 'done' && t.status !== 'stopped')) return undefined;
  const feedback = typeof t.id === 'string' ? readFeedback(t.feedback) : undefined;
  return {
    role: 'assistant',
    content: t.content,
    citations: Array.isArray(t.citations) ? t.citations.filter(isCitation) : [],
    status: t.status,
    ...(typeof t.id === 'string' ? { id: t.id } : {}),
    ...(feedback ? { feedback } : {}),
    ...(t.refused === true ? { refused: true } : {}),
    ...(t.truncated === true ? { truncated: true } : {}),
  };
}

/** The conversation of this tab, in sessionStorage under a key per assistant (its API base). */
export class ConversationStore {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
    private readonly key: string,
  ) {}

  load(): Turn[] {
    try {
      const stored: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]');
      return Array.isArray(stored) ? stored.map(readTurn).filter((t): t is Turn => t !== undefined) : [];
    } catch {
      return [];
    }
  }

  /** Keeps the questions and the finished answers; a failed or unfinished one is not worth restoring. */
  save(turns: readonly Turn[]): void {
    const kept = turns.filter((t) => t.role === 'user' || t.status === 'done' || t.status === 'stopped');
    try {
      this.storage?.setItem(this.key, JSON.stringify(kept));
    } catch {
      // Storage full or blocked (private mode, a host page's policy): the chat still works, unsaved.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // as in save()
    }
  }
}

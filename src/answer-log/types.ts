/**
 * The answer log (issue 16): what was asked, whether the corpus could answer, and what staff
 * thought of the answers. The port every store implements (D1 in the worker: d1-answer-log.ts);
 * without a store, answers are simply not logged (services.ts).
 */
import type { Lang } from '../types.js';

/**
 * Where a question came from: `web` the chat page or widget (a browser call, with an
 * `Origin`), `api` a program calling `/api/chat`, `openai` `/v1/chat/completions`, `slack`
 * the bot.
 */
export type AnswerChannel = 'web' | 'api' | 'openai' | 'slack';

export type Rating = 'up' | 'down';

/** One answer as the log keeps it: no answer text, no IP address, no Slack user id. */
export interface LoggedAnswer {
  id: string;
  /** Milliseconds since the epoch. */
  askedAt: number;
  channel: AnswerChannel;
  /** The last user message, as asked. */
  question: string;
  language: Lang;
  refused: boolean;
  /** The cited document ids, in citation order, without repeats. */
  documents: string[];
  latencyMs: number;
  modelMode: 'offline' | 'openai-compatible';
  /** LLM_MODEL when a hosted model answered. */
  model?: string;
  /** Slack: a keyed hash of the asker's user id (channels/slack/user-hash.ts). */
  asker?: string;
}

export interface FeedbackEntry {
  answerId: string;
  rating: Rating;
  comment?: string;
  /** A keyed hash of a Slack user; '' for the web and the API, where an answer id reaches one client. */
  rater: string;
  ratedAt: number;
}

export type QuestionFilter = 'refused' | 'down' | 'all';

export interface QuestionQuery {
  filter: QuestionFilter;
  /** Only answers from this moment on (ms since the epoch). */
  sinceMs?: number;
  limit: number;
}

export interface FeedbackComment {
  rating: Rating;
  comment: string;
  /** ISO 8601. */
  at: string;
}

/**
 * One question of the admin report (DESIGN.md: `GET /admin/api/questions`): the answers to
 * every spelling of it (question-key.ts) taken together. `refused`, `up` and `down` are
 * counts; `comments` (beyond the contract) are the latest feedback comments.
 */
export interface QuestionItem {
  /** The latest spelling. */
  question: string;
  language: Lang;
  count: number;
  refused: number;
  up: number;
  down: number;
  /** ISO 8601. */
  last_asked: string;
  documents: string[];
  comments: FeedbackComment[];
}

/** Questions asked on one day, for the admin page's chart. */
export interface DayCount {
  /** YYYY-MM-DD in the asker's time zone offset given to the query. */
  day: string;
  questions: number;
  refused: number;
}

export interface DailyQuery {
  sinceMs?: number;
  /** Minutes east of UTC that a day starts in (Korea: 540). */
  utcOffsetMinutes: number;
}

export interface PruneResult {
  answers: number;
  feedback: number;
}

export interface AnswerLog {
  record(answer: LoggedAnswer): Promise<void>;
  /**
   * Records a rating, replacing the same rater's earlier one on that answer.
   * @returns the rated answer's language, or undefined when no answer has that id.
   */
  rate(feedback: FeedbackEntry): Promise<{ language: Lang } | undefined>;
  questions(query: QuestionQuery): Promise<QuestionItem[]>;
  daily(query: DailyQuery): Promise<DayCount[]>;
  /** Deletes the answers asked before `cutoffMs`, and their feedback. */
  prune(cutoffMs: number): Promise<PruneResult>;
}

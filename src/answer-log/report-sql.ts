/**
 * The report's SQL, shared by the worker's D1 store and `npm run gaps` (which runs it on
 * the local database through `wrangler d1 execute`), so the page and the terminal always
 * agree. Parameters are numbered (`?1`): D1 binds them, the CLI inlines them as numbers.
 */
import type { Lang } from '../types.js';
import type { DailyQuery, DayCount, FeedbackComment, QuestionFilter, QuestionItem, QuestionQuery } from './types.js';

/** Comments shown per question: the latest few say what is wrong; the rest repeat it. */
export const COMMENTS_PER_QUESTION = 5;

const FILTERS: Record<QuestionFilter, string> = {
  refused: 'HAVING sum(refused) > 0',
  down: 'HAVING sum(downs) > 0',
  all: '',
};

export interface Statement {
  sql: string;
  params: number[];
}

/**
 * Questions grouped by `question_key`, most asked first. `question` and `language` are
 * the latest answer's: SQLite takes a bare column from the row `max()` picked
 * (https://sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query).
 */
export function questionsStatement(query: QuestionQuery): Statement {
  const sql = `WITH rated AS (
  SELECT a.id, a.question_key, a.question, a.language, a.asked_at, a.refused, a.documents,
    (SELECT count(*) FROM feedback f WHERE f.answer_id = a.id AND f.rating = 'up') AS ups,
    (SELECT count(*) FROM feedback f WHERE f.answer_id = a.id AND f.rating = 'down') AS downs
  FROM answers a
  WHERE a.asked_at >= ?1
)
SELECT question, language, max(asked_at) AS last_asked, count(*) AS count,
  sum(refused) AS refused, sum(ups) AS up, sum(downs) AS down,
  (SELECT json_group_array(DISTINCT d.value) FROM rated r, json_each(r.documents) d
    WHERE r.question_key = rated.question_key) AS documents,
  (SELECT json_group_array(json(c.entry)) FROM (
    SELECT json_object('rating', f.rating, 'comment', f.comment, 'at', f.rated_at) AS entry
    FROM feedback f JOIN rated r ON r.id = f.answer_id
    WHERE r.question_key = rated.question_key AND f.comment IS NOT NULL
    ORDER BY f.rated_at DESC LIMIT ${COMMENTS_PER_QUESTION}) c) AS comments
FROM rated
GROUP BY question_key
${FILTERS[query.filter]}
ORDER BY count DESC, last_asked DESC
LIMIT ?2`;
  return { sql, params: [query.sinceMs ?? 0, query.limit] };
}

/** Answers per day (days start at the given UTC offset) and how many were refused. */
export function dailyStatement(query: DailyQuery): Statement {
  const sql = `SELECT date(asked_at / 1000 + ?2 * 60, 'unixepoch') AS day, count(*) AS questions,
  sum(refused) AS refused
FROM answers
WHERE asked_at >= ?1
GROUP BY day
ORDER BY day`;
  return { sql, params: [query.sinceMs ?? 0, query.utcOffsetMinutes] };
}

/** A row of `questionsStatement` as D1 and `wrangler d1 execute --json` return it. */
export interface QuestionRow {
  question: string;
  language: string;
  last_asked: number;
  count: number;
  refused: number;
  up: number;
  down: number;
  documents: string | null;
  comments: string | null;
}

interface CommentJson {
  rating: FeedbackComment['rating'];
  comment: string;
  at: number;
}

export function toQuestionItem(row: QuestionRow): QuestionItem {
  const comments = JSON.parse(row.comments ?? '[]') as CommentJson[];
  return {
    question: row.question,
    language: row.language as Lang,
    count: row.count,
    refused: row.refused,
    up: row.up,
    down: row.down,
    last_asked: new Date(row.last_asked).toISOString(),
    documents: (JSON.parse(row.documents ?? '[]') as string[]).sort(),
    comments: comments.map((c) => ({ rating: c.rating, comment: c.comment, at: new Date(c.at).toISOString() })),
  };
}

export function toDayCount(row: { day: string; questions: number; refused: number }): DayCount {
  return { day: row.day, questions: row.questions, refused: row.refused };
}

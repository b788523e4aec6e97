/**
 * The answer log in D1 (`answers` and `feedback`, migrations/0002_answer_log.sql), the
 * database the Slack event ledger uses: SQL for the report's grouping, and one store every
 * isolate shares.
 */
import { UpstreamError } from '../errors.js';
import type { Lang } from '../types.js';
import { questionKey } from './question-key.js';
import {
  dailyStatement,
  questionsStatement,
  toDayCount,
  toQuestionItem,
  type QuestionRow,
  type Statement,
} from './report-sql.js';
import type {
  AnswerLog,
  DailyQuery,
  DayCount,
  FeedbackEntry,
  LoggedAnswer,
  PruneResult,
  QuestionItem,
  QuestionQuery,
} from './types.js';

/** What failed, without the database's own words: they can quote the statement and its values. */
function storeFailure(what: string, error: unknown): UpstreamError {
  return new UpstreamError(`the answer log (D1) failed to ${what}`, 503, 'answer_log_unavailable', { cause: error });
}

export class D1AnswerLog implements AnswerLog {
  constructor(private readonly db: D1Database) {}

  private prepared({ sql, params }: Statement): D1PreparedStatement {
    return this.db.prepare(sql).bind(...params);
  }

  async record(answer: LoggedAnswer): Promise<void> {
    await this.db
      .prepare(
        `INSERT INTO answers (id, asked_at, channel, question, question_key, language, refused, documents,
           latency_ms, model_mode, model, asker)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        answer.id,
        answer.askedAt,
        answer.channel,
        answer.question,
        questionKey(answer.question),
        answer.language,
        answer.refused ? 1 : 0,
        JSON.stringify(answer.documents),
        Math.round(answer.latencyMs),
        answer.modelMode,
        answer.model ?? null,
        answer.asker ?? null,
      )
      .run();
  }

  async rate(feedback: FeedbackEntry): Promise<{ language: Lang } | undefined> {
    try {
      // One batch, so the answer read and the rating written see the same database.
      const [answer] = await this.db.batch<{ language: Lang }>([
        this.db.prepare('SELECT language FROM answers WHERE id = ?').bind(feedback.answerId),
        // `WHERE` before `ON CONFLICT` keeps SQLite from reading the upsert as a join
        // (https://sqlite.org/lang_upsert.html, "Parsing Ambiguity").
        this.db
          .prepare(
            `INSERT INTO feedback (answer_id, rater, rating, comment, rated_at)
             SELECT id, ?, ?, ?, ? FROM answers WHERE id = ?
             ON CONFLICT (answer_id, rater) DO UPDATE SET
               rating = excluded.rating, comment = excluded.comment, rated_at = excluded.rated_at`,
          )
          .bind(feedback.rater, feedback.rating, feedback.comment ?? null, feedback.ratedAt, feedback.answerId),
      ]);
      const row = answer?.results[0];
      return row ? { language: row.language } : undefined;
    } catch (error) {
      throw storeFailure('record the rating', error);
    }
  }

  async questions(query: QuestionQuery): Promise<QuestionItem[]> {
    try {
      const { results } = await this.prepared(questionsStatement(query)).all<QuestionRow>();
      return results.map(toQuestionItem);
    } catch (error) {
      throw storeFailure('read the questions', error);
    }
  }

  async daily(query: DailyQuery): Promise<DayCount[]> {
    try {
      const { results } = await this.prepared(dailyStatement(query)).all<{
        day: string;
        questions: number;
        refused: number;
      }>();
      return results.map(toDayCount);
    } catch (error) {
      throw storeFailure('count the questions per day', error);
    }
  }

  async prune(cutoffMs: number): Promise<PruneResult> {
    const [feedback, answers] = await this.db.batch([
      this.db
        .prepare('DELETE FROM feedback WHERE answer_id IN (SELECT id FROM answers WHERE asked_at < ?)')
        .bind(cutoffMs),
      this.db.prepare('DELETE FROM answers WHERE asked_at < ?').bind(cutoffMs),
    ]);
    return { answers: answers!.meta.changes, feedback: feedback!.meta.changes };
  }
}

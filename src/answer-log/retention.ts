/**
 * The daily cron (wrangler.toml `[triggers]`): deletes answer-log rows older than
 * LOG_RETENTION_DAYS, so D1 keeps only the window the report reads. (The Slack event
 * ledger trims itself as events arrive: event-ledger.ts.)
 */
import type { AnswerLog } from './types.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the answers asked more than `retentionDays` before `now`, with their feedback.
 * A failure is thrown, so the cron run shows as failed (Cloudflare's Cron Events) and the
 * next day's run deletes what this one could not.
 *
 * @example await deleteExpiredAnswers(answerLog, 90, controller.scheduledTime)
 */
export async function deleteExpiredAnswers(
  answerLog: Pick<AnswerLog, 'prune'>,
  retentionDays: number,
  now: number,
): Promise<void> {
  try {
    const { answers, feedback } = await answerLog.prune(now - retentionDays * DAY_MS);
    console.log(`retention: deleted ${answers} answers and ${feedback} ratings older than ${retentionDays} days`);
  } catch (error) {
    const e = error as Error;
    console.error(`retention: the answer log could not be trimmed: ${e?.name}: ${e?.message}`);
    throw error;
  }
}

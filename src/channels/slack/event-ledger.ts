/**
 * Which Slack events were already taken, so that each is answered once. Slack retries an
 * event it thinks went unanswered (up to three times, with `X-Slack-Retry-Num`:
 * https://api.slack.com/apis/events-api#retries), and a retry may reach another isolate or
 * a restarted worker: the record must outlive both, so it lives in D1 (docs/slack.md says
 * why D1 and not KV or a Durable Object).
 */
import { UpstreamError } from '../../errors.js';

/** Slack retries for about five minutes; a day of rows covers that with room for clock trouble. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface SlackEventLedger {
  /** True for the first delivery of `eventId`, false for every later one. */
  claim(eventId: string): Promise<boolean>;
}

/**
 * The ledger in D1's `slack_events` (migrations/0001_slack_events.sql). The claim is one
 * `INSERT … ON CONFLICT DO NOTHING`: of concurrent deliveries exactly one changes a row. The
 * same batch deletes rows past `EVENT_RETENTION_MS`, so the table stays a day long.
 */
export class D1SlackEventLedger implements SlackEventLedger {
  constructor(
    private readonly db: D1Database,
    private readonly retentionMs = EVENT_RETENTION_MS,
  ) {}

  async claim(eventId: string): Promise<boolean> {
    const now = Date.now();
    try {
      const [, inserted] = await this.db.batch([
        this.db.prepare('DELETE FROM slack_events WHERE received_at < ?').bind(now - this.retentionMs),
        this.db
          .prepare('INSERT INTO slack_events (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING')
          .bind(eventId, now),
      ]);
      return inserted!.meta.changes === 1;
    } catch (error) {
      // Answered with a 503, Slack delivers the event again later: better than losing it.
      throw new UpstreamError('the Slack event store (D1) failed', 503, 'upstream_unavailable', { cause: error });
    }
  }
}

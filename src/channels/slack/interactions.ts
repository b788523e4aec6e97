/**
 * What the bot does with feedback from Slack (issue 16): a click on 👍 or 👎 under an answer
 * is recorded for the clicking user (a keyed hash, user-hash.ts) and thanked privately; a 👎
 * also opens a modal asking what was wrong, whose submission adds the comment.
 *
 * Clicks are acknowledged at once and handled under `waitUntil` (routes.ts). A modal's
 * submission is handled before answering, since Slack's reply to it (close the modal, or
 * show an error in it) is the response body (https://api.slack.com/surfaces/modals#interactions).
 */
import { AppError } from '../../errors.js';
import type { AnswerLog } from '../../answer-log/types.js';
import { recordFeedback } from '../../feedback/record-feedback.js';
import type { Interaction } from './feedback.js';
import {
  COMMENT_BLOCK_ID,
  UNKNOWN_ANSWER_MESSAGE,
  UNKNOWN_ANSWER_TEXT,
  commentModal,
  feedbackFailedMessage,
  thanksMessage,
} from './feedback.js';
import type { SlackMessage } from './messages.js';
import type { SlackApiClient } from './slack-api.js';
import type { UserHasher } from './user-hash.js';

export interface SlackFeedbackOptions {
  slack: SlackApiClient;
  log: AnswerLog;
  hashUser: UserHasher;
}

type Rate = Extract<Interaction, { kind: 'rate' }>;
type Comment = Extract<Interaction, { kind: 'comment' }>;

/** Slack's reply to a modal submission that keeps the modal open with an error under a field. */
export interface ModalErrors {
  response_action: 'errors';
  errors: Record<string, string>;
}

function isUnknownAnswer(error: unknown): boolean {
  return error instanceof AppError && error.status === 404;
}

function describe(error: unknown): string {
  return error instanceof AppError ? error.message : `${(error as Error)?.name ?? 'error'} (unexpected)`;
}

export class SlackFeedback {
  constructor(private readonly options: SlackFeedbackOptions) {}

  /** A note only the clicking user sees, under the message clicked (https://api.slack.com/interactivity/handling#message_responses). */
  private async note(responseUrl: string | undefined, message: SlackMessage): Promise<void> {
    if (!responseUrl) return;
    await this.options.slack
      .respond(responseUrl, { response_type: 'ephemeral', replace_original: false, ...message })
      .catch((error) => console.warn(`slack: feedback note not posted: ${describe(error)}`));
  }

  /**
   * Records a click, then opens the comment modal for a 👎 (its `trigger_id` lasts three
   * seconds, so this runs right after the acknowledgement) or thanks the user for a 👍.
   * Never rejects: what fails is a log line and, where it can be, a note to the user.
   */
  async rate(click: Rate): Promise<void> {
    const { answerId, rating } = click;
    let language;
    try {
      const rater = await this.options.hashUser(click.userId);
      ({ language } = await recordFeedback(this.options.log, { answerId, rating, rater, ratedAt: Date.now() }));
    } catch (error) {
      console.warn(`slack: rating of answer ${answerId} not recorded: ${describe(error)}`);
      await this.note(click.responseUrl, isUnknownAnswer(error) ? UNKNOWN_ANSWER_MESSAGE : feedbackFailedMessage);
      return;
    }
    if (rating === 'down' && click.triggerId) {
      try {
        await this.options.slack.call('views.open', {
          trigger_id: click.triggerId,
          view: commentModal(answerId, language),
        });
        return;
      } catch (error) {
        // An expired trigger (a slow click path) loses only the comment: the 👎 counts.
        console.warn(`slack: comment modal for answer ${answerId} not opened: ${describe(error)}`);
      }
    }
    await this.note(click.responseUrl, thanksMessage(rating, language));
  }

  /**
   * Adds the modal's comment to the user's 👎. Resolves to nothing (Slack closes the modal)
   * or to errors shown in it when the answer is gone from the log.
   *
   * @throws UpstreamError when the log cannot be written (a 503: Slack tells the user it failed).
   */
  async comment(submission: Comment): Promise<ModalErrors | undefined> {
    const { answerId, comment } = submission;
    if (!comment) return undefined; // The rating was recorded on the click; an empty box adds nothing.
    const rater = await this.options.hashUser(submission.userId);
    try {
      await recordFeedback(this.options.log, { answerId, rating: 'down', comment, rater, ratedAt: Date.now() });
    } catch (error) {
      if (!isUnknownAnswer(error)) throw error;
      return { response_action: 'errors', errors: { [COMMENT_BLOCK_ID]: UNKNOWN_ANSWER_TEXT } };
    }
    return undefined;
  }
}

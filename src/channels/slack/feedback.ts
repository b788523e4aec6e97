/**
 * Feedback on a Slack answer (issue 16): thumbs up/down buttons under the answer
 * (https://api.slack.com/reference/block-kit/block-elements#button), and, after a thumbs
 * down, a modal asking what was wrong (https://api.slack.com/surfaces/modals). The clicks
 * and the modal's submission arrive at `/slack/interactions`, signed like events.
 */
import * as z from 'zod';
import { HttpError } from '../../errors.js';
import type { Lang } from '../../types.js';
import type { Rating } from '../../answer-log/types.js';
import { isAnswerId } from '../../feedback/feedback-schema.js';
import { MAX_COMMENT_CHARS } from '../../feedback/feedback-limits.js';
import type { SlackBlock, SlackMessage } from './messages.js';

export const FEEDBACK_BLOCK_ID = 'feedback';
const ACTION_IDS: Record<Rating, string> = { up: 'feedback_up', down: 'feedback_down' };
export const COMMENT_CALLBACK_ID = 'feedback_comment';
export const COMMENT_BLOCK_ID = 'comment';
const COMMENT_ACTION_ID = 'comment';

const LABELS: Record<Lang, Record<Rating, string>> = {
  ko: { up: '👍 도움이 됐어요', down: '👎 틀렸어요' },
  en: { up: '👍 Helpful', down: '👎 Wrong' },
};

/** The actions block under an answer: each button's value is the answer's id. */
export function feedbackButtons(answerId: string, lang: Lang): SlackBlock {
  const button = (rating: Rating) => ({
    type: 'button',
    action_id: ACTION_IDS[rating],
    text: { type: 'plain_text', text: LABELS[lang][rating], emoji: true },
    value: answerId,
  });
  return { type: 'actions', block_id: FEEDBACK_BLOCK_ID, elements: [button('up'), button('down')] };
}

const THANKS: Record<Lang, Record<Rating, string>> = {
  ko: {
    up: '👍 평가가 기록되었습니다. 감사합니다.',
    down: '👎 평가가 기록되었습니다. 감사합니다.',
  },
  en: { up: '👍 Thanks, your rating was recorded.', down: '👎 Thanks, your rating was recorded.' },
};

/** The private note that says a rating counted. */
export function thanksMessage(rating: Rating, lang: Lang): SlackMessage {
  return { text: THANKS[lang][rating] };
}

/** When the answer is no longer in the log (past LOG_RETENTION_DAYS, or never written). */
export const UNKNOWN_ANSWER_TEXT =
  '이 답변을 찾을 수 없어 평가를 기록하지 못했습니다. / That answer is no longer on record, so the rating was not kept.';
export const UNKNOWN_ANSWER_MESSAGE: SlackMessage = { text: UNKNOWN_ANSWER_TEXT };

/** When the log could not be written (D1 down): say so rather than thank for nothing. */
export const feedbackFailedMessage: SlackMessage = {
  text: '지금은 평가를 기록할 수 없습니다. 잠시 후 다시 눌러 주세요. / The rating could not be saved just now; please click again in a moment.',
};

const MODAL_TEXT: Record<Lang, { title: string; intro: string; label: string; submit: string; close: string }> = {
  ko: {
    title: '의견 보내기',
    intro: '👎 평가가 기록되었습니다. 무엇이 틀렸는지 알려 주시면 자료를 고치는 데 쓰겠습니다. (선택)',
    label: '무엇이 틀렸나요?',
    submit: '보내기',
    close: '닫기',
  },
  en: {
    title: 'Feedback',
    intro: 'Your 👎 was recorded. What was wrong? It helps whoever keeps the documents fix them. (Optional)',
    label: 'What was wrong?',
    submit: 'Send',
    close: 'Close',
  },
};

/** The modal a thumbs down opens: one optional comment, the answer's id kept in `private_metadata`. */
export function commentModal(answerId: string, lang: Lang) {
  const text = MODAL_TEXT[lang];
  const plain = (t: string) => ({ type: 'plain_text', text: t });
  return {
    type: 'modal',
    callback_id: COMMENT_CALLBACK_ID,
    private_metadata: answerId,
    title: plain(text.title),
    submit: plain(text.submit),
    close: plain(text.close),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: text.intro } },
      {
        type: 'input',
        block_id: COMMENT_BLOCK_ID,
        optional: true,
        label: plain(text.label),
        element: {
          type: 'plain_text_input',
          action_id: COMMENT_ACTION_ID,
          multiline: true,
          max_length: MAX_COMMENT_CHARS,
        },
      },
    ],
  };
}

const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))),
    }),
  }),
});

export type Interaction =
  | { kind: 'rate'; answerId: string; rating: Rating; userId: string; responseUrl?: string; triggerId?: string }
  | { kind: 'comment'; answerId: string; comment: string; userId: string }
  | { kind: 'other' };

function parsed<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new HttpError(400, 'invalid_request', `payload.${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

/**
 * What an interaction payload (the `payload` form field, https://api.slack.com/interactivity/handling#payloads)
 * asks of the bot: a rating, a comment from the modal, or nothing (any other action or type).
 *
 * @throws HttpError 400 when the payload is not JSON or a feedback payload lacks a field.
 */
export function readInteraction(form: string): Interaction {
  let json: unknown;
  try {
    json = JSON.parse(new URLSearchParams(form).get('payload') ?? '');
  } catch {
    throw new HttpError(400, 'invalid_request', 'payload: expected the JSON of an interaction');
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') throw new HttpError(400, 'invalid_request', 'payload.type: expected a string');

  // Only our own actions and modal are read strictly: anything else is acknowledged as it is.
  const loose = json as { actions?: { action_id?: unknown }[]; view?: { callback_id?: unknown } };
  if (type === 'block_actions') {
    const actionId = Array.isArray(loose.actions) ? loose.actions[0]?.action_id : undefined;
    const rating = (Object.keys(ACTION_IDS) as Rating[]).find((r) => ACTION_IDS[r] === actionId);
    if (!rating) return { kind: 'other' };
    const payload = parsed(blockActionsSchema, json);
    const action = payload.actions[0]!;
    if (!action.value || !isAnswerId(action.value)) {
      throw new HttpError(400, 'invalid_request', 'payload.actions.0.value: expected the id of an answer');
    }
    return {
      kind: 'rate',
      answerId: action.value,
      rating,
      userId: payload.user.id,
      ...(payload.response_url ? { responseUrl: payload.response_url } : {}),
      ...(payload.trigger_id ? { triggerId: payload.trigger_id } : {}),
    };
  }
  if (type === 'view_submission') {
    if (loose.view?.callback_id !== COMMENT_CALLBACK_ID) return { kind: 'other' };
    const payload = parsed(viewSubmissionSchema, json);
    if (!isAnswerId(payload.view.private_metadata)) {
      throw new HttpError(400, 'invalid_request', 'payload.view.private_metadata: expected the id of an answer');
    }
    const comment = payload.view.state.values[COMMENT_BLOCK_ID]?.[COMMENT_ACTION_ID]?.value ?? '';
    return {
      kind: 'comment',
      answerId: payload.view.private_metadata,
      comment: comment.trim().slice(0, MAX_COMMENT_CHARS),
      userId: payload.user.id,
    };
  }
  return { kind: 'other' };
}

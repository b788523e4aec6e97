/**
 * Feedback from Slack (issue 16) on the whole worker in workerd: answers carry 👍/👎
 * buttons; clicks and the comment modal come back to `/slack/interactions` as Slack posts
 * them (signed forms of block_actions and view_submission payloads), and land in the D1
 * answer log under a keyed hash of the user, never the user id.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { COMMENT_CALLBACK_ID, FEEDBACK_BLOCK_ID, UNKNOWN_ANSWER_TEXT } from '../../src/channels/slack/feedback.js';
import { SlackFakeClient } from '../helpers/slack-fake-client.js';
import {
  TEST_BOT_USER_ID,
  blockActionsPayload,
  fakeTriggerId,
  messageEvent,
  signedCommand,
  signedEvent,
  signedInteraction,
  uniqueId,
  viewSubmissionPayload,
  type PostedButton,
} from '../helpers/slack-requests.js';
import { call } from '../helpers/worker-call.js';

const slack = new SlackFakeClient(env.SLACK_FAKE_ORIGIN);
const SLACK_ACK_DEADLINE_MS = 3_000;
const QUESTION = '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?';
const ASKER = 'U0ASKER';

interface PostedMessage {
  ts: string;
  text: string;
  blocks: { type: string; block_id?: string; elements?: PostedButton[] }[];
}

/** Asks in a channel and returns the answer as posted, with its feedback buttons. */
async function answeredMention(channel: string) {
  const event = messageEvent({ channel, text: `<@${TEST_BOT_USER_ID}> ${QUESTION}`, user: ASKER });
  await (await call(await signedEvent(event))).done();
  const [post] = await slack.calls({ method: 'chat.postMessage', channel });
  const message = post!.params as unknown as PostedMessage;
  const actions = message.blocks.find((b) => b.type === 'actions' && b.block_id === FEEDBACK_BLOCK_ID);
  const [up, down] = actions?.elements ?? [];
  return { message: { ...message, ts: String(post!.params.ts ?? event.event.ts) }, up: up!, down: down! };
}

async function click(options: Parameters<typeof blockActionsPayload>[0]) {
  const result = await call(await signedInteraction(blockActionsPayload(options)));
  await result.done();
  return result;
}

async function feedbackRows(answerId: string) {
  const { results } = await env.DB.prepare(
    'SELECT rater, rating, comment FROM feedback WHERE answer_id = ? ORDER BY rated_at',
  )
    .bind(answerId)
    .all<{ rater: string; rating: string; comment: string | null }>();
  return results;
}

describe('feedback buttons on Slack answers', () => {
  it('sit under the answer with its id, which the log holds with the asker hashed, never the user id', async () => {
    const channel = uniqueId('CBTN');
    const { up, down, message } = await answeredMention(channel);
    expect(message.text).toContain('5조6천억 원');
    expect(up.action_id).toBe('feedback_up');
    expect(down.action_id).toBe('feedback_down');
    expect(up.value).toBe(down.value);
    const row = await env.DB.prepare('SELECT channel, asker, refused FROM answers WHERE id = ?')
      .bind(up.value!)
      .first<{ channel: string; asker: string; refused: number }>();
    expect(row).toMatchObject({ channel: 'slack', refused: 0 });
    expect(row!.asker).toMatch(/^[0-9a-f]{32}$/);
    expect(
      JSON.stringify(await env.DB.prepare('SELECT * FROM answers WHERE id = ?').bind(up.value!).first()),
    ).not.toContain(ASKER);
  });

  it('are on a slash command answer too', async () => {
    const responseUrl = slack.responseUrl(uniqueId('cmdfb'));
    await (
      await call(await signedCommand({ command: '/fund', text: QUESTION, response_url: responseUrl, user_id: ASKER }))
    ).done();
    const [reply] = await slack.calls({ path: new URL(responseUrl).pathname });
    expect(JSON.stringify(reply!.params.blocks)).toContain('"action_id":"feedback_down"');
  });

  it('👍 is acknowledged within 3 s, recorded for the hashed user, and thanked privately', async () => {
    const channel = uniqueId('CUP');
    const { up, message } = await answeredMention(channel);
    const responseUrl = slack.actionResponseUrl(uniqueId('up'));
    const { response, ackMs } = await click({ message, channel, blockId: FEEDBACK_BLOCK_ID, button: up, responseUrl });
    expect(response.status).toBe(200);
    expect(ackMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);

    const [row] = await feedbackRows(up.value!);
    expect(row).toMatchObject({ rating: 'up', comment: null });
    expect(row!.rater).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.rater).not.toContain('U0RATER');
    const [note] = await slack.calls({ path: new URL(responseUrl).pathname });
    expect(note!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(note!.params.text).toContain('감사');
    expect(
      await slack
        .calls({ method: 'views.open' })
        .then((calls) => calls.filter((c) => JSON.stringify(c.params).includes(up.value!))),
    ).toEqual([]);
  });

  it('👎 opens a modal for a comment, whose submission adds it to the rating', async () => {
    const channel = uniqueId('CDOWN');
    const { down, message } = await answeredMention(channel);
    const triggerId = fakeTriggerId();
    const responseUrl = slack.actionResponseUrl(uniqueId('down'));
    await click({ message, channel, blockId: FEEDBACK_BLOCK_ID, button: down, responseUrl, triggerId });
    expect(await feedbackRows(down.value!)).toMatchObject([{ rating: 'down', comment: null }]);

    const opened = (await slack.calls({ method: 'views.open' })).find((c) => c.params.trigger_id === triggerId);
    expect(opened).toBeDefined();
    const view = opened!.params.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view).toMatchObject({ type: 'modal', callback_id: COMMENT_CALLBACK_ID, private_metadata: down.value });
    // The modal says the 👎 counted; no second note goes to the channel.
    expect(await slack.calls({ path: new URL(responseUrl).pathname })).toEqual([]);

    const submission = viewSubmissionPayload(view, {
      comment: { comment: { type: 'plain_text_input', value: '  승인일이 빠졌습니다.  ' } },
    });
    const { response } = await call(await signedInteraction(submission));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(''); // an empty 200 closes the modal
    expect(await feedbackRows(down.value!)).toMatchObject([{ rating: 'down', comment: '승인일이 빠졌습니다.' }]);
  });

  it('keeps one rating per person: two people count twice, one person changing their mind once', async () => {
    const channel = uniqueId('CTWO');
    const { up, down, message } = await answeredMention(channel);
    const responseUrl = slack.actionResponseUrl(uniqueId('two'));
    const options = { message, channel, blockId: FEEDBACK_BLOCK_ID, responseUrl };
    await click({ ...options, button: up, user: 'U0FIRST' });
    await click({ ...options, button: down, user: 'U0SECOND' });
    await click({ ...options, button: down, user: 'U0FIRST' });
    const rows = await feedbackRows(up.value!);
    expect(rows.map((r) => r.rating)).toEqual(['down', 'down']);
    expect(new Set(rows.map((r) => r.rater)).size).toBe(2);
  });

  it('still counts a 👎 whose modal cannot open (an expired trigger), and thanks instead', async () => {
    const channel = uniqueId('CEXPIRED');
    const { down, message } = await answeredMention(channel);
    const responseUrl = slack.actionResponseUrl(uniqueId('exp'));
    const triggerId = fakeTriggerId(Date.now() - 10_000);
    await click({ message, channel, blockId: FEEDBACK_BLOCK_ID, button: down, responseUrl, triggerId });
    expect(await feedbackRows(down.value!)).toMatchObject([{ rating: 'down' }]);
    const [note] = await slack.calls({ path: new URL(responseUrl).pathname });
    expect(note!.params.text).toContain('감사');
  });

  it('tells the user when the answer is no longer on record, by note and in the modal', async () => {
    const channel = uniqueId('CGONE');
    const { up, message } = await answeredMention(channel);
    const gone = { ...up, value: crypto.randomUUID() };
    const responseUrl = slack.actionResponseUrl(uniqueId('gone'));
    await click({ message, channel, blockId: FEEDBACK_BLOCK_ID, button: gone, responseUrl });
    const [note] = await slack.calls({ path: new URL(responseUrl).pathname });
    expect(note!.params.text).toBe(UNKNOWN_ANSWER_TEXT);

    const submission = viewSubmissionPayload(
      { callback_id: COMMENT_CALLBACK_ID, private_metadata: gone.value, blocks: [] },
      { comment: { comment: { type: 'plain_text_input', value: '틀렸어요' } } },
    );
    const { response } = await call(await signedInteraction(submission));
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { comment: UNKNOWN_ANSWER_TEXT } });
  });

  it('refuses unsigned and forged interactions, response URLs that are not Slack’s, and malformed payloads', async () => {
    const channel = uniqueId('CFORGE');
    const { up, message } = await answeredMention(channel);
    const payload = blockActionsPayload({
      message,
      channel,
      blockId: FEEDBACK_BLOCK_ID,
      button: up,
      responseUrl: slack.actionResponseUrl('x'),
    });
    const forged = await call(await signedInteraction(payload, { secret: 'someone-elses-secret' }));
    expect(forged.response.status).toBe(401);
    const elsewhere = await call(
      await signedInteraction({ ...payload, response_url: 'https://attacker.example/collect' }),
    );
    expect(elsewhere.response.status).toBe(400);
    expect(await elsewhere.response.json()).toMatchObject({
      error: { message: expect.stringContaining('response_url') },
    });
    const badId = await call(
      await signedInteraction({ ...payload, actions: [{ ...payload.actions[0], value: '<script>' }] }),
    );
    expect(badId.response.status).toBe(400);
    expect(await feedbackRows(up.value!)).toEqual([]);

    // Other buttons and other payload types are acknowledged and left alone.
    const other = await call(
      await signedInteraction({ ...payload, actions: [{ ...payload.actions[0], action_id: 'something_else' }] }),
    );
    expect(other.response.status).toBe(200);
    const shortcut = await call(
      await signedInteraction({ type: 'shortcut', callback_id: 'x', trigger_id: fakeTriggerId() }),
    );
    expect(shortcut.response.status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { decideEvent, parseEventsPayload, type EventCallback } from './events.js';

function callback(event: Record<string, unknown>): EventCallback {
  const payload = parseEventsPayload(
    JSON.stringify({
      type: 'event_callback',
      event_id: 'Ev1',
      authorizations: [{ user_id: 'U0FUNDBOT', is_bot: true }],
      event: { channel: 'C1', ts: '10.000100', user: 'U1', text: 'hi', ...event },
    }),
  );
  if (payload.type !== 'event_callback') throw new Error('not an event callback');
  return payload;
}

describe('decideEvent', () => {
  it('answers a mention in a new thread under it, and a reply in its thread with history', () => {
    expect(decideEvent(callback({ type: 'app_mention', text: '<@U0FUNDBOT> 투자 규모는?' }))).toEqual({
      kind: 'answer',
      question: {
        eventId: 'Ev1',
        channel: 'C1',
        ts: '10.000100',
        threadTs: '10.000100',
        inThread: false,
        text: '투자 규모는?',
        user: 'U1',
        botUserId: 'U0FUNDBOT',
      },
    });
    const reply = decideEvent(callback({ type: 'app_mention', thread_ts: '9.000100' }));
    expect(reply).toMatchObject({ kind: 'answer', question: { threadTs: '9.000100', inThread: true } });
  });

  it('answers direct messages but not messages in channels', () => {
    expect(decideEvent(callback({ type: 'message', channel_type: 'im' })).kind).toBe('answer');
    expect(decideEvent(callback({ type: 'message', channel_type: 'channel' })).kind).toBe('ignore');
  });

  it("ignores bots, the bot's own messages, edits, deletions, joins and other subtypes", () => {
    const ignored = [
      { type: 'message', channel_type: 'im', bot_id: 'B1' },
      { type: 'message', channel_type: 'im', subtype: 'bot_message' },
      { type: 'message', channel_type: 'im', user: 'U0FUNDBOT' },
      { type: 'message', channel_type: 'im', subtype: 'message_changed' },
      { type: 'message', channel_type: 'im', subtype: 'message_deleted' },
      { type: 'message', channel_type: 'im', subtype: 'channel_join' },
      { type: 'message', channel_type: 'im', subtype: 'file_share' },
      { type: 'app_mention', bot_id: 'B2' },
      { type: 'reaction_added' },
    ];
    for (const event of ignored) expect(decideEvent(callback(event)).kind, JSON.stringify(event)).toBe('ignore');
  });
});

describe('parseEventsPayload', () => {
  it('reads the URL check and passes unknown types through', () => {
    expect(parseEventsPayload('{"type":"url_verification","challenge":"abc","token":"t"}')).toEqual({
      type: 'url_verification',
      challenge: 'abc',
    });
    expect(parseEventsPayload('{"type":"app_rate_limited"}')).toEqual({ type: 'other', name: 'app_rate_limited' });
  });

  it('refuses broken JSON and an event callback without an event id with 400', () => {
    expect(() => parseEventsPayload('{')).toThrow(expect.objectContaining({ status: 400, code: 'invalid_json' }));
    expect(() => parseEventsPayload('{"type":"event_callback","event":{"type":"app_mention"}}')).toThrow(/event_id/);
  });
});

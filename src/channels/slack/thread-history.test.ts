import { describe, expect, it } from 'vitest';
import {
  historyFromThread,
  MAX_HISTORY_CHARS,
  MAX_HISTORY_MESSAGES,
  type SlackThreadMessage,
} from './thread-history.js';
import { APOLOGY_TEXT } from './messages.js';

const BOT = 'U0FUNDBOT';

describe('historyFromThread', () => {
  const thread: SlackThreadMessage[] = [
    { ts: '100.000100', user: 'U1', text: '<@U0FUNDBOT> 업스테이지 투자 금액은?' },
    { ts: '100.000200', user: BOT, bot_id: 'B1', text: '*5조6천억 원* &amp; 약 42억 달러 [1]' },
    { ts: '100.000300', user: 'U2', subtype: 'channel_join', text: '<@U2> has joined' },
    { ts: '100.000400', user: 'U3', bot_id: 'B9', subtype: 'bot_message', text: 'another bot' },
    { ts: '100.000500', user: BOT, bot_id: 'B1', text: APOLOGY_TEXT.ko },
    { ts: '100.000600', user: 'U1', subtype: 'thread_broadcast', text: '그리고 재원은?' },
    { ts: '100.000700', user: 'U1', text: '<@U0FUNDBOT> 그 금액은 달러로 얼마야?' },
  ];

  it("makes people's messages user turns and the bot's assistant turns, without mentions, joins, other bots or apologies", () => {
    expect(historyFromThread(thread, { botUserId: BOT, beforeTs: '100.000700' })).toEqual([
      { role: 'user', content: '업스테이지 투자 금액은?' },
      { role: 'assistant', content: '*5조6천억 원* & 약 42억 달러 [1]' },
      { role: 'user', content: '그리고 재원은?' },
    ]);
  });

  it('stops at the question itself: later messages are not its history', () => {
    expect(historyFromThread(thread, { botUserId: BOT, beforeTs: '100.000200' })).toEqual([
      { role: 'user', content: '업스테이지 투자 금액은?' },
    ]);
  });

  it('keeps the newest turns within the turn and character bounds', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ts: `200.${String(i + 1).padStart(6, '0')}`,
      user: i % 2 ? BOT : 'U1',
      text: `turn ${i}`,
    }));
    const kept = historyFromThread(many, { botUserId: BOT, beforeTs: '300.000000' });
    expect(kept).toHaveLength(MAX_HISTORY_MESSAGES);
    expect(kept.at(-1)!.content).toBe('turn 39');

    const long = Array.from({ length: 6 }, (_, i) => ({ ts: `300.00000${i + 1}`, user: 'U1', text: 'x'.repeat(1500) }));
    const bounded = historyFromThread(long, { botUserId: BOT, beforeTs: '400.000000' });
    expect(bounded.reduce((n, t) => n + t.content.length, 0)).toBeLessThanOrEqual(MAX_HISTORY_CHARS);
    expect(bounded.length).toBe(4);
  });
});

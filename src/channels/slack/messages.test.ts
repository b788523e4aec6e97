import { describe, expect, it } from 'vitest';
import type { ChatResponse, Citation } from '../../types.js';
import {
  answerMessages,
  MAX_BLOCKS,
  MESSAGE_TEXT_LIMIT,
  RESERVED_BLOCKS,
  SECTION_TEXT_LIMIT,
  splitMrkdwn,
  type SlackBlock,
} from './messages.js';

const ORIGIN = 'https://fund.example.workers.dev';

function response(answer: string, citations: Citation[] = [], language: 'ko' | 'en' = 'ko'): ChatResponse {
  return { id: 'answer-1', answer, language, citations, refused: citations.length === 0 };
}

const sectionTexts = (blocks: SlackBlock[] = []) => blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const contextTexts = (blocks: SlackBlock[] = []) =>
  blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => e.text) : []));

describe('answerMessages', () => {
  it('puts the answer in a section and the sources, with title, date, page and link, in a context block', () => {
    const [message, ...more] = answerMessages(
      response('**5조6천억 원**을 투자합니다 [1][2].', [
        { n: 1, id: '2026-04-30-upstage-ko', title: '업스테이지 투자', date: '2026-04-30', snippet: '…' },
        {
          n: 2,
          id: 'reports/annual',
          title: 'Annual <report>',
          page: 3,
          url: 'https://fsc.example/r.pdf',
          snippet: '…',
        },
      ]),
      { publicOrigin: ORIGIN },
    );
    expect(more).toEqual([]);
    expect(sectionTexts(message!.blocks)).toEqual(['*5조6천억 원*을 투자합니다 [1][2].']);
    expect(message!.text).toBe('*5조6천억 원*을 투자합니다 [1][2].');
    expect(contextTexts(message!.blocks)).toEqual([
      '*출처*',
      `[1] <${ORIGIN}/sources/2026-04-30-upstage-ko|업스테이지 투자> · 2026-04-30`,
      '[2] <https://fsc.example/r.pdf|Annual &lt;report&gt;> · 3쪽',
    ]);
  });

  it('links a paged source without a URL to its page on the worker, in English labels for English answers', () => {
    const [message] = answerMessages(
      response('It is 15,000 chips [1].', [{ n: 1, id: 'ai/center', title: 'AI Center', page: 2, snippet: '' }], 'en'),
      { publicOrigin: ORIGIN },
    );
    expect(contextTexts(message!.blocks)).toEqual([
      '*Sources*',
      `[1] <${ORIGIN}/sources/ai%2Fcenter?page=2|AI Center> · p. 2`,
    ]);
  });

  it('quotes the question above a slash command answer, escaped', () => {
    const [message] = answerMessages(response('답'), { publicOrigin: ORIGIN, question: '<!channel> 얼마?' });
    expect(sectionTexts(message!.blocks)[0]).toBe('> &lt;!channel&gt; 얼마?');
  });

  it("splits a long answer under Slack's limits: 3,000 a section, 50 blocks and 40,000 characters a message", () => {
    const paragraph = `${'가나다라마바사 '.repeat(60)}[1]`;
    const long = Array.from({ length: 120 }, () => paragraph).join('\n\n');
    const citations = Array.from({ length: 12 }, (_, i) => ({ n: i + 1, id: `d${i}`, title: `D${i}`, snippet: '' }));
    const messages = answerMessages(response(long, citations), { publicOrigin: ORIGIN });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks!.length).toBeLessThanOrEqual(MAX_BLOCKS);
      expect(message.text.length).toBeLessThanOrEqual(MESSAGE_TEXT_LIMIT);
      for (const text of sectionTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    }
    const last = messages.at(-1)!;
    expect(last.blocks!.length).toBeLessThanOrEqual(MAX_BLOCKS - RESERVED_BLOCKS);
    // Twelve sources and the label: two context blocks, ten elements at most each.
    expect(last.blocks!.filter((b) => b.type === 'context').length).toBe(2);
    const rejoined = messages.flatMap((m) => sectionTexts(m.blocks)).join(' ');
    expect(rejoined.replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' '));
  });
});

describe('splitMrkdwn', () => {
  it('never cuts inside a link or an escape that fits in a piece', () => {
    const link = '<https://a.example/very/long/path|a label with several words>';
    const text = `${'word '.repeat(9)}${link} tail &amp; more`;
    for (let limit = link.length; limit < text.length; limit += 1) {
      for (const piece of splitMrkdwn(text, limit)) {
        expect(piece.split('<').length, piece).toBe(piece.split('>').length);
        expect(piece, piece).not.toMatch(/&(a|am|amp)?$/);
      }
    }
  });
});

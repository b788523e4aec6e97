import { describe, expect, it } from 'vitest';
import { ConversationStore, HISTORY_MESSAGES, historyFor, type AssistantTurn, type Turn } from './conversation.js';

const answered = (content: string, status: AssistantTurn['status'] = 'done'): AssistantTurn => ({
  role: 'assistant',
  content,
  citations: [],
  status,
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('historyFor', () => {
  it('sends the finished exchanges, then the question', () => {
    const turns: Turn[] = [{ role: 'user', content: '업스테이지 투자액은?' }, answered('5조6천억 원입니다 [1].')];
    expect(historyFor(turns, '언제 승인됐나요?')).toEqual([
      { role: 'user', content: '업스테이지 투자액은?' },
      { role: 'assistant', content: '5조6천억 원입니다 [1].' },
      { role: 'user', content: '언제 승인됐나요?' },
    ]);
  });

  it('leaves out a question whose answer failed or was stopped', () => {
    const turns: Turn[] = [
      { role: 'user', content: 'a' },
      answered('', 'failed'),
      { role: 'user', content: 'b' },
      answered('half', 'stopped'),
    ];
    expect(historyFor(turns, 'c')).toEqual([{ role: 'user', content: 'c' }]);
  });

  it('keeps the most recent messages of a long chat', () => {
    const turns: Turn[] = Array.from({ length: 30 }, (_, i) => [
      { role: 'user' as const, content: `q${i}` },
      answered(`a${i}`),
    ]).flat();
    const history = historyFor(turns, 'last');
    expect(history).toHaveLength(HISTORY_MESSAGES + 1);
    expect(history.at(-2)).toEqual({ role: 'assistant', content: 'a29' });
  });
});

describe('ConversationStore', () => {
  it('restores questions and finished answers, with their citations and id', () => {
    const storage = memoryStorage();
    const store = new ConversationStore(storage, 'k');
    const done: AssistantTurn = {
      ...answered('5조6천억 원 [1]'),
      id: 'ans-1',
      refused: false,
      citations: [{ n: 1, id: '2026-04-30-upstage-ko', title: '업스테이지', snippet: '…' }],
    };
    store.save([{ role: 'user', content: 'q' }, done, { role: 'user', content: 'q2' }, answered('', 'failed')]);
    expect(new ConversationStore(storage, 'k').load()).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: '5조6천억 원 [1]', status: 'done', id: 'ans-1', citations: done.citations },
      { role: 'user', content: 'q2' },
    ]);
    store.clear();
    expect(store.load()).toEqual([]);
  });

  it('restores a recorded rating, and forgets one that was on its way or failed', () => {
    const storage = memoryStorage();
    const store = new ConversationStore(storage, 'k');
    const rated = (id: string, feedback: AssistantTurn['feedback']): AssistantTurn => ({
      ...answered(id),
      id,
      feedback,
    });
    store.save([
      rated('a', { rating: 'down', state: 'sent', commented: true }),
      rated('b', { rating: 'up', state: 'sending' }),
      rated('c', { rating: 'up', state: 'failed' }),
    ]);
    expect(new ConversationStore(storage, 'k').load().map((t) => (t as AssistantTurn).feedback)).toEqual([
      { rating: 'down', state: 'sent', commented: true },
      undefined,
      undefined,
    ]);
  });

  it('starts empty on damaged or foreign data, and without storage', () => {
    const storage = memoryStorage();
    storage.items.set('k', '{not json');
    expect(new ConversationStore(storage, 'k').load()).toEqual([]);
    storage.items.set('k', JSON.stringify([{ role: 'system', content: 'x' }, { role: 'user' }, 5]));
    expect(new ConversationStore(storage, 'k').load()).toEqual([]);
    const none = new ConversationStore(undefined, 'k');
    none.save([{ role: 'user', content: 'q' }]);
    expect(none.load()).toEqual([]);
  });
});

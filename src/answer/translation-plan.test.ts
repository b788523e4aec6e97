import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server.js';
import { parseConfig } from '../config.js';
import type { Chunk, DocumentMeta, Passage } from '../types.js';
import { createIndexData, LocalIndex } from '../search/local-index.js';
import { createChatTranslator } from '../search/query-translation.js';
import { createChatModel } from './model-factory.js';
import { answerToCompletion } from './pipeline.js';
import { planTranslation, queryCoverage } from './translation-plan.js';

/** A made-up corpus: farm loans in Korean, ports in English, and a Korean-only variant. */
const documents: DocumentMeta[] = [
  { id: 'smart-farm-ko', title: '스마트팜 시설 현대화 융자', lang: 'ko' },
  { id: 'port-en', title: 'Port logistics upgrade', lang: 'en' },
];
const chunks: Chunk[] = [
  {
    id: 'smart-farm-ko#0',
    docId: 'smart-farm-ko',
    ordinal: 0,
    text: '농업 법인의 온실 시설 현대화에 300억 원을 융자한다.',
  },
  {
    id: 'port-en#0',
    docId: 'port-en',
    ordinal: 0,
    text: 'The port authority upgrades its container terminals for 12 billion won.',
  },
];
const bilingual = () => new LocalIndex(createIndexData(documents, chunks));
const koreanOnly = () => new LocalIndex(createIndexData([documents[0]!], [chunks[0]!]));

let fake: FakeOpenAIServer;
beforeAll(async () => {
  // Translates the one phrase it knows, as a real model knows many; answers cite [1].
  fake = await startFakeOpenAIServer({
    chat: (request) => {
      const system = String(request.messages[0]?.content);
      if (system.includes('exactly two lines')) {
        // A follow-up rewrite with its translation; a reply 'one line' leaves the translation out.
        const question = String(request.messages.at(-1)?.content);
        return question.includes('one line')
          ? 'greenhouse modernization loans'
          : 'greenhouse modernization loans\n온실 현대화 융자';
      }
      if (system.startsWith('Translate')) {
        return String(request.messages.at(-1)?.content).includes('greenhouse') ? '온실 현대화 융자' : '';
      }
      return 'It is in the source [1].';
    },
  });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});

function deps(index: LocalIndex) {
  const model = createChatModel(parseConfig({ LLM_BASE_URL: fake.url }), { retry: { maxRetries: 0 } });
  return { retriever: index, model, translator: createChatTranslator(model) };
}
const ask = (question: string, index: LocalIndex) =>
  answerToCompletion({ messages: [{ role: 'user', content: question }] }, deps(index));
const translationCalls = () =>
  fake.chatRequests().filter((r) => String(r.messages[0]?.content).startsWith('Translate'));

describe('planTranslation', () => {
  it('never translates into a language the corpus does not hold', () => {
    expect(
      planTranslation('What does the port upgrade cost?', { documents: 1, chunks: 4, languages: { en: 4 } }),
    ).toEqual({ when: 'never' });
  });
  it('translates up front when the corpus is mostly in the other language', () => {
    expect(
      planTranslation('greenhouse loans', { documents: 9, chunks: 10, languages: { ko: 9, en: 1 } }),
    ).toMatchObject({ when: 'before', target: 'ko' });
  });
  it('waits to see what the question finds when the index does not count its languages', () => {
    expect(planTranslation('온실 융자', { documents: 2, chunks: 2 })).toEqual({ when: 'if-too-little', target: 'en' });
  });
  it('otherwise waits to see what the question finds', () => {
    expect(planTranslation('온실 융자', { documents: 2, chunks: 2, languages: { ko: 1, en: 1 } })).toEqual({
      when: 'if-too-little',
      target: 'en',
    });
  });
});

describe('queryCoverage', () => {
  const passage = (text: string, lang: 'ko' | 'en'): Passage => ({
    id: 'd#0',
    docId: 'd',
    ordinal: 0,
    text,
    title: 't',
    lang,
  });
  it('is the best share of the question’s terms one passage in its language holds', () => {
    expect(
      queryCoverage('container terminals upgrade', [passage('The container terminals get an upgrade.', 'en')]),
    ).toBe(1);
    expect(
      queryCoverage('greenhouse modernization loans', [passage('The container terminals get an upgrade.', 'en')]),
    ).toBe(0);
    expect(queryCoverage('greenhouse loans', [passage('온실 융자', 'ko')])).toBe(0);
  });
});

describe('one model call on the common path', () => {
  it('answers a question its own language finds with one call: no translation', async () => {
    const { response } = await ask('How much do the container terminal upgrades cost?', bilingual());
    expect(response.citations[0]?.id).toBe('port-en');
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('translates when the question’s own words find too little, logs why, and counts the call in usage', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { response, passages } = await ask('greenhouse modernization loans', bilingual());
    expect(passages[0]?.docId).toBe('smart-farm-ko');
    expect(translationCalls()).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/model call: query translation into ko \(the question's terms found 0%\)/),
    );
    expect(response.usage!.totalTokens).toBeGreaterThan(0);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('translates before searching a corpus mostly in the other language', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { passages } = await ask('greenhouse modernization loans', koreanOnly());
    expect(passages[0]?.docId).toBe('smart-farm-ko');
    expect(fake.chatRequests().map((r) => String(r.messages[0]?.content).slice(0, 9))).toEqual([
      'Translate',
      expect.any(String),
    ]);
  });

  it('searches with the question as asked, and warns, when the translation fails', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.enqueue({ type: 'status', status: 500 });
    const { passages } = await ask('container greenhouse modernization loans', bilingual());
    expect(passages[0]?.docId).toBe('port-en');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('query translation failed'));
  });
});

describe('a follow-up that needs translating', () => {
  const history = [
    { role: 'user' as const, content: 'Which greenhouse programs are there?' },
    { role: 'assistant' as const, content: 'There is a modernization programme [1].' },
  ];
  const followUp = (question: string) =>
    answerToCompletion({ messages: [...history, { role: 'user', content: question }] }, deps(koreanOnly()));

  it('gets the rewrite and the translation from one call: two calls in all, not three', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { passages } = await followUp('And its loans?');
    expect(passages[0]?.docId).toBe('smart-farm-ko');
    expect(fake.chatRequests()).toHaveLength(2);
    expect(translationCalls()).toHaveLength(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/follow-up rewrite with query translation into ko/));
  });

  it('translates on its own when the reply holds no translation', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { passages } = await followUp('And its loans? Answer in one line');
    expect(passages[0]?.docId).toBe('smart-farm-ko');
    expect(translationCalls()).toHaveLength(1);
    expect(fake.chatRequests()).toHaveLength(3);
  });
});

describe('LocalIndex', () => {
  it('finds a Korean release through a translation it is given', async () => {
    expect(await bilingual().search('greenhouse modernization loans')).toEqual([]);
    const hits = await bilingual().search('greenhouse modernization loans', { translations: ['온실 현대화 융자'] });
    expect(hits[0]?.passage.docId).toBe('smart-farm-ko');
  });
});

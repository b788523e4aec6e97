import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fakes/openai-server.js';
import { parseConfig } from '../config.js';
import { createChatModel } from '../answer/model-factory.js';
import type { Chunk, DocumentMeta } from '../types.js';
import { createIndexData, LocalIndex } from './local-index.js';
import { createChatTranslator } from './query-translation.js';

const documents: DocumentMeta[] = [
  { id: 'smart-farm-ko', title: '스마트팜 시설 현대화 융자', lang: 'ko' },
  { id: 'port-en', title: 'Port logistics upgrade', lang: 'en' },
];
const chunks: Chunk[] = [
  {
    id: 'smart-farm-ko#0',
    docId: 'smart-farm-ko',
    ordinal: 0,
    text: '농업 법인의 온실 시설 현대화에 융자를 지원한다.',
  },
  { id: 'port-en#0', docId: 'port-en', ordinal: 0, text: 'The port authority upgrades its container terminals.' },
];

let fake: FakeOpenAIServer;
beforeAll(async () => {
  // A stand-in translator that knows one phrase, as a real model would know many.
  fake = await startFakeOpenAIServer({
    chat: (request) => (String(request.messages.at(-1)?.content).includes('greenhouse') ? '온실 현대화 융자' : ''),
  });
});
afterAll(() => fake.close());

const translator = () =>
  createChatTranslator(
    createChatModel(parseConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model' }), { retry: { maxRetries: 0 } }),
  );

describe('query translation', () => {
  it('finds a Korean document through the model’s translation of an English question', async () => {
    const plain = new LocalIndex(createIndexData(documents, chunks));
    expect(await plain.search('greenhouse modernization loans')).toEqual([]);

    const index = new LocalIndex(createIndexData(documents, chunks), { translate: translator() });
    const hits = await index.search('greenhouse modernization loans');
    expect(hits[0]?.passage.docId).toBe('smart-farm-ko');
    const request = fake.chatRequests().at(-1)!;
    expect(request.messages[0]!.content).toContain('into Korean');
    expect(request.messages.at(-1)!.content).toBe('greenhouse modernization loans');
  });

  it('does not translate when the corpus holds no document in the other language', async () => {
    const koreanOnly = new LocalIndex(createIndexData([documents[0]!], [chunks[0]!]), { translate: translator() });
    const before = fake.chatRequests().length;
    await koreanOnly.search('온실 현대화');
    expect(fake.chatRequests().length).toBe(before);
  });

  it('searches with the query as asked, and warns, when translation fails', async () => {
    const warnings: string[] = [];
    const index = new LocalIndex(createIndexData(documents, chunks), {
      translate: translator(),
      onWarning: (m) => warnings.push(m),
    });
    fake.enqueue({ type: 'status', status: 500 });
    const hits = await index.search('container terminals greenhouse');
    expect(hits[0]?.passage.docId).toBe('port-en');
    expect(warnings).toEqual([expect.stringContaining('query translation failed')]);
  });
});

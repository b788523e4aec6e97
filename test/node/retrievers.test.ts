/**
 * One answer-level suite, two indexes: the same questions over the sample corpus give the
 * same answers from the local index and from the Upstash adapter (fake Upstash server,
 * deterministic fake embedder, RRF and DBSF), through the offline answerer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerToCompletion } from '../../src/answer/pipeline.js';
import { ExtractiveChatModel } from '../../src/answer/extractive/extractive-model.js';
import type { Retriever } from '../../src/search/types.js';
import { sampleCorpusIndex } from '../helpers/sample-services.js';
import { startSampleUpstash, type UpstashFixture } from '../helpers/upstash.js';

let fixture: UpstashFixture;
beforeAll(async () => {
  fixture = await startSampleUpstash();
}, 60_000);
afterAll(() => fixture?.close());

const RETRIEVERS: [string, () => Promise<Retriever>][] = [
  ['the local index', sampleCorpusIndex],
  ['Upstash (RRF)', () => fixture.open()],
  ['Upstash (DBSF)', () => fixture.open({ fusion: 'DBSF' })],
];

describe.each(RETRIEVERS)('answers from %s', (_name, open) => {
  const ask = async (question: string, filters?: Parameters<Retriever['search']>[1]) => {
    const deps = { retriever: await open(), model: new ExtractiveChatModel() };
    const { response } = await answerToCompletion(
      { messages: [{ role: 'user', content: question }], filters: filters?.filters },
      deps,
    );
    return { ...response, cited: response.citations.map((c) => c.id) };
  };

  it('gives the Upstage amount with its citation', async () => {
    const answer = await ask('국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?');
    expect(answer.answer).toContain('5조6천억 원');
    expect(answer.refused).toBe(false);
    expect(answer.cited).toContain('2026-04-30-upstage-ko');
  });

  it('retrieves the release of an amount asked in English words, as Korean releases write it', async () => {
    // Among Korean releases, the amount term it shares with 5조6천억 원 puts the Upstage one first.
    const [top] = await (
      await open()
    ).search('Which company receives the 5.6 trillion won investment?', {
      filters: { lang: 'ko' },
    });
    expect(top!.passage.docId).toBe('2026-04-30-upstage-ko');
  });

  it('reaches a Korean-only release from an English question', async () => {
    const answer = await ask('Which sectors will the second round of mega projects expand into?');
    expect(answer.language).toBe('en');
    expect(answer.cited).toContain('2026-04-30-fund-progress-ko');
  });

  it('keeps to a date filter', async () => {
    const answer = await ask('업스테이지 투자 금액은?', { filters: { dateTo: '2026-01-01' } });
    expect(answer.cited).toEqual([]);
  });

  it('refuses what the corpus does not say', async () => {
    expect((await ask('후성 대출의 금리는 얼마인가요?')).refused).toBe(true);
  });
});

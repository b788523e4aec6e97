/**
 * The hosted path against a real model (Upstage Solar by default): skipped unless a key is
 * given, because tests never reach the internet on their own. Run it with
 *   LIVE_LLM_API_KEY=up_… [LIVE_LLM_BASE_URL=…] [LIVE_LLM_MODEL=…] npx vitest run test/node/live-llm.test.ts
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createChatModel } from '../../src/answer/model-factory.js';
import { answerDeps } from '../../src/answer/answer-deps.js';
import { answerToCompletion } from '../../src/answer/pipeline.js';
import { factMatches } from '../../src/text/numbers.js';
import { sampleServices } from '../helpers/sample-services.js';

const key = process.env.LIVE_LLM_API_KEY;
if (!key)
  console.warn('skipping the live LLM test: set LIVE_LLM_API_KEY (and LIVE_LLM_BASE_URL, LIVE_LLM_MODEL) to run it');

const env: Record<string, string> = {
  LLM_API_KEY: key ?? '',
  ...(process.env.LIVE_LLM_BASE_URL ? { LLM_BASE_URL: process.env.LIVE_LLM_BASE_URL } : {}),
  ...(process.env.LIVE_LLM_MODEL ? { LLM_MODEL: process.env.LIVE_LLM_MODEL } : {}),
};

describe.skipIf(!key)('a live OpenAI-compatible model over the sample corpus', () => {
  const ask = async (question: string) => {
    const services = sampleServices({ env });
    const deps = await answerDeps({ ...services, model: createChatModel(parseConfig(env)) });
    return (await answerToCompletion({ messages: [{ role: 'user', content: question }] }, deps)).response;
  };

  it('answers the Upstage amount in Korean with a citation', { timeout: 60_000 }, async () => {
    const response = await ask('국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?');
    expect(response.refused).toBe(false);
    expect(factMatches('5조6천억 원', response.answer)).toBe(true);
    expect(response.citations.map((c) => c.id)).toContain('2026-04-30-upstage-ko');
  });

  it('refuses what the corpus does not say', { timeout: 60_000 }, async () => {
    expect((await ask('What is the interest rate on the Housung loan?')).refused).toBe(true);
  });
});

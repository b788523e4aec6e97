/**
 * The optional LLM judge against a loopback OpenAI-compatible server: its scores sit beside
 * the deterministic metrics, and a judge that answers nonsense costs only its own figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../fakes/openai-server.js';
import { createOpenAIChatModel } from '../../src/answer/model-factory.js';
import { ExtractiveChatModel } from '../../src/answer/extractive/extractive-model.js';
import { parseConfig } from '../../src/config.js';
import { createLlmJudge, parseJudgeConfig, parseVerdict } from '../../src/eval/judge.js';
import { runEval } from '../../src/eval/runner.js';
import { inProcessTarget } from '../../src/eval/targets.js';
import type { GoldenCase } from '../../src/eval/golden.js';
import { sampleCorpusIndex } from '../helpers/sample-services.js';

const CASES: GoldenCase[] = [
  {
    id: 'j1',
    lang: 'ko',
    category: 'number',
    question: '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?',
    answerable: true,
    sources: ['2026-04-30-upstage-ko', '2026-04-30-upstage-en'],
    facts: ['5조6천억 원'],
    reference: '5조6천억 원입니다.',
  },
  {
    id: 'j2',
    lang: 'en',
    category: 'unanswerable',
    question: 'What is the interest rate on the Housung loan?',
    answerable: false,
    sources: [],
    facts: [],
  },
];

let fake: FakeOpenAIServer;

beforeAll(async () => {
  fake = await startFakeOpenAIServer({
    // The fake judge scores by what it is shown, as a real one would: a refusal of an
    // unanswerable question is correct, anything else gets a middling score.
    chat: (request) => {
      const prompt = request.messages.map((m) => m.content).join('\n');
      const declines = prompt.includes('a correct response declines');
      return declines
        ? '{"faithfulness": 1, "correctness": 1, "reason": "declined as expected"}'
        : '```json\n{"faithfulness": 0.9, "correctness": 0.5, "reason": "partly right"}\n```';
    },
  });
});

afterAll(() => fake.close());

async function target() {
  return inProcessTarget({ retriever: await sampleCorpusIndex(), model: new ExtractiveChatModel() }, 'corpus corpus');
}

function judge() {
  const llm = parseJudgeConfig({ EVAL_JUDGE_BASE_URL: fake.url, EVAL_JUDGE_MODEL: 'judge-model' }, undefined);
  return createLlmJudge(
    createOpenAIChatModel(llm, llm.model, { retry: { maxRetries: 0 } }),
    `${llm.model} at ${llm.baseUrl}`,
  );
}

describe('the LLM judge', () => {
  it('reports faithfulness and correctness beside unchanged deterministic metrics', async () => {
    const plain = await runEval(CASES, { target: await target() });
    const judged = await runEval(CASES, { target: await target(), judge: judge(), concurrency: 1 });

    const { judge_faithfulness, judge_correctness, ...deterministic } = judged.summary;
    const { latency_ms_p50: _a, latency_ms_p95: _b, by_category: _c, ...plainFigures } = plain.summary;
    expect(deterministic).toMatchObject(plainFigures);
    expect(judge_faithfulness).toBe(0.95);
    expect(judge_correctness).toBe(0.75);
    expect(judged.summary.by_category.unanswerable).toMatchObject({ judge_correctness: 1 });
    expect(judged.meta.judge).toBe(`judge-model at ${fake.url}`);

    const prompts = fake.chatRequests().slice(-2);
    expect(prompts.every((r) => r.model === 'judge-model')).toBe(true);
    const shown = prompts[0]!.messages.map((m) => m.content).join('\n');
    expect(shown).toContain(CASES[0]!.question);
    expect(shown).toContain('Must contain: 5조6천억 원');
    expect(shown).toContain('2026-04-30-upstage-ko'); // the sources the answer was built from
    expect(shown).toContain(judged.cases[0]!.answer);
  });

  it('records a judge reply without a verdict on the case and leaves it out of the judge figures', async () => {
    fake.enqueue({ type: 'answer', content: 'Looks fine to me.' });
    const run = await runEval(CASES, { target: await target(), judge: judge(), concurrency: 1 });
    expect(run.cases[0]!.judge).toEqual({ error: 'judge reply holds no JSON object: "Looks fine to me."' });
    expect(run.summary).toMatchObject({ judge_faithfulness: 1, judge_correctness: 1 });
  });
});

describe('parseVerdict', () => {
  it('names what is wrong with a verdict', () => {
    expect(() => parseVerdict('{"faithfulness": 2, "correctness": 1}')).toThrow(/judge verdict faithfulness/);
    expect(() => parseVerdict('{"faithfulness": 1,')).toThrow(/no JSON object|not valid JSON/);
  });
});

describe('parseJudgeConfig', () => {
  const llm = parseConfig({ LLM_API_KEY: 'answer-key', LLM_MODEL: 'solar-pro2' }).llm;

  it('falls back to the answering model, and lets EVAL_JUDGE_* override it', () => {
    expect(parseJudgeConfig({}, llm)).toMatchObject({
      baseUrl: 'https://api.upstage.ai/v1',
      model: 'solar-pro2',
      apiKey: 'answer-key',
    });
    expect(parseJudgeConfig({ EVAL_JUDGE_MODEL: 'solar-pro3', EVAL_JUDGE_API_KEY: 'judge-key' }, llm)).toMatchObject({
      model: 'solar-pro3',
      apiKey: 'judge-key',
    });
  });

  it('says what to set when no model is configured, and names a bad URL', () => {
    expect(() => parseJudgeConfig({}, undefined)).toThrow(/--judge needs a model: set EVAL_JUDGE_BASE_URL/);
    expect(() => parseJudgeConfig({ EVAL_JUDGE_BASE_URL: 'ftp://x' }, undefined)).toThrow(
      'EVAL_JUDGE_BASE_URL must be an http(s) URL',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { answerLanguage, gradeCase } from './grader.js';
import type { GoldenCase } from './golden.js';
import type { TargetReply } from './types.js';
import type { Citation } from '../types.js';

const golden = (fields: Partial<GoldenCase> = {}): GoldenCase => ({
  id: 'q1',
  lang: 'ko',
  category: 'number',
  question: '업스테이지 투자 규모는?',
  answerable: true,
  sources: ['upstage-ko', 'upstage-en'],
  facts: ['5조6천억 원'],
  ...fields,
});

const cite = (n: number, id: string): Citation => ({ n, id, title: id, snippet: '' });

function reply(
  answer: string,
  options: { ranked?: string[]; cited?: string[]; refused?: boolean; language?: 'ko' | 'en' } = {},
): TargetReply {
  const cited = options.cited ?? [];
  return {
    response: {
      answer,
      language: options.language ?? 'ko',
      refused: options.refused ?? false,
      citations: cited.map((id, i) => cite(i + 1, id)),
    },
    ranked: options.ranked ?? cited,
    context: [],
  };
}

describe('gradeCase', () => {
  it('finds an amount written another way, and ranks the first gold source', () => {
    const result = gradeCase(golden({ lang: 'en', facts: ['5조6천억 원', 'April 30, 2026'] }), {
      reply: reply('On 2026-04-30 the fund approved 5.6 trillion won for Upstage. [1]', {
        ranked: ['overview', 'upstage-en'],
        cited: ['upstage-en'],
      }),
      latencyMs: 12.34,
    });
    expect(result).toMatchObject({
      facts_found: ['5조6천억 원', 'April 30, 2026'],
      facts_missing: [],
      gold_rank: 2,
      cited_gold: 1,
      language_match: true,
      refusal_correct: true,
      latency_ms: 12.3,
      passed: true,
    });
  });

  it('reports a missing fact, a wrong language and a stray citation in words', () => {
    const result = gradeCase(golden({ lang: 'en' }), {
      reply: reply('업스테이지에 4조3천억 원을 민간이 부담한다. [1]', { cited: ['upstage-ko', 'housung-ko'] }),
      latencyMs: 1,
    });
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([
      'missing facts: "5조6천억 원"',
      'answered in ko (asked in en)',
      'cites documents outside the gold sources: "housung-ko"',
    ]);
  });

  it('does not count citation markers as numbers', () => {
    const result = gradeCase(golden({ facts: ['1개'] }), {
      reply: reply('답은 여기 있다 [1]', { cited: ['upstage-ko'] }),
      latencyMs: 1,
    });
    expect(result.facts_missing).toEqual(['1개']);
  });

  it('grades refusals both ways', () => {
    const refusal = reply('제공된 공고 자료에서는 답을 찾을 수 없습니다.', { refused: true });
    const unanswerable = gradeCase(golden({ answerable: false, sources: [], facts: [] }), {
      reply: refusal,
      latencyMs: 1,
    });
    expect(unanswerable).toMatchObject({ refusal_correct: true, passed: true, gold_rank: null });
    const wronglyRefused = gradeCase(golden(), { reply: refusal, latencyMs: 1 });
    expect(wronglyRefused.problems).toContain('refused a question the corpus answers');
    expect(wronglyRefused.problems).toContain('no gold source among the top 5 retrieved documents');
    const invented = gradeCase(golden({ answerable: false, sources: [], facts: [] }), {
      reply: reply('금리는 3.5%입니다.'),
      latencyMs: 1,
    });
    expect(invented.problems).toEqual(['answered a question the corpus cannot answer']);
  });

  it('records a failed request as a failing case', () => {
    const result = gradeCase(golden(), { error: 'HTTP 502 (upstream_error: the answer model failed)', latencyMs: 30 });
    expect(result).toMatchObject({ answer: '', passed: false, refusal_correct: false, language_match: false });
    expect(result.problems).toEqual(['request failed: HTTP 502 (upstream_error: the answer model failed)']);
  });

  it('treats a gold source below rank 10 as a miss', () => {
    const ranked = Array.from({ length: 10 }, (_, i) => `other-${i}`).concat('upstage-ko');
    expect(gradeCase(golden(), { reply: reply('5조6천억 원', { ranked }), latencyMs: 1 }).gold_rank).toBeNull();
  });
});

describe('answerLanguage', () => {
  it('reads the answer’s own words, not the source text it quotes', () => {
    expect(answerLanguage('A Korean-language source states [1]: “센터는 2028년 완공을 목표로 한다.”')).toBe('en');
    expect(
      answerLanguage('이 내용은 영문 자료에만 있습니다 [2]: «Estigen Bio will receive an 850 billion won loan.»'),
    ).toBe('ko');
    expect(answerLanguage('영문 자료 원문: "The plant is to produce 37,000 tons a year of spherical graphite."')).toBe(
      'ko',
    );
  });

  it('reads the whole answer when too few words stand outside the quotes', () => {
    expect(answerLanguage('[1] “센터는 2028년 완공을 목표로 한다.”')).toBe('ko');
    expect(answerLanguage('Note: “센터는 2028년 완공을 목표로 한다.”')).toBe('ko');
  });

  it('counts an unquoted foreign sentence against the answer', () => {
    expect(answerLanguage('센터는 2028년 완공을 목표로 한다. [1]')).toBe('ko');
    const graded = gradeCase(golden({ lang: 'en' }), {
      reply: reply('센터는 2028년 완공을 목표로 한다. [1] It is due in 2028.', { cited: ['upstage-ko'] }),
      latencyMs: 1,
    });
    expect(graded.language_match).toBe(false);
  });
});

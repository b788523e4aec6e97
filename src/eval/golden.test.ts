import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoldenFileError, parseGolden } from './golden.js';
import { PROJECT_ROOT } from '../cli/paths.js';
import { gradeCase } from './grader.js';
import { REFUSAL_TEXT } from '../answer/refusal.js';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    id: 'q1',
    lang: 'ko',
    category: 'number',
    question: '업스테이지 투자 규모는?',
    answerable: true,
    sources: ['2026-04-30-upstage-ko'],
    facts: ['5조6천억 원'],
    ...fields,
  });

describe('parseGolden', () => {
  it('reads the cases of DESIGN.md, keeping history and ignoring unknown keys', () => {
    const text = [
      line({ page: 3, note: 'extra keys are ignored' }),
      '',
      line({
        id: 'q2',
        history: [
          { role: 'user', content: '업스테이지 투자 규모는?' },
          { role: 'assistant', content: '5조6천억 원입니다. [1]' },
        ],
        question: '그 중 민간 몫은?',
      }),
    ].join('\n');
    const cases = parseGolden(text, 'golden.jsonl');
    expect(cases).toHaveLength(2);
    expect(cases[0]).not.toHaveProperty('page');
    expect(cases[1]!.history).toHaveLength(2);
  });

  it('names the file, line and field of every broken case', () => {
    const text = [line({}), line({ id: 'q2', lang: 'jp' }), '{"id": "q3",', line({ id: 'q4', facts: 'one fact' })].join(
      '\n',
    );
    const error = (() => {
      try {
        parseGolden(text, 'evals/bad.jsonl');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(GoldenFileError);
    expect(error?.message).toContain('evals/bad.jsonl line 2: lang must be "ko" or "en"');
    expect(error?.message).toContain('evals/bad.jsonl line 3: not valid JSON');
    expect(error?.message).toMatch(/line 4: facts .*array/);
  });

  it('refuses an unanswerable case that lists facts or sources, and repeated ids', () => {
    expect(() => parseGolden(line({ answerable: false }), 'g.jsonl')).toThrow(
      /sources must be empty when answerable is false/,
    );
    expect(() => parseGolden([line({}), line({})].join('\n'), 'g.jsonl')).toThrow(/line 2: id "q1" repeats line 1/);
  });

  it('refuses an empty file', () => {
    expect(() => parseGolden('\n\n', 'empty.jsonl')).toThrow('empty.jsonl holds no cases');
  });

  it('accepts the shipped golden sets', () => {
    const golden = parseGolden(readFileSync(join(PROJECT_ROOT, 'evals/golden.jsonl'), 'utf8'), 'golden.jsonl');
    expect(golden.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(golden.map((c) => c.category));
    for (const c of ['fact', 'number', 'multi-doc', 'cross-lingual', 'follow-up', 'unanswerable', 'injection'])
      expect(categories).toContain(c);
    expect(new Set(golden.map((c) => c.lang))).toEqual(new Set(['ko', 'en']));
    expect(golden.filter((c) => c.category === 'follow-up').every((c) => c.history?.length)).toBe(true);
    // A misspelt source id would silently turn a hit into a miss.
    const documents = new Set(readdirSync(join(PROJECT_ROOT, 'corpus')).map((f) => f.replace(/\.[^.]+$/, '')));
    expect(golden.flatMap((c) => c.sources).filter((id) => !documents.has(id))).toEqual([]);
  });

  it('is gradeable: each reference answer (or a refusal) passes its own case', () => {
    const golden = parseGolden(readFileSync(join(PROJECT_ROOT, 'evals/golden.jsonl'), 'utf8'), 'golden.jsonl');
    const failing = golden.flatMap((c) => {
      const answer = c.answerable ? `${c.reference} [1]` : REFUSAL_TEXT[c.lang];
      const citations = c.answerable ? [{ n: 1, id: c.sources[0]!, title: '', snippet: '' }] : [];
      const result = gradeCase(c, {
        reply: {
          response: { answer, language: c.lang, refused: !c.answerable, citations },
          ranked: c.sources,
          context: [],
        },
        latencyMs: 1,
      });
      return result.passed ? [] : [`${c.id}: ${result.problems.join('; ')}`];
    });
    expect(failing).toEqual([]);
  });
});

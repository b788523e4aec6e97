import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT_PASSAGES } from './pipeline.js';
import { contextSize, PASSAGES_PER_EXTRA_ENTITY } from './context-size.js';

describe('contextSize', () => {
  it('gives a question about several entities room for each one’s passage', () => {
    const base = DEFAULT_CONTEXT_PASSAGES;
    expect(contextSize('How big is the Norvex loan?', base)).toBe(base);
    expect(contextSize('Compare the Lumina investment with the Norvex loan.', base)).toBe(
      base + PASSAGES_PER_EXTRA_ENTITY,
    );
    expect(contextSize('노벡스, 한빛소재, 다온전자는 각각 얼마를 받나요?', base)).toBe(
      base + 2 * PASSAGES_PER_EXTRA_ENTITY,
    );
    // …up to two extra entities' worth.
    expect(contextSize('Give the loans of Norvex, Daon, Hanbit, Lumina and Celltrion.', base)).toBe(
      base + 2 * PASSAGES_PER_EXTRA_ENTITY,
    );
  });
});

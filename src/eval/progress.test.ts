import { describe, expect, it } from 'vitest';
import { renderProgress } from './progress.js';

describe('renderProgress', () => {
  it('fills the bar in proportion and shows count, share, failures and time', () => {
    expect(renderProgress({ done: 20, total: 80, failing: 3, elapsedMs: 6_140 }, 8)).toBe(
      '[##------] 20/80  25%  3 failing  6.1 s',
    );
    expect(renderProgress({ done: 80, total: 80, failing: 0, elapsedMs: 0 }, 8)).toBe(
      '[########] 80/80 100%  0 failing  0.0 s',
    );
  });

  it('copes with an empty run', () => {
    expect(renderProgress({ done: 0, total: 0, failing: 0, elapsedMs: 0 }, 4)).toBe(
      '[####] 0/0 100%  0 failing  0.0 s',
    );
  });
});

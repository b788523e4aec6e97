import { describe, expect, it } from 'vitest';
import { dateFromText, headlineFromLines } from './metadata.js';

describe('dateFromText', () => {
  it('prefers the release time (보도시점) over the distribution date', () => {
    expect(dateFromText('보도자료\n보도시점 2024. 4. 9.(화) 14:00 배포 2024. 4. 8.(월) 10:00')).toBe('2024-04-09');
    expect(dateFromText('배포 2024.1.30.(화) 10:00\n보도시점\n2024.1.31.(수) 금융위 회의 후')).toBe('2024-01-31');
    expect(dateFromText('보도시점 (인터넷) 2024. 1. 24.(수) 브리핑시')).toBe('2024-01-24');
  });

  it('reads Korean and English date forms near the top', () => {
    expect(dateFromText('금융위원회는 2026년 4월 30일 회의를 열었다.')).toBe('2026-04-30');
    expect(dateFromText('SEOUL, April 30, 2026 — The FSC approved')).toBe('2026-04-30');
    expect(dateFromText('Released: 30 April 2026')).toBe('2026-04-30');
  });

  it('ignores impossible dates and dates deep in the body', () => {
    expect(dateFromText('2024.13.45 is not a date')).toBeUndefined();
    expect(dateFromText(`${'본문 '.repeat(600)} 2024. 4. 9.`)).toBeUndefined();
  });
});

describe('headlineFromLines', () => {
  it('takes the largest type, skipping labels such as 보도자료, and joins a two-line headline', () => {
    const lines = [
      { text: '금융위원회', size: 8 },
      { text: '보도자료', size: 30 },
      { text: '보도시점 2024.1.31.(수)', size: 10 },
      { text: '지방은행의 시중은행 전환시', size: 26 },
      { text: '인가방식 및 절차', size: 26 },
      { text: '▲ 은행법 제8조 은행업인가 규정에 따른', size: 14 },
    ];
    expect(headlineFromLines(lines)).toBe('지방은행의 시중은행 전환시 인가방식 및 절차');
  });
});

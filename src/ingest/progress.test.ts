import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, formatSummary } from './progress.js';

describe('progress and summary', () => {
  it('shows a bar with the share done and the time left at the pace so far', () => {
    const line = formatProgress({ done: 10, total: 40, elapsedMs: 5000, current: 'a/report.pdf' });
    expect(line).toBe('[######..................]  10/40 files  25%  ETA 15 s  a/report.pdf');
    expect(formatProgress({ done: 0, total: 40, elapsedMs: 10 }, { bar: false })).toBe(
      'ingest:  0/40 files  0%  ETA …',
    );
  });

  it('formats durations as people read them', () => {
    expect([formatDuration(9.4), formatDuration(65), formatDuration(3720)]).toEqual([
      '9 s',
      '1 min 05 s',
      '1 h 02 min',
    ]);
  });

  it('sums up counts, throughput and skipped files by reason', () => {
    const lines = formatSummary({
      files: 5,
      documents: 3,
      pages: 14,
      chunks: 40,
      reused: 1,
      seconds: 2,
      skipped: [
        { file: 'a.pdf', reason: 'corrupt PDF (Invalid PDF structure.)' },
        { file: 'b.pdf', reason: 'corrupt PDF (bad XRef entry)' },
      ],
    });
    expect(lines).toEqual([
      'indexed 3 documents (14 pages, 40 chunks) from 5 files in 2.00 s: 7.0 pages/s, 20.0 chunks/s',
      'reused 1 unchanged file',
      'skipped 2 files: corrupt PDF (2)',
    ]);
  });
});

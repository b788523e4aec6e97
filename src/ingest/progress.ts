/**
 * Progress and summary lines for long ingest runs. Pure formatting: the CLI decides where
 * they go (a redrawn bar on a terminal, a periodic plain line in a log).
 */

import type { IngestWarning } from './types.js';
import { printable } from './printable.js';

export interface IngestProgress {
  /** Files finished so far, of `total`. */
  done: number;
  total: number;
  elapsedMs: number;
  /** The file being read. */
  current?: string;
}

const BAR_WIDTH = 24;

/** Seconds as a person reads them: 9 s, 1 min 05 s, 1 h 02 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Time left at the pace so far; undefined until there is a pace to go by. */
export function etaSeconds({ done, total, elapsedMs }: IngestProgress): number | undefined {
  if (done === 0 || elapsedMs <= 0) return undefined;
  return ((total - done) * elapsedMs) / done / 1000;
}

/**
 * One line of progress: `[#########...............]  12/40 files  30%  ETA 8 s  name.pdf`.
 * `bar: false` gives the plain form for logs.
 */
export function formatProgress(progress: IngestProgress, { bar = true, columns = 100 } = {}): string {
  const { done, total } = progress;
  const share = total ? done / total : 1;
  const eta = etaSeconds(progress);
  const parts = [
    bar ? `[${'#'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}]` : 'ingest:',
    `${done}/${total} files`,
    `${Math.floor(share * 100)}%`,
    eta === undefined ? 'ETA …' : `ETA ${formatDuration(eta)}`,
  ];
  const line = parts.join('  ');
  if (!progress.current) return line;
  const room = columns - line.length - 2;
  if (room < 8) return line;
  const current = printable(progress.current);
  const name = current.length > room ? `…${current.slice(-(room - 1))}` : current;
  return `${line}  ${name}`;
}

/**
 * The log line of a warning: `warning: skipped <file>: <reason>`, or for a file indexed
 * anyway `warning: <file>: <reason>`. One line whatever the name holds (see printable).
 */
export function formatWarning(warning: IngestWarning): string {
  const line = `warning: ${warning.indexed ? '' : 'skipped '}${warning.file}: ${warning.reason}`;
  return printable(line);
}

export interface IngestSummary {
  files: number;
  documents: number;
  pages: number;
  chunks: number;
  /** Files whose previous chunks were reused because they did not change. */
  reused: number;
  skipped: { file: string; reason: string }[];
  /** Files indexed with a warning (a front-matter date that is no calendar day). */
  warned?: number;
  seconds: number;
}

/**
 * The closing lines of a run: counts, throughput and the skipped files grouped by reason.
 *
 * @example
 * // indexed 3 documents (14 pages, 41 chunks) from 5 files in 1.92 s: 7.3 pages/s, 21.4 chunks/s
 * // reused 2 unchanged files
 * // skipped 2 files: empty file (1); unsupported format ".xyz" (1)
 */
export function formatSummary(summary: IngestSummary): string[] {
  const perSecond = (n: number) => (summary.seconds > 0 ? (n / summary.seconds).toFixed(1) : '–');
  // Throughput only means something when files were read; a run that reused them all only listed and stat'ed.
  const pace =
    summary.reused < summary.files
      ? `: ${perSecond(summary.pages)} pages/s, ${perSecond(summary.chunks)} chunks/s`
      : ' (nothing changed)';
  const lines = [
    `indexed ${summary.documents} documents (${summary.pages} pages, ${summary.chunks} chunks) from ${summary.files} files ` +
      `in ${summary.seconds.toFixed(2)} s${pace}`,
  ];
  if (summary.reused) lines.push(`reused ${summary.reused} unchanged file${summary.reused === 1 ? '' : 's'}`);
  if (summary.skipped.length) {
    const byReason = new Map<string, number>();
    for (const { reason } of summary.skipped) {
      // "corrupt PDF (Invalid PDF structure.)" and "corrupt PDF (bad XRef)" are one reason.
      const key = reason.replace(/\s*\(.*\)$/, '');
      byReason.set(key, (byReason.get(key) ?? 0) + 1);
    }
    const reasons = [...byReason].map(([reason, n]) => `${reason} (${n})`).join('; ');
    lines.push(`skipped ${summary.skipped.length} file${summary.skipped.length === 1 ? '' : 's'}: ${reasons}`);
  } else lines.push('skipped 0 files');
  if (summary.warned) lines.push(`indexed ${summary.warned} file${summary.warned === 1 ? '' : 's'} with a warning`);
  return lines;
}

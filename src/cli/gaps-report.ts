/**
 * The content-gap report as terminal text (`npm run gaps`): the admin page's sections —
 * questions per day with the refusal rate, refused questions, down-voted answers with
 * their comments — from the same queries (answer-log/report-sql.ts).
 */
import type { DayCount, QuestionItem } from '../answer-log/types.js';
import { printable } from '../ingest/printable.js';

export interface GapsReport {
  /** YYYY-MM-DD, the first day counted. */
  since: string;
  days: DayCount[];
  refused: QuestionItem[];
  down: QuestionItem[];
}

/** The widest bar of the per-day counts, in characters. */
const BAR_WIDTH = 30;
/** Questions and comments are cut here: a report row, not the whole text. */
const MAX_TEXT_CHARS = 120;

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '–');

/** One line, no control characters (a question could hold terminal escapes), and not too long. */
function clean(text: string): string {
  const line = printable(text);
  return line.length > MAX_TEXT_CHARS ? `${line.slice(0, MAX_TEXT_CHARS - 1)}…` : line;
}

/** `2026-05-01 09:30` in the local time zone. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function dailySection(days: DayCount[]): string[] {
  const lines = ['Questions per day · 일별 질문 수 (refused share)'];
  if (!days.length) return [...lines, '  none'];
  const max = Math.max(...days.map((d) => d.questions));
  for (const d of days) {
    const bar = '█'.repeat(Math.max(1, Math.round((d.questions / max) * BAR_WIDTH)));
    lines.push(
      `  ${d.day}  ${String(d.questions).padStart(5)}  ${bar.padEnd(BAR_WIDTH)}  ${d.refused} refused (${percent(d.refused, d.questions)})`,
    );
  }
  const total = days.reduce((sum, d) => sum + d.questions, 0);
  const refused = days.reduce((sum, d) => sum + d.refused, 0);
  lines.push(`  total ${total} questions, ${refused} refused (${percent(refused, total)})`);
  return lines;
}

function refusedSection(items: QuestionItem[]): string[] {
  const lines = ['Refused questions · 답하지 못한 질문 (most asked first)'];
  if (!items.length) return [...lines, '  none'];
  lines.push('  asked  refused  lang  last asked        question');
  for (const item of items) {
    lines.push(
      `  ${String(item.count).padStart(5)}  ${String(item.refused).padStart(7)}  ${item.language.padEnd(4)}  ${localTime(item.last_asked)}  ${clean(item.question)}`,
    );
  }
  return lines;
}

function downSection(items: QuestionItem[]): string[] {
  const lines = ['Down-voted answers · "틀림" 평가를 받은 답변 (most asked first)'];
  if (!items.length) return [...lines, '  none'];
  lines.push('  wrong  helpful  asked  lang  question');
  for (const item of items) {
    lines.push(
      `  ${String(item.down).padStart(5)}  ${String(item.up).padStart(7)}  ${String(item.count).padStart(5)}  ${item.language.padEnd(4)}  ${clean(item.question)}`,
    );
    if (item.documents.length) lines.push(`         cited: ${clean(item.documents.join(', '))}`);
    for (const c of item.comments)
      lines.push(`         ${c.rating === 'down' ? 'wrong' : 'helpful'}: ${clean(c.comment)}`);
  }
  return lines;
}

/** The report as lines of text. */
export function formatGapsReport(report: GapsReport): string {
  return [
    `Content gaps since ${report.since} (local database) · 콘텐츠 공백`,
    '',
    ...dailySection(report.days),
    '',
    ...refusedSection(report.refused),
    '',
    ...downSection(report.down),
  ].join('\n');
}

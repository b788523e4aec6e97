/**
 * `npm run gaps -- [--since YYYY-MM-DD] [--limit N] [--json]`: the content-gap report of
 * `/admin` in the terminal, from the local database `npm start` writes (issue 16).
 */
import {
  dailyStatement,
  questionsStatement,
  toDayCount,
  toQuestionItem,
  type QuestionRow,
} from '../answer-log/report-sql.js';
import { MAX_LIMIT } from '../channels/admin/admin-query.js';
import { isIsoCalendarDate } from '../text/dates.js';
import { fail, parseCli } from './args.js';
import { formatGapsReport, type GapsReport } from './gaps-report.js';
import { LocalD1Error, queryLocalD1 } from './local-d1.js';

const USAGE = 'npm run gaps -- [--since YYYY-MM-DD] [--limit N] [--json]';
/** As the admin page: the last 30 days, and the questions a screen holds. */
const DEFAULT_DAYS = 30;
const DEFAULT_LIMIT = 20;

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function readLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_LIMIT)
    fail(`--limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return limit;
}

function readSince(value: string | undefined): string {
  if (value === undefined) {
    const start = new Date();
    start.setDate(start.getDate() - (DEFAULT_DAYS - 1));
    return localDate(start);
  }
  if (!isIsoCalendarDate(value)) fail('--since must be a calendar date as YYYY-MM-DD');
  return value;
}

async function main() {
  const { values } = parseCli(USAGE, {
    since: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const since = readSince(values.since);
  const limit = readLimit(values.limit);
  // Days start at local midnight, as on the admin page.
  const sinceMs = new Date(`${since}T00:00:00`).getTime();
  const utcOffsetMinutes = -new Date().getTimezoneOffset();

  let rows: unknown[][];
  try {
    rows = await queryLocalD1([
      questionsStatement({ filter: 'refused', sinceMs, limit }),
      questionsStatement({ filter: 'down', sinceMs, limit }),
      dailyStatement({ sinceMs, utcOffsetMinutes }),
    ]);
  } catch (error) {
    if (!(error instanceof LocalD1Error)) throw error;
    const hint = /no such table/.test(error.message)
      ? ' (the local database has no answer log yet: npm start applies the migrations)'
      : '';
    fail(`reading the local database failed: ${error.message}${hint}`, 1);
  }
  const [refused = [], down = [], days = []] = rows;
  const report: GapsReport = {
    since,
    refused: (refused as QuestionRow[]).map(toQuestionItem),
    down: (down as QuestionRow[]).map(toQuestionItem),
    days: (days as Parameters<typeof toDayCount>[0][]).map(toDayCount),
  };
  console.log(values.json ? JSON.stringify(report, null, 2) : formatGapsReport(report));
}

main().catch((error: Error) => fail(error.message, 1));

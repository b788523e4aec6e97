/**
 * Calendar dates in the forms Korean and English announcements use:
 * `2026-04-30`, `2026.4.30.`, `2024.4.11.(목)`, `2026년 4월 30일`, `‘24년 4월 9일`,
 * `April 30, 2026`, `30 April 2026`, `Apr. 30`, `April 2026`, `2028년`.
 *
 * A date is a YYYYMMDD number with 0 for an unstated part: `2028년` is 20280000 and
 * `4월 30일` is 430, so a partial date can be compared field by field.
 */

export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  end: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAMES =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = String.raw`(?:\s?\((?:[월화수목금토일]|mon|tue|wed|thu|fri|sat|sun)\))?`;
const ORDINAL = '(?:st|nd|rd|th)?';

/** Each pattern is sticky; groups are mapped to year/month/day by its reader. */
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number, number] }[] = [
  {
    // 2026-04-30, 2026/4/30, 2026.4.30., 2024. 4. 11.(목)
    re: new RegExp(String.raw`(\d{4})\s?([-./])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?!\d)(?:\.(?!\d))?${WEEKDAY}`, 'y'),
    read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
  },
  {
    // ‘24년 4월 9일, '24.4.9.
    re: new RegExp(
      String.raw`['‘’\`]\s?(\d{2})(?:\s?년(?:\s?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?)?|\.\s?(\d{1,2})\.\s?(\d{1,2})(?!\d)\.?)${WEEKDAY}`,
      'y',
    ),
    read: (m) => {
      const yy = Number(m[1]);
      return [yy < 70 ? 2000 + yy : 1900 + yy, Number(m[2] ?? m[4] ?? 0), Number(m[3] ?? m[5] ?? 0)];
    },
  },
  {
    // 2026년 4월 30일, 2026년 4월, 2028년
    re: new RegExp(String.raw`(\d{4})\s?년(?:\s?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?)?${WEEKDAY}`, 'y'),
    read: (m) => [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)],
  },
  {
    // 4월 30일, 4월
    re: new RegExp(String.raw`(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?${WEEKDAY}`, 'y'),
    read: (m) => [0, Number(m[1]), Number(m[2] ?? 0)],
  },
  {
    // April 30, 2026; Apr. 30; April 30th 2026
    // `(?!,\d)`: `May 1,000 tons` is no date, but `April 30, 2026, the FSC…` is.
    re: new RegExp(String.raw`${MONTH_NAMES}\s(\d{1,2})${ORDINAL}(?!\d)(?:,?\s(\d{4}))?(?!\d|,\d)`, 'iy'),
    read: (m) => [Number(m[3] ?? 0), monthNumber(m[1]!), Number(m[2])],
  },
  {
    // 30 April 2026, 30th April
    re: new RegExp(String.raw`(\d{1,2})${ORDINAL}\s(?:of\s)?${MONTH_NAMES}(?:,?\s(\d{4}))?(?![a-z])`, 'iy'),
    read: (m) => [Number(m[3] ?? 0), monthNumber(m[2]!), Number(m[1])],
  },
  {
    // April 2026
    re: new RegExp(String.raw`${MONTH_NAMES}\s(\d{4})(?!\d)`, 'iy'),
    read: (m) => [Number(m[2]), monthNumber(m[1]!), 0],
  },
];

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(key)) + 1;
}

function isValid(year: number, month: number, day: number): boolean {
  if (year !== 0 && (year < 1900 || year > 2199)) return false;
  if (month < 0 || month > 12 || day < 0 || day > 31) return false;
  if (day > 0 && month === 0) return false;
  if (year === 0 && month === 0) return false;
  return true;
}

/**
 * True when year-month-day names a day that exists in the (proleptic Gregorian) calendar:
 * months 1-12, days up to the month's length, 29 February only in leap years. For dates a
 * user or a file states in full (front matter, a date filter), where 2026-02-31 is a typo
 * to report, not a date to keep.
 *
 * @example isCalendarDate(2024, 2, 29) // true; isCalendarDate(2026, 2, 31) // false
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** `YYYY-MM-DD` that is a real calendar date (see isCalendarDate). */
export function isIsoCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads a date starting exactly at `at`, or undefined. */
export function parseDateAt(s: string, at: number): ParsedDate | undefined {
  for (const { re, read } of PATTERNS) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m) continue;
    const [year, month, day] = read(m);
    if (isValid(year, month, day)) return { year, month, day, end: at + m[0].length };
  }
  return undefined;
}

export function dateValue(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

export function dateParts(value: number): { year: number; month: number; day: number } {
  return { year: Math.floor(value / 10000), month: Math.floor(value / 100) % 100, day: value % 100 };
}

/** Whether `text` states at least every part that `fact` states, with the same values. */
export function datesAgree(fact: number, text: number): boolean {
  const a = dateParts(fact);
  const b = dateParts(text);
  return (
    (a.year === 0 || a.year === b.year) && (a.month === 0 || a.month === b.month) && (a.day === 0 || a.day === b.day)
  );
}

/** `2026년 4월 30일` / `April 30, 2026`, with only the parts the date has. */
export function formatDate(value: number, lang: 'ko' | 'en'): string {
  const { year, month, day } = dateParts(value);
  if (lang === 'ko') {
    const parts: string[] = [];
    if (year) parts.push(`${year}년`);
    if (month) parts.push(`${month}월`);
    if (day) parts.push(`${day}일`);
    return parts.join(' ');
  }
  const name = month ? MONTHS[month - 1]!.replace(/^./, (c) => c.toUpperCase()) : '';
  if (month && day) return year ? `${name} ${day}, ${year}` : `${name} ${day}`;
  if (month) return year ? `${name} ${year}` : name;
  return String(year);
}

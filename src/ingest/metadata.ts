/**
 * Metadata found in a document's own text: the announcement date and the headline.
 */

/** Labels that introduce a release's date, most authoritative first (보도시점 is when it may be published). */
const DATE_LABELS = [
  /보도\s*시점|보도\s*일시|보도\s*일자|보도일/,
  /배포\s*일시|배포\s*일자|배포/,
  /작성\s*일|등록\s*일|게시\s*일|발표\s*일/,
  /\b(?:date|released|published)\b\s*:?/i,
];

/** How far after a label its date may start: tables put a time or "(인터넷)" between them. */
const LABEL_REACH = 40;
/** Unlabelled dates count only near the top: a date deep in the body is a date it talks about. */
const HEAD_CHARS = 1500;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Date forms of announcements: 2024.4.11.(목), 2024. 4. 9., 2024-04-09, 2024년 4월 9일, April 9, 2024. */
const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [string, string, string] }[] = [
  {
    re: /(?<!\d)((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)/g,
    read: (m) => [m[1]!, m[2]!, m[3]!],
  },
  { re: /(?<!\d)((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/g, read: (m) => [m[1]!, m[2]!, m[3]!] },
  {
    re: /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b/gi,
    read: (m) => [m[3]!, String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1), m[2]!],
  },
  {
    re: /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b/gi,
    read: (m) => [m[3]!, String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1), m[1]!],
  },
];

interface FoundDate {
  index: number;
  iso: string;
}

function isoDate(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const iso = isoDate(...read(m as RegExpExecArray));
      if (iso) found.push({ index: m.index!, iso });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The date of an announcement from its text, as YYYY-MM-DD: the date after a label such as
 * 보도시점 or 배포 (in that order of preference), else the first date near the top.
 *
 * @example dateFromText('보도자료\n보도시점 2024. 4. 9.(화) 14:00 배포 2024. 4. 8.(월)') // '2024-04-09'
 */
export function dateFromText(text: string): string | undefined {
  const dates = findDates(text);
  if (dates.length === 0) return undefined;
  for (const label of DATE_LABELS) {
    const re = new RegExp(label.source, `${label.flags.replace('g', '')}g`);
    for (const m of text.matchAll(re)) {
      const labelEnd = m.index! + m[0].length;
      const next = dates.find((d) => d.index >= labelEnd && d.index - labelEnd <= LABEL_REACH);
      if (next) return next.iso;
    }
  }
  const first = dates[0]!;
  return first.index < HEAD_CHARS ? first.iso : undefined;
}

/** Words that label a release rather than name it: never a title. */
const BOILERPLATE_TITLE =
  /^(?:보\s*도\s*자\s*료|보도\s*참고\s*자료|보도\s*설명\s*자료|참고\s*자료|설명\s*자료|해명\s*자료|브리핑\s*자료|press\s+release|news\s+release|media\s+release)$/i;

/** A line of text with the font size it is set in (points for PDF, HWP units for HWPX). */
export interface SizedLine {
  text: string;
  size: number;
}

/** A heading is set this much larger than the largest line to count with it (a two-line headline in two sizes). */
const HEADLINE_SIZE_SHARE = 0.85;
const MAX_TITLE_CHARS = 200;

/**
 * The headline of a release's first page: the lines in the largest type, skipping labels
 * such as 보도자료, page numbers and dates. Consecutive lines of the headline are joined.
 */
export function headlineFromLines(lines: SizedLine[]): string | undefined {
  const candidates = lines
    .map((line, order) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim(), order }))
    .filter((line) => isTitleLike(line.text));
  if (candidates.length === 0) return undefined;
  const largest = Math.max(...candidates.map((line) => line.size));
  const chars = (lines: typeof candidates) => lines.reduce((sum, line) => sum + line.text.length, 0);
  // All in one size (a plain text PDF): no headline stands out, so the first line names it.
  if (chars(candidates.filter((line) => line.size >= largest * HEADLINE_SIZE_SHARE)) > chars(candidates) / 2) {
    return candidates[0]!.text.slice(0, MAX_TITLE_CHARS);
  }
  const headline: string[] = [];
  let lastOrder = -1;
  for (const line of candidates) {
    if (line.size < largest * HEADLINE_SIZE_SHARE) {
      if (headline.length && line.order > lastOrder) break;
      continue;
    }
    if (headline.length && line.order !== lastOrder + 1) break;
    headline.push(line.text);
    lastOrder = line.order;
  }
  const title = headline.join(' ').replace(/\s+/g, ' ').trim();
  return title ? title.slice(0, MAX_TITLE_CHARS) : undefined;
}

function isTitleLike(text: string): boolean {
  if (!/[\p{L}]/u.test(text)) return false;
  if (BOILERPLATE_TITLE.test(text)) return false;
  if (/^[-–—\s]*\d+[-–—\s]*$/.test(text)) return false;
  // A dateline (보도시점 2024. 4. 9.(화) 14:00) is mostly its date; a headline with a date in it is not.
  let rest = text;
  for (const { re } of DATE_PATTERNS) rest = rest.replace(re, ' ');
  return rest === text || (rest.match(/\p{L}/gu)?.length ?? 0) >= 8;
}

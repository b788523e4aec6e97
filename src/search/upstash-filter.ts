/**
 * Search filters in Upstash Vector's filter syntax
 * (https://upstash.com/docs/vector/features/filtering): SQL-like comparisons joined by AND.
 *
 * Upstash compares with <, <=, >, >= only numbers, so a chunk's date is also stored as the
 * number YYYYMMDD (`day`), and `dateFrom: '2026-01-01'` becomes `day >= 20260101`. Tags are
 * matched case-insensitively, as the local index does, against the lower-cased `tagKeys`.
 */
import { BadRequestError } from '../errors.js';
import type { SearchFilters } from './types.js';

/** The metadata fields filters read (written by upstash-records.ts). */
export const FILTER_FIELDS = { lang: 'lang', day: 'day', tags: 'tagKeys', document: 'docId' } as const;

/** `2026-04-30` → 20260430, the number the `day` field holds. */
export function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? Number(`${match[1]}${match[2]}${match[3]}`) : undefined;
}

/**
 * A string literal. The docs allow single or double quotes and name no escape character,
 * so a value is quoted with the quote it does not contain; one holding both cannot be
 * written and is refused rather than guessed at.
 *
 * @example literal("Moody's") // "\"Moody's\""
 */
export function literal(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new BadRequestError(`a filter value cannot hold both ' and " (got ${JSON.stringify(value)})`);
}

function day(date: string, name: string): number {
  const number = dayNumber(date);
  if (number === undefined) throw new BadRequestError(`filters.${name} must be a date as YYYY-MM-DD`);
  return number;
}

const anyOf = (field: string, operator: string, values: string[]) =>
  values.length === 1
    ? `${field} ${operator} ${literal(values[0]!)}`
    : `(${values.map((v) => `${field} ${operator} ${literal(v)}`).join(' OR ')})`;

/**
 * The filter string for `filters`, or undefined when nothing is filtered.
 *
 * @example upstashFilter({ dateFrom: '2026-01-01', lang: 'ko' }) // "lang = 'ko' AND day >= 20260101"
 */
export function upstashFilter(filters: SearchFilters | undefined): string | undefined {
  if (!filters) return undefined;
  const clauses: string[] = [];
  if (filters.lang) clauses.push(`${FILTER_FIELDS.lang} = ${literal(filters.lang)}`);
  if (filters.dateFrom) clauses.push(`${FILTER_FIELDS.day} >= ${day(filters.dateFrom, 'dateFrom')}`);
  if (filters.dateTo) clauses.push(`${FILTER_FIELDS.day} <= ${day(filters.dateTo, 'dateTo')}`);
  if (filters.tags?.length) {
    clauses.push(
      anyOf(
        FILTER_FIELDS.tags,
        'CONTAINS',
        filters.tags.map((t) => t.toLowerCase()),
      ),
    );
  }
  if (filters.documents?.length)
    clauses.push(`${FILTER_FIELDS.document} IN (${filters.documents.map(literal).join(', ')})`);
  return clauses.length ? clauses.join(' AND ') : undefined;
}

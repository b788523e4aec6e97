/**
 * The admin API's query strings (DESIGN.md: `filter=refused|down|all&since=&limit=`),
 * validated like bodies: a 400 naming the first bad field.
 */
import * as z from 'zod';
import type { Context } from 'hono';
import { HttpError } from '../../errors.js';
import { isIsoCalendarDate } from '../../text/dates.js';

/** Rows a report page asks for by default, and at most: a page, not an export. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 time (`2026-05-01T09:00:00+09:00`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const since = z
  .string()
  .trim()
  // Date.parse rolls 2026-02-31 over to March: the calendar check keeps that typo a 400.
  .refine(
    (value) => ISO_DATE.test(value) && isIsoCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)),
    {
      message: 'must be an ISO date (2026-05-01) or time (2026-05-01T09:00:00+09:00)',
    },
  )
  .transform((value) => Date.parse(value))
  .optional();

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`);

export const questionsQuerySchema = z.object({
  filter: z.enum(['refused', 'down', 'all'], { message: 'must be refused, down or all' }).default('all'),
  since,
  limit: wholeNumber(1, MAX_LIMIT).default(DEFAULT_LIMIT),
});

export const dailyQuerySchema = z.object({
  since,
  // Minutes east of UTC (Korea: 540), so a day on the chart is the reader's day.
  tz_offset: wholeNumber(-720, 840).default(0),
});

/** Reads the query string with a schema. @throws HttpError 400 naming the first bad field. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, 'invalid_request', `${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  return parsed.data;
}

import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { isIsoCalendarDate } from '../text/dates.js';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), { message: 'must be YYYY-MM-DD' });

const frontMatterSchema = z.object({
  title: z.coerce.string().trim().min(1).optional(),
  date: isoDate.optional(),
  lang: z.enum(['ko', 'en']).optional(),
  source: z.coerce.string().trim().min(1).optional(),
  tags: z
    .union([z.array(z.coerce.string()), z.string().transform((s) => s.split(','))])
    .transform((tags) => tags.map((t) => t.trim()).filter(Boolean))
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const OPENING_FENCE = /^---[ \t]*\r?\n/;

export interface SplitFrontMatter {
  data: FrontMatter;
  body: string;
  /** What was wrong but did not stop the file from being read, for the ingest log. */
  warnings: string[];
  /** A `date` was given but is no calendar day: the document has no date, not one guessed from its text. */
  dateRejected?: true;
}

/**
 * Splits YAML front matter from a Markdown body. Unknown keys are ignored; a malformed
 * block or value throws with the key at fault, so ingest can name it in its warning.
 * Two mistakes keep the document with a warning instead: a date that is no calendar day
 * (2026-02-31: the document keeps no date rather than a wrong one), and an opening `---`
 * never closed, which is read as no front matter, the fence line dropped (it carries no
 * text either way: a thematic break or a forgotten closing fence).
 */
export function splitFrontMatter(source: string): SplitFrontMatter {
  const match = FENCE.exec(source);
  if (!match) {
    const opening = OPENING_FENCE.exec(source);
    if (!opening) return { data: {}, body: source, warnings: [] };
    return {
      data: {},
      body: source.slice(opening[0].length),
      warnings: ['front matter opened with --- but never closed; read as text without front matter'],
    };
  }
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    throw new Error(`front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('front matter is not a mapping');
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`front matter "${String(issue.path[0])}" ${issue.message}`);
  }
  const data = parsed.data;
  const warnings: string[] = [];
  if (data.date !== undefined && !isIsoCalendarDate(data.date)) {
    warnings.push(`front matter "date" ${data.date} is not a calendar date; the document is kept without a date`);
    delete data.date;
    return { data, body: source.slice(match[0].length), warnings, dateRejected: true };
  }
  return { data, body: source.slice(match[0].length), warnings };
}

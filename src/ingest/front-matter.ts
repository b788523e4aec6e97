import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

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

/**
 * Splits YAML front matter from a Markdown body. Unknown keys are ignored; a malformed
 * block or value throws with the key at fault, so ingest can name it in its warning.
 */
export function splitFrontMatter(source: string): { data: FrontMatter; body: string } {
  const match = FENCE.exec(source);
  if (!match) return { data: {}, body: source };
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
  return { data: parsed.data, body: source.slice(match[0].length) };
}

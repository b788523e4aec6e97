import * as z from 'zod';

/** A JSONL line that is not valid JSON or does not fit the schema, named by file and line. */
export class JsonlError extends Error {
  override name = 'JsonlError';
}

/** Parses JSON Lines against a schema; blank lines are skipped, bad lines are reported by number. */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, source: string): T[] {
  const out: T[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new JsonlError(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
      throw new JsonlError(`${source}:${i + 1}: ${issue.message}${where}`);
    }
    out.push(parsed.data);
  }
  return out;
}

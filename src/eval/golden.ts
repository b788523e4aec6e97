/**
 * The golden Q&A set (DESIGN.md, "Golden Q&A set"): one JSON case a line.
 *
 * Parsing is strict about the keys the contract names and silent about the others
 * (`page`, notes), so a golden file can carry extra annotations. A broken line stops the
 * run with its line number and field: grading against a half-read golden set would
 * report figures for questions nobody chose.
 */
import * as z from 'zod';
import type { ChatMessage, Lang } from '../types.js';

const message = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().trim().min(1, 'must not be empty'),
});

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const goldenCaseSchema = z
  .object({
    id: nonEmpty,
    lang: z.enum(['ko', 'en'], { message: 'must be "ko" or "en"' }),
    category: nonEmpty,
    question: nonEmpty,
    history: z.array(message).optional(),
    answerable: z.boolean({ message: 'must be true or false' }),
    sources: z.array(nonEmpty.transform((id) => id.normalize('NFC'))),
    facts: z.array(nonEmpty),
    reference: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.answerable) return;
    // A refusal cannot be graded against facts or sources: an unanswerable case with them is a typo.
    if (c.sources.length > 0)
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'must be empty when answerable is false' });
    if (c.facts.length > 0)
      ctx.addIssue({ code: 'custom', path: ['facts'], message: 'must be empty when answerable is false' });
  });

export interface GoldenCase {
  id: string;
  lang: Lang;
  category: string;
  question: string;
  history?: ChatMessage[];
  answerable: boolean;
  sources: string[];
  facts: string[];
  reference?: string;
}

export class GoldenFileError extends Error {
  override name = 'GoldenFileError';
}

/** At most this many problems are listed: a wrong file should not print a thousand lines. */
const MAX_REPORTED_PROBLEMS = 10;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')} ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Parses the text of a golden JSONL file. `name` (the file path) is used in errors.
 *
 * @example parseGolden(await readFile(file, 'utf8'), file)
 * @throws GoldenFileError listing the bad lines (`golden.jsonl line 7: lang must be "ko" or "en"`).
 */
export function parseGolden(text: string, name: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${lineNo}: not valid JSON (${(error as Error).message})`);
      return;
    }
    const parsed = goldenCaseSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(`line ${lineNo}: ${describeIssues(parsed.error)}`);
      return;
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      problems.push(`line ${lineNo}: id "${parsed.data.id}" repeats line ${previous}`);
      return;
    }
    seen.set(parsed.data.id, lineNo);
    const { history, reference, ...rest } = parsed.data;
    cases.push({ ...rest, ...(history?.length ? { history } : {}), ...(reference ? { reference } : {}) });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => `${name} ${p}`);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    throw new GoldenFileError(`invalid golden file:\n${shown.join('\n')}${more}`);
  }
  if (cases.length === 0) throw new GoldenFileError(`${name} holds no cases`);
  return cases;
}

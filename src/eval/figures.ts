/**
 * The evaluation figures of one checkout (`npm run eval:figures`): the aggregate shares of
 * every answer set and of the sealed set, and bench:answer's third-party figures, read from
 * the eval and bench JSON. docs/evaluation.md shows two such files side by side in a table
 * this module writes, so no figure there is maintained by hand. Aggregates only: a figures
 * file never holds a case (the sealed set's cases stay unread).
 */
import * as z from 'zod';

/** The shares kept per set, as the eval JSON names them. */
export const SET_METRICS = [
  'fact_recall',
  'answer_accuracy',
  'citation_precision',
  'refusal_accuracy',
  'hit@5',
  'language_match',
] as const;
const METRIC_NAMES: Record<(typeof SET_METRICS)[number], string> = {
  fact_recall: 'fact recall',
  answer_accuracy: 'answer acc.',
  citation_precision: 'citation prec.',
  refusal_accuracy: 'refusal acc.',
  'hit@5': 'hit@5',
  language_match: 'language',
};
/** A fall larger than this needs a word on the general behaviour traded (issue 17). */
export const NOTABLE_DROP = 0.05;

const share = z.number().nullable();
const setFigures = z.object({
  cases: z.number(),
  fact_recall: share,
  answer_accuracy: share,
  citation_precision: share,
  refusal_accuracy: share,
  'hit@5': share,
  language_match: share,
});
const figuresSchema = z.object({
  /** The commit measured, and what it is (e.g. "before issue 17"). */
  commit: z.string(),
  label: z.string(),
  sets: z.record(z.string(), setFigures),
  /** bench:answer on allganize-ko: the refusal calibration at `threshold`, and the reference figures. */
  answerBench: z
    .object({
      questions: z.number(),
      threshold: z.number(),
      answered: z.number(),
      refused: z.number(),
      balanced: z.number(),
      figures: z.object({
        questions: z.number(),
        answered: z.number(),
        anyFigure: z.number(),
        figureRecall: z.number(),
      }),
    })
    .optional(),
});
export type Figures = z.infer<typeof figuresSchema>;
export type SetFigures = z.infer<typeof setFigures>;

/** Reads a figures file. @throws naming the file when it is not one. */
export function parseFigures(text: string, file: string): Figures {
  const parsed = figuresSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a figures file: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** The figures of one eval run's summary (the eval JSON's `summary`), rounded to 3 decimals. */
export function setFiguresOf(summary: Record<string, unknown>): SetFigures {
  const round = (v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : null);
  return {
    cases: Number(summary.cases),
    ...Object.fromEntries(SET_METRICS.map((m) => [m, round(summary[m])])),
  } as SetFigures;
}

const fixed = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));

/** "0.954 → 0.939"; a fall beyond NOTABLE_DROP is bold. */
export function change(before: number | null | undefined, after: number | null | undefined): string {
  const cell = `${fixed(before)} → ${fixed(after)}`;
  const drop = typeof before === 'number' && typeof after === 'number' && before - after > NOTABLE_DROP;
  return drop ? `**${cell}**` : cell;
}

/**
 * One Markdown table: each answer set's shares before → after, then bench:answer's rows.
 * Sets only in one file show `–` on the other side.
 */
export function figuresTable(before: Figures, after: Figures, describe: Record<string, string> = {}): string {
  const header = ['set (cases)', ...SET_METRICS.map((m) => METRIC_NAMES[m])];
  const rows = [...new Set([...Object.keys(after.sets), ...Object.keys(before.sets)])].map((name) => {
    const b = before.sets[name];
    const a = after.sets[name];
    const label = `${describe[name] ?? `\`${name}\``} (${a?.cases ?? b?.cases})`;
    return [label, ...SET_METRICS.map((m) => change(b?.[m], a?.[m]))];
  });
  const [b, a] = [before.answerBench, after.answerBench];
  if (b || a) {
    const blank = SET_METRICS.slice(3).map(() => '');
    rows.push(
      [
        `bench:answer, allganize (${(a ?? b)!.questions}): support threshold ${(a ?? b)!.threshold}`,
        `answered with the gold page ${change(b?.answered, a?.answered)}`,
        `refused without its document ${change(b?.refused, a?.refused)}`,
        `balanced ${change(b?.balanced, a?.balanced)}`,
        ...blank,
      ],
      [
        `bench:answer, reference figures (${(a ?? b)!.figures.questions})`,
        `answered ${change(b?.figures.answered, a?.figures.answered)}`,
        `any figure stated ${change(b?.figures.anyFigure, a?.figures.anyFigure)}`,
        `figure recall ${change(b?.figures.figureRecall, a?.figures.figureRecall)}`,
        ...blank,
      ],
    );
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_h, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export const TABLE_START = '<!-- figures:start (npm run eval:figures writes this table) -->';
export const TABLE_END = '<!-- figures:end -->';

/** The document with the text between the figure markers replaced. @throws when the markers are missing. */
export function replaceTable(document: string, table: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the document has no ${TABLE_START} … ${TABLE_END} block`);
  return `${document.slice(0, start + TABLE_START.length)}\n${table}\n${document.slice(end)}`;
}

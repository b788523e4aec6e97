/**
 * `npm run bench:answer -- --passages FILE --questions FILE [--json FILE]`
 * Calibration of the offline answerer's refusal threshold (src/bench/answer-calibration.ts)
 * on a retrieval benchmark's questions: prints answer and refusal rates per threshold; then,
 * where the benchmark gives reference answers, how many of their figures the offline answers
 * carry (src/bench/answer-figures.ts), answered from a context holding the gold page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { parsePassages, parseQuestions, questionHalf } from '../bench/retrieval-bench.js';
import { createIndexData, LocalIndex } from '../search/local-index.js';
import { primaryLanguage } from '../text/language.js';
import { calibrateContexts, goldContexts, sweep, type CalibrationCase } from '../bench/answer-calibration.js';
import { composeExtractiveAnswer } from '../answer/extractive/extractive-model.js';
import { buildPrompt } from '../answer/prompts.js';
import { toContextSources } from '../answer/context.js';
import { figureOutcome, sharedFigures, summarizeFigures, type FigureOutcome } from '../bench/answer-figures.js';
import { MIN_SUPPORT } from '../answer/extractive/select.js';

const USAGE = 'npm run bench:answer -- --passages FILE --questions FILE [--json FILE]';
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

/** Pages of one document share the id up to " - <page>" (allganize: "finance - file.pdf - 4"). */
const documentOf = (passageId: string) => passageId.replace(/ - \d+$/, '');

async function main() {
  const { values } = parseCli(USAGE, {
    passages: { type: 'string' },
    questions: { type: 'string' },
    json: { type: 'string' },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  if (!values.passages || !values.questions) fail(`--passages and --questions are required\nusage: ${USAGE}`);
  const passages = parsePassages(await readFile(resolve(values.passages), 'utf8'), values.passages);
  const questions = parseQuestions(await readFile(resolve(values.questions), 'utf8'), values.questions);

  const index = new LocalIndex(
    createIndexData(
      passages.map((p) => ({ id: p.id, title: p.title, lang: primaryLanguage(`${p.title} ${p.text}`) })),
      passages.map((p) => ({ id: `${p.id}#0`, docId: p.id, ordinal: 0, text: p.text })),
    ),
  );
  const textOf = new Map(passages.map((p) => [p.id, p.text]));
  const cases: CalibrationCase[] = [];
  const figures: FigureOutcome[] = [];
  for (const q of questions) {
    const gold = q.all_gold_passage_ids ?? [q.passage_id!];
    const goldDocs = new Set(gold.map(documentOf));
    const question = {
      id: q.id,
      question: q.question,
      goldPassageIds: gold,
      goldDocument: (id: string) => goldDocs.has(documentOf(id)),
    };
    // One search per question serves both the calibration and the figure check.
    const contexts = await goldContexts(question, index);
    cases.push(calibrateContexts(question, contexts));

    const wanted = sharedFigures((q.answers ?? []).join('\n'), gold.map((id) => textOf.get(id) ?? '').join('\n'));
    if (wanted.length === 0) continue;
    const language = primaryLanguage(q.question);
    const prompt = buildPrompt({
      question: q.question,
      history: [],
      sources: toContextSources(contexts.withGold),
      language,
    });
    figures.push(figureOutcome(q.id, wanted, composeExtractiveAnswer(prompt)));
  }

  console.log(`${cases.length} questions; MIN_SUPPORT is ${MIN_SUPPORT}`);
  console.log('threshold  answered (gold in context)  refused (gold document removed)  balanced');
  for (const row of sweep(cases, THRESHOLDS)) {
    const mark = Math.abs(row.threshold - MIN_SUPPORT) < 1e-9 ? '  <- MIN_SUPPORT' : '';
    console.log(
      `${row.threshold.toFixed(2).padStart(9)}  ${row.answered.toFixed(3).padStart(25)}  ${row.refused.toFixed(3).padStart(31)}  ${row.balanced.toFixed(3).padStart(8)}${mark}`,
    );
  }
  if (figures.length) {
    console.log(`\nfigures of the reference answers (questions whose reference states a figure its gold page states):`);
    // Halves as in bench:retrieval, so one half can be studied while the other stays unseen.
    for (const [name, outcomes] of [
      ['all', figures],
      ['half A', figures.filter((o) => questionHalf(o.id) === 0)],
      ['half B', figures.filter((o) => questionHalf(o.id) === 1)],
    ] as const) {
      const f = summarizeFigures([...outcomes]);
      console.log(
        `  ${name.padEnd(6)} ${String(f.questions).padStart(3)} questions  answered ${f.answered.toFixed(3)}  any figure stated ${f.anyFigure.toFixed(3)}  figure recall ${f.figureRecall.toFixed(3)}`,
      );
    }
  }
  if (values.json)
    await writeFile(
      resolve(values.json),
      JSON.stringify(
        { cases, sweep: sweep(cases, THRESHOLDS), figures, figureSummary: summarizeFigures(figures) },
        null,
        2,
      ),
    );
}

main().catch((error) => fail((error as Error).message, 1));

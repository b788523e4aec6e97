/**
 * `npm run bench:retrieval -- --passages FILE --questions FILE [--json FILE] [--details FILE]`
 * Indexes the passages, asks every question, prints a progress line and a summary table
 * (with the two fixed halves of the questions) and writes the DESIGN.md JSON with --json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { heapUsedAfterGc } from './heap.js';
import { parsePassages, parseQuestions, runRetrievalBench } from '../bench/retrieval-bench.js';
import type { RankingMetrics } from '../bench/retrieval-metrics.js';

const USAGE = 'npm run bench:retrieval -- --passages FILE --questions FILE [--json FILE] [--details FILE]';

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(resolve(file), 'utf8');
  } catch (error) {
    fail(`cannot read ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 1);
  }
}

const f3 = (x: number) => x.toFixed(3);
const row = (name: string, n: number, m: RankingMetrics) =>
  `${name.padEnd(12)} ${String(n).padStart(9)} ${f3(m['R@1'])}  ${f3(m['R@5'])}  ${f3(m['R@10'])}   ${f3(m['MRR@10'])}   ${f3(m['nDCG@10'])}`;

async function main() {
  const { values } = parseCli(USAGE, {
    passages: { type: 'string' },
    questions: { type: 'string' },
    json: { type: 'string' },
    details: { type: 'string' },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  if (!values.passages || !values.questions) fail(`--passages and --questions are required\nusage: ${USAGE}`);

  const passages = parsePassages(await readText(values.passages, '--passages'), values.passages);
  const questions = parseQuestions(await readText(values.questions, '--questions'), values.questions);
  if (passages.length === 0) fail(`${values.passages} holds no passages`, 1);
  const known = new Set(passages.map((p) => p.id));
  const orphan = questions.find((q) => !(q.all_gold_passage_ids ?? [q.passage_id!]).some((id) => known.has(id)));
  if (orphan) process.stderr.write(`warning: question ${orphan.id} names no passage of ${values.passages}\n`);

  const tty = process.stderr.isTTY;
  const report = await runRetrievalBench(passages, questions, {
    heapUsed: heapUsedAfterGc,
    onProgress: (done, total, hits) => {
      if (tty || done === total || done % 25 === 0) {
        const line = `query ${done}/${total}  R@1 so far ${(hits / done).toFixed(3)}`;
        process.stderr.write(tty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
      }
    },
  });
  const r = report.result;
  const [a, b] = report.halves;
  console.log(`\n${'set'.padEnd(12)} ${'questions'.padStart(9)} R@1    R@5    R@10    MRR@10  nDCG@10`);
  console.log(row('all', r.questions, r));
  console.log(row('half A', a.questions, a));
  console.log(row('half B', b.questions, b));
  console.log(
    `\n${r.passages} passages; build ${r.build_ms} ms; index heap ${r.heap_mb} MiB; ` +
      `query p50 ${r.query_ms_p50} ms, p95 ${r.query_ms_p95} ms`,
  );
  if (values.json) await writeFile(resolve(values.json), `${JSON.stringify(r, null, 2)}\n`);
  if (values.details) await writeFile(resolve(values.details), report.details.map((d) => JSON.stringify(d)).join('\n'));
}

main().catch((error) => fail((error as Error).message, 1));

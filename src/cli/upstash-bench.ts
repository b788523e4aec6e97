/**
 * `npm run bench:upstash -- [--golden FILE] [--chunks N] [--json FILE]`
 *
 * The golden set through the local index and through the Upstash adapter in one run, on
 * loopback fakes (test/fakes: the Upstash REST server and an OpenAI-compatible endpoint
 * whose embeddings are deterministic hashed character bigrams), so the figures need no
 * account and repeat exactly. Rows: the local index as shipped (keywords), the local index
 * with the same fake embedder (hybrid, the apples-to-apples row), and Upstash with RRF and
 * DBSF. Then ingest throughput and query latency against the fake at `--chunks` synthetic
 * chunks. Exits 1 when Upstash's hit@5 is more than 0.02 from the local index's.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { PROJECT_ROOT } from './paths.js';
import { buildIndexFromCorpus } from './index-store.js';
import { DEFAULT_CORPUS_DIR } from './paths.js';
import { parseGolden } from '../eval/golden.js';
import { runEval } from '../eval/runner.js';
import { inProcessTarget } from '../eval/targets.js';
import type { EvalSummary } from '../eval/types.js';
import { ExtractiveChatModel } from '../answer/extractive/extractive-model.js';
import { createIndexData, embedChunks, LocalIndex } from '../search/local-index.js';
import type { Retriever } from '../search/types.js';
import { quantile } from '../bench/retrieval-metrics.js';
import { sourceSentences, syntheticCorpus } from '../bench/synthetic-corpus.js';
import { HIT5_TOLERANCE, startUpstashFixture } from '../../test/helpers/upstash.js';

const USAGE = 'npm run bench:upstash -- [--golden FILE] [--chunks N] [--json FILE]';
const SCALE_QUERIES = 50;

const f3 = (x: number | null) => (x === null ? '  –  ' : x.toFixed(3));

async function main() {
  const { values } = parseCli(USAGE, {
    golden: { type: 'string', default: join(PROJECT_ROOT, 'evals', 'golden.jsonl') },
    chunks: { type: 'string', default: '2000' },
    json: { type: 'string' },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const scale = Number(values.chunks);
  if (!Number.isInteger(scale) || scale < 0) fail(`--chunks must be a whole number (got "${values.chunks}")`);
  const golden = parseGolden(await readFile(resolve(values.golden), 'utf8'), values.golden);

  const fixture = await startUpstashFixture();
  try {
    const built = await buildIndexFromCorpus(DEFAULT_CORPUS_DIR);
    const { documents, chunks, glossary } = built.data;
    const ingestStarted = performance.now();
    const synced = await fixture.sync({ documents, chunks, glossary });
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const dense = await embedChunks(documents, chunks, fixture.embedder);

    const rows: [string, Retriever][] = [
      ['local index (keywords, as shipped)', new LocalIndex(built.data)],
      [
        'local index + same fake embedder',
        new LocalIndex(createIndexData(documents, chunks, { dense }), { embedder: fixture.embedder }),
      ],
      ['Upstash adapter, RRF', await fixture.open()],
      ['Upstash adapter, DBSF', await fixture.open({ fusion: 'DBSF' })],
    ];
    const summaries: Record<string, EvalSummary> = {};
    for (const [name, retriever] of rows) {
      process.stderr.write(`${name}: ${golden.length} cases…\n`);
      const run = await runEval(golden, {
        target: inProcessTarget({ retriever, model: new ExtractiveChatModel() }, name),
      });
      summaries[name] = run.summary;
    }

    const header = `${'retriever'.padEnd(36)} hit@1  hit@5  mrr@10 facts  answer refusal p50 ms`;
    console.log(`\n${values.golden.replace(`${PROJECT_ROOT}/`, '')}, ${golden.length} cases, offline answerer\n`);
    console.log(header);
    for (const [name, s] of Object.entries(summaries)) {
      console.log(
        `${name.padEnd(36)} ${f3(s['hit@1'])}  ${f3(s['hit@5'])}  ${f3(s['mrr@10'])}  ${f3(s.fact_recall)}  ` +
          `${f3(s.answer_accuracy)}  ${f3(s.refusal_accuracy)}   ${String(Math.round(s.latency_ms_p50 ?? 0)).padStart(4)}`,
      );
    }
    console.log(
      `\ningest of the sample corpus into the fake: ${synced.chunks.upserted} chunks in ${ingestSeconds.toFixed(2)} s ` +
        `(${(synced.chunks.upserted / ingestSeconds).toFixed(0)} chunks/s, embeddings included)`,
    );

    let scaleRow: Record<string, number> | undefined;
    if (scale > 0) {
      const sentences = sourceSentences(chunks.map((c) => c.text));
      const synthetic = syntheticCorpus(
        sentences,
        documents.map((d) => d.title),
        { chunks: scale, seed: 7 },
      );
      const started = performance.now();
      const result = await fixture.sync({ ...synthetic, glossary }, { namespace: 'scale' });
      const seconds = (performance.now() - started) / 1000;
      const index = await fixture.open({ namespace: 'scale' });
      const questions = golden.map((g) => g.question).slice(0, SCALE_QUERIES);
      const times: number[] = [];
      for (const question of questions) {
        const t = performance.now();
        await index.search(question);
        times.push(performance.now() - t);
      }
      scaleRow = {
        chunks: scale,
        ingest_seconds: seconds,
        chunks_per_second: result.chunks.upserted / seconds,
        requests: result.requests,
        query_ms_p50: quantile(times, 0.5),
        query_ms_p95: quantile(times, 0.95),
      };
      console.log(
        `ingest of ${scale} synthetic chunks into the fake: ${seconds.toFixed(1)} s (${scaleRow.chunks_per_second!.toFixed(0)} ` +
          `chunks/s, ${result.requests} Upstash requests); query p50 ${scaleRow.query_ms_p50!.toFixed(1)} ms, ` +
          `p95 ${scaleRow.query_ms_p95!.toFixed(1)} ms over ${times.length} questions`,
      );
    }

    const local = summaries[rows[0]![0]]!['hit@5'] ?? 0;
    const upstash = summaries[rows[2]![0]]!['hit@5'] ?? 0;
    const within = Math.abs(upstash - local) <= HIT5_TOLERANCE + 1e-9;
    console.log(
      `\nhit@5: local ${local.toFixed(3)}, Upstash ${upstash.toFixed(3)} (Δ ${(upstash - local).toFixed(3)}, ` +
        `${within ? 'within' : 'OUTSIDE'} ±${HIT5_TOLERANCE})`,
    );
    if (values.json) {
      await writeFile(
        resolve(values.json),
        `${JSON.stringify({ golden: values.golden, summaries, scale: scaleRow }, null, 2)}\n`,
      );
    }
    if (!within) process.exitCode = 1;
  } finally {
    await fixture.close();
  }
}

main().catch((error) => fail((error as Error).message, 1));

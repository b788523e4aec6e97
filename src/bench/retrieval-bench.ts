/**
 * The retrieval benchmark (DESIGN.md "Retrieval benchmark files"): every passage becomes a
 * one-chunk document of the local index, every question is searched as a user would ask
 * it, and the ranking is scored against the gold passages.
 */
import * as z from 'zod';
import type { Chunk, DocumentMeta } from '../types.js';
import type { Retriever } from '../search/types.js';
import { createIndexData, LocalIndex } from '../search/local-index.js';
import { primaryLanguage } from '../text/language.js';
import { parseJsonl } from './jsonl.js';
import { quantile, rankingMetrics, type RankedQuestion, type RankingMetrics } from './retrieval-metrics.js';

export const benchPassageSchema = z.object({ id: z.string().min(1), title: z.string().default(''), text: z.string() });
export const benchQuestionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    passage_id: z.string().optional(),
    all_gold_passage_ids: z.array(z.string()).optional(),
    /** Reference answers, where the benchmark has them (`bench:answer` checks figures against them). */
    answers: z.array(z.string()).optional(),
  })
  .refine((q) => q.passage_id !== undefined || (q.all_gold_passage_ids?.length ?? 0) > 0, {
    message: 'needs "passage_id" or a non-empty "all_gold_passage_ids"',
  });

export type BenchPassage = z.infer<typeof benchPassageSchema>;
export type BenchQuestion = z.infer<typeof benchQuestionSchema>;

export const parsePassages = (text: string, source: string) => parseJsonl(text, benchPassageSchema, source);
export const parseQuestions = (text: string, source: string) => parseJsonl(text, benchQuestionSchema, source);

/** The JSON the benchmark writes (DESIGN.md, keys exactly). */
export interface RetrievalBenchResult extends RankingMetrics {
  passages: number;
  questions: number;
  build_ms: number;
  query_ms_p50: number;
  query_ms_p95: number;
  heap_mb: number;
}

export interface RetrievalBenchOptions {
  /** Builds the retriever under test; the local index by default. */
  createRetriever?: (documents: DocumentMeta[], chunks: Chunk[]) => Retriever;
  /** Heap in use, in bytes, after a full collection when possible (the CLI passes one). */
  heapUsed?: () => number;
  onProgress?: (done: number, total: number, hitsAt1: number) => void;
}

export interface RetrievalBenchReport {
  result: RetrievalBenchResult;
  /** The same metrics on two fixed halves of the questions, to check for overfitting. */
  halves: [RankingMetrics & { questions: number }, RankingMetrics & { questions: number }];
  /** Per question: its id, gold ids and the top ten, for inspection. */
  details: (RankedQuestion & { id: string })[];
}

const TOP_K = 10;

/** Which half a question belongs to: a stable hash of its id, so file order does not matter. */
export function questionHalf(id: string): 0 | 1 {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? 0 : 1;
}

function toCorpus(passages: BenchPassage[]): { documents: DocumentMeta[]; chunks: Chunk[] } {
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  for (const p of passages) {
    documents.push({ id: p.id, title: p.title, lang: primaryLanguage(`${p.title} ${p.text}`) });
    chunks.push({ id: `${p.id}#0`, docId: p.id, ordinal: 0, text: p.text });
  }
  return { documents, chunks };
}

/** Runs every question against an index of the passages and measures quality and speed. */
export async function runRetrievalBench(
  passages: BenchPassage[],
  questions: BenchQuestion[],
  options: RetrievalBenchOptions = {},
): Promise<RetrievalBenchReport> {
  const heapUsed = options.heapUsed ?? (() => 0);
  const create = options.createRetriever ?? ((documents, chunks) => new LocalIndex(createIndexData(documents, chunks)));

  const heapBefore = heapUsed();
  const started = performance.now();
  const { documents, chunks } = toCorpus(passages);
  const retriever = create(documents, chunks);
  const buildMs = performance.now() - started;
  const heapMb = Math.max(0, heapUsed() - heapBefore) / 2 ** 20;

  // Steady-state timings, as a long-lived worker isolate sees them: a first pass over the
  // questions pays for JIT compilation (up to 14 ms a query on the first pass, 0.5 ms after).
  for (const q of questions) await retriever.search(q.question, { limit: TOP_K });
  const times: number[] = [];
  const details: RetrievalBenchReport['details'] = [];
  let hitsAt1 = 0;
  for (const q of questions) {
    const gold = q.all_gold_passage_ids?.length ? q.all_gold_passage_ids : [q.passage_id!];
    const t0 = performance.now();
    const hits = await retriever.search(q.question, { limit: TOP_K });
    times.push(performance.now() - t0);
    const ranked: string[] = [];
    for (const hit of hits) if (!ranked.includes(hit.passage.docId)) ranked.push(hit.passage.docId);
    if (gold.includes(ranked[0] ?? '')) hitsAt1++;
    details.push({ id: q.id, gold, ranked: ranked.slice(0, TOP_K) });
    options.onProgress?.(details.length, questions.length, hitsAt1);
  }

  const half = (h: 0 | 1) => {
    const subset = details.filter((d) => questionHalf(d.id) === h);
    return { questions: subset.length, ...rankingMetrics(subset) };
  };
  return {
    result: {
      passages: passages.length,
      questions: questions.length,
      ...rankingMetrics(details),
      build_ms: round(buildMs, 1),
      query_ms_p50: round(quantile(times, 0.5), 3),
      query_ms_p95: round(quantile(times, 0.95), 3),
      heap_mb: round(heapMb, 1),
    },
    halves: [half(0), half(1)],
    details,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

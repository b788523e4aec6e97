/**
 * The scale benchmark (issue 14): the local index against a plain bigram BM25 over the same
 * synthetic corpus, measured in one process and one run, so ratios hold even when the
 * machine is noisy. Query timings interleave the two engines round by round.
 */
import type { Chunk, DocumentMeta } from '../types.js';
import { createIndexData, LocalIndex, type LocalIndexData } from '../search/local-index.js';
import { PlainBm25 } from './plain-bm25.js';
import { quantile } from './retrieval-metrics.js';

/** What issue 14 asks of the local index at this size and beyond, as ratios to the plain BM25. */
export const TARGET_CHUNKS = 100_000;
export const SCALE_TARGETS = { heap_mb: 1.3, query_ms_p95: 1.5, build_ms: 1.5 } as const;
export type TargetFigure = keyof typeof SCALE_TARGETS;

export interface EngineFigures {
  build_ms: number;
  heap_mb: number;
  query_ms_p50: number;
  query_ms_p95: number;
}

export interface IndexFileFigures {
  /** All asset files together (manifest and shards). */
  file_mb: number;
  /** The largest single asset: what the 25 MiB per-file limit is checked against. */
  largest_file_mb: number;
  files: number;
  /** Parsing the files back into a searchable index. */
  load_ms: number;
  /** The heap of the index loaded from its files, chunk texts included: what a worker holds. */
  loaded_heap_mb: number;
}

export interface TargetCheck {
  figure: TargetFigure;
  ratio: number;
  limit: number;
  pass: boolean;
}

export interface ScaleResult {
  chunks: number;
  index: EngineFigures & IndexFileFigures;
  plain: EngineFigures;
  /** index / plain per figure. */
  ratios: Record<TargetFigure | 'query_ms_p50', number>;
  /** Checked only from TARGET_CHUNKS on; empty below. */
  targets: TargetCheck[];
}

/** Writes an index's data to its asset files (outside the heap) and reads it back, for the file figures. */
export type IndexRoundTrip = (data: LocalIndexData) => Promise<{ bytes: number[]; load: () => Promise<LocalIndex> }>;

export interface ScaleBenchOptions {
  questions: readonly string[];
  /** Queries per engine per round. */
  queries: number;
  /** Rounds of queries; the engines alternate which goes first. */
  rounds?: number;
  /** Heap in use, in bytes, after a full collection. */
  heapUsed: () => number;
  roundTrip: IndexRoundTrip;
}

const MIB = 2 ** 20;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function timed<T>(build: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = build();
  return { value, ms: performance.now() - started };
}

/** Builds both engines over the corpus and measures them side by side. */
export async function measureScale(
  corpus: { documents: DocumentMeta[]; chunks: Chunk[] },
  options: ScaleBenchOptions,
): Promise<ScaleResult> {
  const { heapUsed } = options;
  let before = heapUsed();
  const plain = timed(() => new PlainBm25(corpus.chunks.map((c) => c.text)));
  const plainHeap = heapUsed() - before;

  before = heapUsed();
  const built = timed(() => {
    const data = createIndexData(corpus.documents, corpus.chunks);
    return { data: data as LocalIndexData | undefined, index: new LocalIndex(data) as LocalIndex | undefined };
  });
  // The asset files go to disk, and the build's raw frequencies are let go (the index has
  // its impacts): what stays is what a loaded index keeps beyond the chunk texts.
  const file = await options.roundTrip(built.value.data!);
  built.value.data = undefined;
  const indexHeap = heapUsed() - before;
  built.value.index = undefined;

  before = heapUsed();
  const loadStarted = performance.now();
  const index = await file.load();
  const loadMs = performance.now() - loadStarted;
  const loadedHeap = heapUsed() - before;

  const { plainTimes, indexTimes } = await timeQueries(plain.value, index, options);
  const indexFigures: EngineFigures = {
    build_ms: Math.round(built.ms),
    heap_mb: round(indexHeap / MIB, 1),
    query_ms_p50: round(quantile(indexTimes, 0.5), 3),
    query_ms_p95: round(quantile(indexTimes, 0.95), 3),
  };
  const plainFigures: EngineFigures = {
    build_ms: Math.round(plain.ms),
    heap_mb: round(plainHeap / MIB, 1),
    query_ms_p50: round(quantile(plainTimes, 0.5), 3),
    query_ms_p95: round(quantile(plainTimes, 0.95), 3),
  };
  const ratio = (figure: keyof EngineFigures) => round(indexFigures[figure] / plainFigures[figure], 2);
  const ratios = {
    build_ms: ratio('build_ms'),
    heap_mb: ratio('heap_mb'),
    query_ms_p50: ratio('query_ms_p50'),
    query_ms_p95: ratio('query_ms_p95'),
  };
  const chunks = corpus.chunks.length;
  const targets =
    chunks < TARGET_CHUNKS
      ? []
      : (Object.keys(SCALE_TARGETS) as TargetFigure[]).map((figure) => ({
          figure,
          ratio: ratios[figure],
          limit: SCALE_TARGETS[figure],
          pass: ratios[figure] <= SCALE_TARGETS[figure],
        }));
  return {
    chunks,
    index: {
      ...indexFigures,
      file_mb: round(file.bytes.reduce((a, b) => a + b, 0) / MIB, 1),
      largest_file_mb: round(Math.max(...file.bytes) / MIB, 1),
      files: file.bytes.length,
      load_ms: Math.round(loadMs),
      loaded_heap_mb: round(loadedHeap / MIB, 1),
    },
    plain: plainFigures,
    ratios,
    targets,
  };
}

/** Steady-state query times: a warm-up, then rounds in which the engines alternate going first. */
async function timeQueries(plain: PlainBm25, index: LocalIndex, options: ScaleBenchOptions) {
  const { questions, queries } = options;
  const plainTimes: number[] = [];
  const indexTimes: number[] = [];
  const runPlain = () => {
    for (let i = 0; i < queries; i++) {
      const started = performance.now();
      plain.search(questions[i % questions.length]!, 10);
      plainTimes.push(performance.now() - started);
    }
  };
  const runIndex = async () => {
    for (let i = 0; i < queries; i++) {
      const started = performance.now();
      await index.search(questions[i % questions.length]!, { limit: 10 });
      indexTimes.push(performance.now() - started);
    }
  };
  for (const q of questions.slice(0, 20)) {
    plain.search(q, 10);
    await index.search(q, { limit: 10 });
  }
  const rounds = options.rounds ?? 3;
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      runPlain();
      await runIndex();
    } else {
      await runIndex();
      runPlain();
    }
  }
  return { plainTimes, indexTimes };
}

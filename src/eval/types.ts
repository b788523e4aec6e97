/**
 * Shapes of an evaluation run. The JSON written by `npm run eval -- --json FILE` is
 * `{ summary, cases, meta }` with these types; the summary keys are a contract
 * (DESIGN.md, "Command line"), so they keep their snake_case and `@` spelling.
 */
import type { ChatResponse, Lang } from '../types.js';

/** The deterministic metrics, in the order reports show them. */
export const METRIC_KEYS = [
  'hit@1',
  'hit@5',
  'mrr@10',
  'fact_recall',
  'answer_accuracy',
  'citation_precision',
  'refusal_accuracy',
  'language_match',
  'latency_ms_p50',
  'latency_ms_p95',
] as const;

/** Reported beside the deterministic metrics when an LLM judge ran, never instead of them. */
export const JUDGE_METRIC_KEYS = ['judge_faithfulness', 'judge_correctness'] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
export type JudgeMetricKey = (typeof JUDGE_METRIC_KEYS)[number];
export type AnyMetricKey = MetricKey | JudgeMetricKey;

/** Latencies are better when lower; every other metric is a share where higher is better. */
export const LOWER_IS_BETTER: ReadonlySet<AnyMetricKey> = new Set(['latency_ms_p50', 'latency_ms_p95']);

/**
 * One group's figures. A metric nothing could measure (no answerable case with facts, no
 * citation at all) is `null`, not 0 or 1: an unmeasured figure must not pass for a result.
 */
export type Metrics = { cases: number; errors: number } & Record<MetricKey, number | null> &
  Partial<Record<JudgeMetricKey, number | null>>;

export interface EvalSummary extends Metrics {
  by_category: Record<string, Metrics>;
}

/** A passage the answer was built from, as the judge reads it. */
export interface ContextDocument {
  id: string;
  title: string;
  text: string;
}

/** What a target (in-process pipeline or a deployment) returns for one case. */
export interface TargetReply {
  /** What is graded; the answer's id names it for feedback, and grading has none to give. */
  response: Omit<ChatResponse, 'id'>;
  /** Document ids the answer was built from, best first, without repeats. */
  ranked: string[];
  context: ContextDocument[];
}

export interface JudgeVerdict {
  /** 0..1: every claim of the answer is supported by the context. */
  faithfulness: number;
  /** 0..1: the answer gives the expected answer (or rightly declines). */
  correctness: number;
  reason: string;
}

/** One graded case, as written to the `cases` array of the eval JSON. */
export interface CaseResult {
  id: string;
  category: string;
  lang: Lang;
  question: string;
  history?: { role: 'user' | 'assistant'; content: string }[];
  answerable: boolean;
  sources: string[];
  facts: string[];
  reference?: string;
  answer: string;
  refused: boolean;
  /** Language of the answer text as a reader sees it (`mixed` when neither dominates). */
  answer_language: Lang | 'mixed';
  /** Cited document ids, in citation order, without repeats. */
  citations: string[];
  /** Document ids the answer was built from, best first. */
  retrieved: string[];
  latency_ms: number;
  /** Set when the target failed for this case (HTTP error, timeout, crash). */
  error?: string;
  /** 1-based rank of the first gold source in `retrieved`; null when none is there. */
  gold_rank: number | null;
  facts_found: string[];
  facts_missing: string[];
  /** Cited documents that are gold sources. */
  cited_gold: number;
  refusal_correct: boolean;
  language_match: boolean;
  /** Why the case fails, in words; empty when it passes. */
  problems: string[];
  passed: boolean;
  judge?: JudgeVerdict | { error: string };
}

export interface EvalMeta {
  golden: string;
  /** `corpus DIR` or `endpoint URL`. */
  target: string;
  /** What hit@k and MRR were measured on; runs that differ here cannot be compared on them. */
  ranking: 'retrieved passages' | 'cited documents';
  model: string;
  started_at: string;
  duration_ms: number;
  concurrency: number;
  judge?: string;
}

export interface EvalRunResult {
  summary: EvalSummary;
  cases: CaseResult[];
  meta: EvalMeta;
}

/**
 * Calibrating the offline answerer's refusal threshold on held-out questions.
 *
 * Each question is answered twice from the passages a search returns: once with its gold
 * passage in the context (it should answer) and once with every passage of the gold
 * document removed (it should refuse). For each run we record the highest threshold at which
 * the answerer still answers, over many questions nobody tuned on; `sweep` tabulates answer
 * and refusal rates for candidate thresholds. The threshold is applied as the answerer
 * applies it: which further sentences may join an answer depends on it too, so the support
 * of a selection made at one threshold does not tell what happens at another.
 */
import type { Passage } from '../types.js';
import type { Retriever } from '../search/types.js';
import { toContextSources } from '../answer/context.js';
import { primaryLanguage } from '../text/language.js';
import { selectSentences } from '../answer/extractive/select.js';

export interface CalibrationQuestion {
  id: string;
  question: string;
  goldPassageIds: string[];
  /** Passages of the same document as the gold ones, removed for the "cannot answer" run. */
  goldDocument: (passageId: string) => boolean;
}

export interface CalibrationCase {
  id: string;
  /** The highest threshold at which it answers with the gold passage in the context (0: never). */
  withGold: number;
  /** The highest threshold at which it answers with the gold document removed (0: never). */
  withoutGold: number;
}

const CONTEXT_PASSAGES = 6;
/** Thresholds are searched on this grid: every threshold a sweep shows lies on it. */
const STEP = 0.005;

/**
 * The highest threshold on the grid at which the answerer answers (0 when it refuses even
 * at 0). Answering only gets harder as the threshold rises, so a binary search finds it.
 */
function answeringThreshold(answers: (threshold: number) => boolean): number {
  if (!answers(0)) return 0;
  let lo = 0;
  let hi = Math.round(1 / STEP) + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (answers(mid * STEP)) lo = mid;
    else hi = mid;
  }
  return Number((lo * STEP).toFixed(3));
}

export interface GoldContexts {
  withGold: Passage[];
  withoutGold: Passage[];
}

/**
 * The contexts a question is answered from: what a search gives with its gold passage in it
 * (swapped in for the last when the search ranked it lower), and with its gold document removed.
 */
export async function goldContexts(q: CalibrationQuestion, retriever: Retriever): Promise<GoldContexts> {
  const hits = (await retriever.search(q.question, { limit: CONTEXT_PASSAGES * 4 })).map((h) => h.passage);
  const gold = new Set(q.goldPassageIds);
  const withGold = hits.slice(0, CONTEXT_PASSAGES);
  if (!withGold.some((p) => gold.has(p.id) || gold.has(p.docId))) {
    const goldHit = hits.find((p) => gold.has(p.id) || gold.has(p.docId));
    if (goldHit) withGold[withGold.length - 1] = goldHit;
  }
  const withoutGold = hits.filter((p) => !q.goldDocument(p.docId)).slice(0, CONTEXT_PASSAGES);
  return { withGold, withoutGold };
}

/** Supports for one question, given its contexts with and without its gold document. */
export function calibrateContexts(q: CalibrationQuestion, contexts: GoldContexts): CalibrationCase {
  const language = primaryLanguage(q.question);
  const threshold = (passages: Passage[]) => {
    const sources = toContextSources(passages);
    return answeringThreshold((t) => selectSentences(q.question, sources, language, [], t).sentences.length > 0);
  };
  return { id: q.id, withGold: threshold(contexts.withGold), withoutGold: threshold(contexts.withoutGold) };
}

/** Supports for one question: the context a search gives, with and without its gold document. */
export async function calibrateQuestion(q: CalibrationQuestion, retriever: Retriever): Promise<CalibrationCase> {
  return calibrateContexts(q, await goldContexts(q, retriever));
}

export interface SweepRow {
  threshold: number;
  /** Share of questions answered with their gold passage in the context. */
  answered: number;
  /** Share of questions refused without their gold document. */
  refused: number;
  /** Mean of the two. */
  balanced: number;
}

/** Answer and refusal rates at each threshold. */
export function sweep(cases: CalibrationCase[], thresholds: number[]): SweepRow[] {
  const n = Math.max(1, cases.length);
  return thresholds.map((threshold) => {
    const answered = cases.filter((c) => c.withGold >= threshold).length / n;
    const refused = cases.filter((c) => c.withoutGold < threshold).length / n;
    return { threshold, answered, refused, balanced: (answered + refused) / 2 };
  });
}

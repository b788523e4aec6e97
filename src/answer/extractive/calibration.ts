/**
 * Calibrating the offline answerer's refusal threshold on held-out questions.
 *
 * Each question is answered twice from the passages a search returns: once with its gold
 * passage in the context (it should answer) and once with every passage of the gold
 * document removed (it should refuse). The support of the selected sentences in both runs, over
 * many questions nobody tuned on, shows where MIN_SUPPORT separates the two; `sweep`
 * tabulates that for candidate thresholds.
 */
import type { Passage } from '../../types.js';
import type { Retriever } from '../../search/types.js';
import { toContextSources } from '../context.js';
import { primaryLanguage } from '../../text/language.js';
import { selectSentences } from './select-sentences.js';

export interface CalibrationQuestion {
  id: string;
  question: string;
  goldPassageIds: string[];
  /** Passages of the same document as the gold ones, removed for the "cannot answer" run. */
  goldDocument: (passageId: string) => boolean;
}

export interface CalibrationCase {
  id: string;
  /** Best support with the gold passage in the context. */
  withGold: number;
  /** Best support with the gold document removed. */
  withoutGold: number;
}

const CONTEXT_PASSAGES = 6;

/** Supports for one question: the context a search gives, with and without its gold document. */
export async function calibrateQuestion(q: CalibrationQuestion, retriever: Retriever): Promise<CalibrationCase> {
  const hits = (await retriever.search(q.question, { limit: CONTEXT_PASSAGES * 4 })).map((h) => h.passage);
  const gold = new Set(q.goldPassageIds);
  const withGold = hits.slice(0, CONTEXT_PASSAGES);
  if (!withGold.some((p) => gold.has(p.id) || gold.has(p.docId))) {
    const goldHit = hits.find((p) => gold.has(p.id) || gold.has(p.docId));
    if (goldHit) withGold[withGold.length - 1] = goldHit;
  }
  const withoutGold = hits.filter((p) => !q.goldDocument(p.docId)).slice(0, CONTEXT_PASSAGES);
  const support = (passages: Passage[]) =>
    selectSentences(q.question, toContextSources(passages), primaryLanguage(q.question), [], 0).bestSupport;
  return { id: q.id, withGold: support(withGold), withoutGold: support(withoutGold) };
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

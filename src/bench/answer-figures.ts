/**
 * Whether the offline answerer's answers carry the figures a reference answer gives, on a
 * benchmark's questions (allganize: 114 questions written by others over 720 real pages,
 * so nobody here tuned on them). A question counts when its reference answer states a figure
 * (an amount, a percentage, a count with its unit, a dated day or month) that its gold page
 * states too: a correct extractive answer from that page cannot leave all of them out.
 */
import { extractQuantities, quantitiesMatch, type Quantity } from '../text/numbers.js';

/** Figures specific enough to check: a bare number or a bare year says too little. */
function checkable(q: Quantity): boolean {
  if (q.kind === 'count') return q.unit !== '';
  if (q.kind === 'date') return q.value % 10000 !== 0;
  return true;
}

/** The figures of `reference` that `goldText` states too, each once. */
export function sharedFigures(reference: string, goldText: string): Quantity[] {
  const inGold = extractQuantities(goldText);
  const out: Quantity[] = [];
  for (const q of extractQuantities(reference).filter(checkable)) {
    if (!inGold.some((g) => quantitiesMatch(q, g))) continue;
    if (!out.some((o) => quantitiesMatch(q, o))) out.push(q);
  }
  return out;
}

export interface FigureOutcome {
  id: string;
  figures: number;
  found: number;
  refused: boolean;
}

/** How many of `figures` the answer states. */
export function figureOutcome(
  id: string,
  figures: Quantity[],
  answer: { text: string; refused: boolean },
): FigureOutcome {
  const stated = extractQuantities(answer.text);
  const found = figures.filter((f) => stated.some((s) => quantitiesMatch(f, s))).length;
  return { id, figures: figures.length, found, refused: answer.refused };
}

export interface FigureSummary {
  questions: number;
  answered: number;
  /** Share of questions whose answer states at least one of their figures. */
  anyFigure: number;
  /** Mean share of each question's figures the answer states. */
  figureRecall: number;
}

export function summarizeFigures(outcomes: FigureOutcome[]): FigureSummary {
  const n = Math.max(1, outcomes.length);
  const share = (count: number) => Number((count / n).toFixed(3));
  return {
    questions: outcomes.length,
    answered: share(outcomes.filter((o) => !o.refused).length),
    anyFigure: share(outcomes.filter((o) => o.found > 0).length),
    figureRecall: share(outcomes.reduce((sum, o) => sum + o.found / o.figures, 0)),
  };
}

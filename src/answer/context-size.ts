/**
 * How many passages to put in front of the model. A question about several entities
 * ("compare the Upstage investment with the FutureGraph loan") needs room for each one's
 * passage: it competes with the passages that name them all.
 */
import { readQuestion } from '../text/question-words.js';
import { structureOf } from '../text/question-structure.js';

/** More passages for each further entity a question coordinates. */
export const PASSAGES_PER_EXTRA_ENTITY = 2;
const MAX_EXTRA_ENTITIES = 2;

/** The base number of passages, plus some for each further entity the question names (up to two). */
export function contextSize(question: string, base: number): number {
  const entities = structureOf(readQuestion(question)).slots.length;
  return base + PASSAGES_PER_EXTRA_ENTITY * Math.min(MAX_EXTRA_ENTITIES, Math.max(0, entities - 1));
}

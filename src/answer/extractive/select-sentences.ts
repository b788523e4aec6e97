/**
 * Sentence selection for the offline answerer: which sentences of the context answer the
 * question, and how sure we are.
 *
 * A sentence's support is the share of the question's content terms it (or its source's
 * title) contains, each term weighted by how rare it is within the context, so a rare
 * name counts more than a word every source repeats. A term found nowhere in the context
 * weighs as much as the rarest term: asking for an interest rate that no source mentions
 * leaves the support too low to answer.
 */
import type { Lang } from '../../types.js';
import type { ContextSource } from '../context.js';
import { splitSentences } from '../../ingest/sentences.js';
import { tokenize } from '../../text/tokenize.js';
import { asksForNumber, contentTerms } from './question-words.js';

/** Below this support no sentence answers the question: the answerer refuses. */
export const MIN_SUPPORT = 0.62;
/** A second sentence is added when it is nearly as good and brings new terms or a new source. */
const SECOND_SENTENCE_RATIO = 0.85;
const TITLE_WEIGHT = 0.5;

export interface ScoredSentence {
  source: ContextSource;
  text: string;
  support: number;
}

const HAS_NUMBER = /\d|[일이삼사오육칠팔구십백천만억조]\s?(원|장|톤|개|억|조)/;

export function scoreSentences(question: string, sources: ContextSource[]): ScoredSentence[] {
  const terms = contentTerms(question);
  if (terms.length === 0) return [];
  const sentences = sources.flatMap((source) =>
    splitSentences(source.text).map((text) => ({ source, text, terms: new Set(tokenize(text)) })),
  );
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of terms) if (s.terms.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, sentences.length);
  const rarest = Math.log(1 + n / 0.5);
  const weight = (t: string) => (df.has(t) ? Math.log(1 + n / df.get(t)!) : rarest);
  const total = terms.reduce((sum, t) => sum + weight(t), 0);
  const needsNumber = asksForNumber(question);
  const titleTerms = new Map(sources.map((s) => [s.n, new Set(tokenize(s.title))]));

  return sentences.map(({ source, text, terms: sentenceTerms }) => {
    let covered = 0;
    for (const t of terms) {
      if (sentenceTerms.has(t)) covered += weight(t);
      else if (titleTerms.get(source.n)!.has(t)) covered += TITLE_WEIGHT * weight(t);
    }
    let support = covered / total;
    if (needsNumber && !HAS_NUMBER.test(text)) support *= 0.7;
    return { source, text, support };
  });
}

export interface Selection {
  sentences: ScoredSentence[];
  /** True when the best sentence is in a language other than the answer language. */
  foreign: boolean;
}

/**
 * Picks up to two sentences, preferring the answer language when a sentence in it is
 * nearly as good; returns no sentences when nothing reaches MIN_SUPPORT.
 */
export function selectSentences(question: string, sources: ContextSource[], language: Lang): Selection {
  const scored = scoreSentences(question, sources).sort((a, b) => b.support - a.support || a.source.n - b.source.n);
  const best = scored[0];
  if (!best || best.support < MIN_SUPPORT) return { sentences: [], foreign: false };
  const inLanguage = scored.filter((s) => s.source.lang === language);
  const bestInLanguage = inLanguage[0];
  const pool = bestInLanguage && bestInLanguage.support >= best.support * SECOND_SENTENCE_RATIO ? inLanguage : scored;
  const first = pool[0]!;
  const chosen = [first];
  const second = pool.find(
    (s) =>
      s !== first &&
      s.text !== first.text &&
      s.support >= first.support * SECOND_SENTENCE_RATIO &&
      s.source.lang === first.source.lang,
  );
  if (second && second.support >= MIN_SUPPORT) chosen.push(second);
  return { sentences: chosen, foreign: first.source.lang !== language };
}

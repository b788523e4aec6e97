/**
 * The analyzer: text -> index terms, used for documents and queries alike.
 *
 * Hangul runs become character bigrams (plus the syllable itself for one-syllable words),
 * as Lucene's CJKAnalyzer does: Korean glues particles to nouns (업스테이지에), so whole
 * words rarely match, while bigrams of 업스테이지에 and 업스테이지 share all but one term.
 * Trailing particles are also stripped so the bare noun's bigrams dominate. Latin words,
 * numbers and codes are kept whole and lower-cased.
 */
import { normalizeText } from './normalize.js';
import { stripParticle } from './particles.js';

const RUN = /[\uac00-\ud7a3]+|[a-z0-9]+(?:[.,][0-9]+)*/g;
const LATIN_STOPWORDS = new Set(
  'a an the of to in on for and or is are was were be been by at as with from that this it its what which who how when where does do did will would shall can could should may might'.split(
    ' ',
  ),
);

export interface TokenizeOptions {
  /** Drop English stopwords (queries and documents alike). Default true. */
  stopwords?: boolean;
}

function hangulTerms(run: string, out: string[]): void {
  const word = stripParticle(run);
  if (word.length === 1) {
    out.push(word);
    return;
  }
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
}

/**
 * Splits text into index terms.
 *
 * @example tokenize('업스테이지에 5.6조') // ['업스', '스테', '테이', '이지', '5.6', '조']
 */
export function tokenize(input: string, options: TokenizeOptions = {}): string[] {
  const stop = options.stopwords ?? true;
  const text = normalizeText(input).toLowerCase();
  const out: string[] = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const first = run.charCodeAt(0);
    if (first >= 0xac00 && first <= 0xd7a3) hangulTerms(run, out);
    else if (!(stop && LATIN_STOPWORDS.has(run))) out.push(run.replace(/,/g, ''));
  }
  return out;
}

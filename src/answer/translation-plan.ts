/**
 * When a question is worth a translation call (issue 14): a hosted model answers after one
 * call on the common path, so the query is translated only where it can change what is
 * found. Offline, the glossaries and romanization bridge languages without a call.
 *
 * - The corpus holds nothing in the other language: never.
 * - The corpus is mostly in the other language (an English question over Korean releases):
 *   before searching, since the question's own words can reach little.
 * - Otherwise: search first, and translate only when the best passages in the question's
 *   language cover too little of it.
 */
import type { IndexStats } from '../search/types.js';
import type { Lang, Passage } from '../types.js';
import { primaryLanguage } from '../text/language.js';
import { tokenize } from '../text/tokenize.js';

/** Share of the corpus (chunks) in the other language above which we translate up front. */
export const MOSTLY_OTHER_LANGUAGE = 0.8;
/**
 * Share of the question's terms the best same-language passage must hold for the search to
 * count as having found enough: half the terms is a passage about the question's subject.
 */
export const MIN_QUERY_COVERAGE = 0.5;
/** Passages looked at for coverage: those the answer will be drawn from. */
const COVERAGE_DEPTH = 3;

export type TranslationPlan =
  { when: 'never' } | { when: 'before'; target: Lang; reason: string } | { when: 'if-too-little'; target: Lang };

const otherLanguage = (lang: Lang): Lang => (lang === 'ko' ? 'en' : 'ko');

/** What to do for a question, from the corpus' languages. */
export function planTranslation(question: string, stats: IndexStats): TranslationPlan {
  const target = otherLanguage(primaryLanguage(question));
  // An index that does not count its languages: decide from what the question finds.
  if (!stats.languages) return { when: 'if-too-little', target };
  const counts = stats.languages;
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const share = total > 0 ? (counts[target] ?? 0) / total : 0;
  if (share === 0) return { when: 'never' };
  if (share >= MOSTLY_OTHER_LANGUAGE) {
    return { when: 'before', target, reason: `the corpus is ${Math.round(share * 100)}% ${target}` };
  }
  return { when: 'if-too-little', target };
}

/**
 * The largest share of the question's terms that one of the top passages in its language
 * holds (title and text, through the shared analyzer).
 *
 * @example queryCoverage('Upstage investment amount', passages) // 1 when a passage says all three
 */
export function queryCoverage(question: string, passages: Passage[]): number {
  const lang = primaryLanguage(question);
  const terms = new Set(tokenize(question, { query: true }));
  if (terms.size === 0) return 1;
  let best = 0;
  for (const p of passages.filter((p) => p.lang === lang).slice(0, COVERAGE_DEPTH)) {
    const held = new Set(tokenize(`${p.title}\n${p.text}`));
    let covered = 0;
    for (const term of terms) if (held.has(term)) covered++;
    best = Math.max(best, covered / terms.size);
  }
  return best;
}

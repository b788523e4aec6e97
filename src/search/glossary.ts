/**
 * A bilingual glossary mined from the corpus itself: Korean releases write names with their
 * English form in parentheses, `업스테이지(Upstage)`, `금융위원회(Financial Services
 * Commission)`, and English ones the reverse, `Upstage(업스테이지)`. Each such pair lets a
 * question in one language find a document written in the other.
 */
import { normalizeText } from '../text/normalize.js';
import { stripParticle } from '../text/particles.js';
import { englishSkeleton, koreanSkeleton } from './parallel-glossary.js';

/** `[korean, english]`, both as written (NFKC); English in its original case. */
export type GlossaryEntry = [ko: string, en: string];

/** A Hangul word right before `(English words)`; the English side is 1-6 words of letters. */
const KO_THEN_EN = /([\uac00-\ud7a3]{2,})\s?\(([A-Za-z][A-Za-z0-9&.\- ]{0,60}?)\)/g;
/** An English name right before `(한글)`: capitalized words, with of/and/for/the between them. */
const EN_THEN_KO =
  /([A-Z][A-Za-z0-9&.\-]*(?:\s(?:of|and|for|the|on|in|[A-Z][A-Za-z0-9&.\-]*)){0,5})\s?\(([\uac00-\ud7a3][\uac00-\ud7a3 ]{0,30})\)/g;
const MAX_ENGLISH_WORDS = 6;

function englishSide(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length > MAX_ENGLISH_WORDS) return undefined;
  // `(주)`, `(e.g.`, single letters: not names.
  if (words.join('').replace(/[^A-Za-z]/g, '').length < 2) return undefined;
  return words.join(' ');
}

/** Verb and adjective endings: `선호합니다(Merit)` cites a source, it does not name the verb. */
const PREDICATE_ENDING = /(?:니다|습니다|했다|한다|된다|하는|되는|않는|있는|없는|했고|하며|하고)$/;

/**
 * Whether `ko(en)` is likely a name and its translation, not a citation or an aside
 * (수행(McKinsey & Company), 형태(B2B)): the two sound alike (웹훅(Webhook)), or the
 * Korean is a compound of three or more syllables, not a predicate.
 */
function plausiblePair(ko: string, en: string): boolean {
  if (PREDICATE_ENDING.test(ko)) return false;
  const sound = koreanSkeleton(ko);
  if (sound.length >= 2 && sound === englishSkeleton(en)) return true;
  return ko.length >= 3;
}

/** Every `한글(English)` and `English(한글)` pair in the texts that looks like a name pair, without repeats. */
export function mineGlossary(texts: Iterable<string>): GlossaryEntry[] {
  const seen = new Map<string, GlossaryEntry>();
  const add = (ko: string, en: string | undefined) => {
    if (!en || !plausiblePair(ko, en)) return;
    const key = `${ko}\u0000${en.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, [ko, en]);
  };
  for (const raw of texts) {
    const text = normalizeText(raw);
    for (const m of text.matchAll(KO_THEN_EN)) add(m[1]!, englishSide(m[2]!));
    for (const m of text.matchAll(EN_THEN_KO))
      add(stripParticle(m[2]!.trim().replace(/\s+/g, ' ')), englishSide(m[1]!));
  }
  return [...seen.values()];
}

/**
 * Names spelled by sound in the other script, with no document pairing them: a Korean
 * release writes 에스티젠바이오, an English one Estigen Bio. Korean transcribes foreign names
 * by the loanword rules (외래어 표기법), so the two spellings share a consonant skeleton
 * (parallel-glossary.ts: `englishSkeleton`, `koreanSkeleton`) that no romanization recovers.
 * Pairs are made only when one word on each side has the sound, so a chance likeness between
 * two common words does not pair them.
 */
import { normalizeText } from '../text/normalize.js';
import { stripParticle } from '../text/particles.js';
import { englishSkeleton, koreanSkeleton } from './parallel-glossary.js';
import type { GlossaryEntry } from './glossary.js';

/** Skeletons shorter than this (two consonants: 해남 HNM has three) match too much by chance. */
export const MIN_SOUND_SKELETON = 3;
/** Names of up to this many capitalized words (POSCO Future M). */
const MAX_NAME_WORDS = 3;
/** Capitalized words that open sentences and questions without naming anything. */
const FUNCTION_WORDS = new Set(
  (
    'The A An It Its He She They Their This These That Those In On At As For By With From And But Or If When Where ' +
    'What Which Who Whom Whose How Why Is Are Was Were Do Does Did Will Would Can Could Should Has Have Had ' +
    'Give Tell Show List Compare Apart Besides Also Then After Before Since Under Over Please'
  ).split(' '),
);

/**
 * Capitalized names of one to three words in a text, with every leading run (`POSCO Future M`
 * also gives `POSCO`), sentence-initial ones included unless a function word.
 *
 * @example latinNames('Estigen Bio will receive a loan.') // ['Estigen', 'Estigen Bio']
 */
export function latinNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of normalizeText(text).matchAll(/\b[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*/g)) {
    const words = m[0].split(' ');
    while (words.length > 0 && FUNCTION_WORDS.has(words[0]!)) words.shift();
    for (let n = 1; n <= Math.min(words.length, MAX_NAME_WORDS); n++) out.add(words.slice(0, n).join(' '));
  }
  return [...out];
}

/** The Hangul words of a text, particles removed (에스티젠바이오가 → 에스티젠바이오). */
export function hangulWords(text: string): string[] {
  return [...new Set([...normalizeText(text).matchAll(/[\uac00-\ud7a3]{2,}/g)].map((m) => stripParticle(m[0])))];
}

/** Items grouped by their consonant skeletons (those too short to tell names apart left out). */
export function bySkeleton(items: Iterable<string>, skeletons: (item: string) => string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const item of items) {
    for (const key of new Set(skeletons(item))) {
      if (key.length < MIN_SOUND_SKELETON) continue;
      const set = map.get(key) ?? new Set<string>();
      set.add(item);
      map.set(key, set);
    }
  }
  return map;
}

/** An English name's skeletons: as written, and without a plural s Korean brand names drop (Rebellions, 리벨리온). */
function englishSkeletons(name: string): string[] {
  const full = englishSkeleton(name);
  return /[^s]s$/.test(name) && full.endsWith('S') ? [full, full.slice(0, -1)] : [full];
}

/**
 * `[korean, english]` pairs of a Hangul word and a Latin name with the same consonant
 * skeleton, each the only one of its side with that sound.
 *
 * @example pairBySound(['셀트리온', '공장'], ['Celltrion', 'Incheon']) // [['셀트리온', 'Celltrion']]
 */
export function pairBySound(hangul: Iterable<string>, latin: Iterable<string>): GlossaryEntry[] {
  const korean = bySkeleton(hangul, (word) => [koreanSkeleton(word)]);
  const english = bySkeleton(latin, englishSkeletons);
  const pairs: GlossaryEntry[] = [];
  for (const [key, words] of korean) {
    const names = english.get(key);
    if (words.size === 1 && names?.size === 1) pairs.push([[...words][0]!, [...names][0]!]);
  }
  return pairs;
}

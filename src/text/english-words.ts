/**
 * Reading an English word of a question: a word of question shape (a function word, a
 * request, a value noun, a superlative), a verb (matched by its stem, it only helps), a
 * generic noun (the kind of thing asked about), or content a source must write.
 */
import { stemEnglish, verbStem } from './english-stem.js';
import { ENGLISH_PHRASING } from './data/question-phrasing.js';
import { ENGLISH_GENERIC_NOUNS } from './data/generic-nouns.js';
import { ENGLISH_MODIFIERS } from './data/modifiers.js';
import { ENGLISH_VERBS } from './data/verbs.js';
import { ENGLISH_COMPARISON, VALUE_NOUNS } from './data/value-words.js';
import type { WordKind } from './korean-words.js';

const PHRASING: ReadonlySet<string> = new Set([
  ...ENGLISH_PHRASING,
  ...ENGLISH_COMPARISON,
  ...Object.values(VALUE_NOUNS).flatMap((v) => v.en),
]);
/** Generic nouns and adjectives of age and order (new, former): they help, never required. */
const GENERIC: ReadonlySet<string> = new Set([...ENGLISH_GENERIC_NOUNS, ...ENGLISH_MODIFIERS]);
const VERBS: ReadonlySet<string> = new Set(ENGLISH_VERBS);

/** Does the word (lower-case) only shape the question? Plurals too: sites, dates, names. */
export const isEnglishPhrasing = (lower: string) => PHRASING.has(lower) || PHRASING.has(stemEnglish(lower));

/** A verb's base form, for looking it up: makes → make, planned → plan, building → build. */
function baseForms(lower: string): string[] {
  const cut = (suffix: RegExp, by = '') => lower.replace(suffix, by);
  return [
    lower,
    cut(/s$/),
    cut(/es$/),
    cut(/ed$/),
    cut(/d$/),
    cut(/ing$/),
    cut(/ing$/, 'e'),
    cut(/(.)\1(ed|ing)$/, '$1'),
  ];
}

export interface EnglishWord {
  text: string;
  kind: WordKind;
  /** For verbs: the beginning its forms share. */
  stem?: string;
}

/**
 * Reads one English word; undefined for a word of question shape. A capital inside the
 * question starts a name (the Advanced Strategic Industry Fund), never a verb.
 *
 * @example readEnglishWord('building', true) // { text: 'building', kind: 'verb', stem: 'buil' }
 */
export function readEnglishWord(written: string, midSentence: boolean): EnglishWord | undefined {
  const raw = written.replace(/['’]s$/i, '');
  const lower = raw.toLowerCase();
  if (isEnglishPhrasing(lower)) return undefined;
  const name = midSentence && /^[A-Z]/.test(raw);
  const verbLike =
    !name &&
    (baseForms(lower).some((b) => VERBS.has(b)) ||
      (lower.length > 5 && lower.endsWith('ing')) ||
      (lower.length > 4 && lower.endsWith('ed')));
  if (verbLike) return { text: raw, kind: 'verb', stem: verbStem(lower) };
  return { text: raw, kind: GENERIC.has(lower) ? 'generic' : 'content' };
}

/**
 * The word lists are data the readers of a question share: each word has one role. A word
 * both phrasing a question and naming a verb, a kind or a value would be read one way here
 * and the other way there (issue 17 found give/show/want and 두 in two lists at once).
 */
import { describe, expect, it } from 'vitest';
import { isQuestionPhrasing } from '../question-words.js';
import {
  ANAPHORIC_DETERMINERS,
  DETERMINERS,
  ENGLISH_INTERROGATIVES,
  ENGLISH_PHRASING,
  KOREAN_EXCLUSIONS,
  KOREAN_INTERROGATIVES,
  KOREAN_PHRASING,
  RETRIEVAL_ENGLISH_WORDS,
  RETRIEVAL_KOREAN_ENDINGS,
  RETRIEVAL_KOREAN_ROOTS,
  RETRIEVAL_KOREAN_WORDS,
  RETRIEVAL_KOREAN_WORDS_WHOLE,
} from './question-phrasing.js';
import { ENGLISH_GENERIC_NOUNS, KOREAN_GENERIC_NOUNS } from './generic-nouns.js';
import { ENGLISH_VERBS, KOREAN_VERB_STEMS } from './verbs.js';
import { ENGLISH_COMPARISON, KOREAN_COMPARISON, KOREAN_COUNTERS, KOREAN_NUMERALS, VALUE_NOUNS } from './value-words.js';
import { ENGLISH_TITLES, ENTITY_KINDS, KOREAN_TITLES } from './entity-kinds.js';
import { COMMON_ACRONYMS, COMMON_BODIES, COMMON_KIND_PREFIXES, ORGANIZATION_ENDINGS } from './names.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { ENGLISH_MODIFIERS, KOREAN_PRENOUNS } from './modifiers.js';

const LISTS: Record<string, readonly string[]> = {
  KOREAN_INTERROGATIVES,
  KOREAN_PHRASING,
  KOREAN_EXCLUSIONS,
  KOREAN_COMPARISON,
  KOREAN_GENERIC_NOUNS,
  KOREAN_VERB_STEMS,
  ENGLISH_PHRASING,
  ENGLISH_COMPARISON,
  ENGLISH_GENERIC_NOUNS,
  ENGLISH_VERBS,
  KOREAN_PRENOUNS,
  ENGLISH_MODIFIERS,
  KOREAN_NUMERALS,
  KOREAN_COUNTERS,
  DETERMINERS,
  ANAPHORIC_DETERMINERS,
  ENTITY_KINDS,
  KOREAN_TITLES,
  ENGLISH_TITLES,
  ENGLISH_INTERROGATIVES,
  RETRIEVAL_KOREAN_ROOTS,
  RETRIEVAL_KOREAN_WORDS_WHOLE,
  RETRIEVAL_KOREAN_ENDINGS,
  RETRIEVAL_KOREAN_WORDS,
  RETRIEVAL_ENGLISH_WORDS,
  COMMON_ACRONYMS,
  ORGANIZATION_ENDINGS,
  COMMON_KIND_PREFIXES,
  COMMON_BODIES,
  ...Object.fromEntries(
    Object.entries(VALUE_NOUNS).flatMap(([kind, v]) => [
      [`${kind} (ko)`, v.ko],
      [`${kind} (en)`, v.en],
    ]),
  ),
};

const valueNouns = (lang: 'ko' | 'en') => Object.values(VALUE_NOUNS).flatMap((v) => v[lang]);
/** Lists whose words must not meet: a word phrases the question, or names a kind, or is a verb. */
const ROLES = {
  ko: {
    phrasing: [...KOREAN_PHRASING, ...KOREAN_EXCLUSIONS, ...KOREAN_COMPARISON, ...valueNouns('ko')],
    generic: KOREAN_GENERIC_NOUNS,
    verb: KOREAN_VERB_STEMS,
    modifier: KOREAN_PRENOUNS,
    'entity kind': ENTITY_KINDS.filter((w) => /[가-힣]/.test(w)),
  },
  en: {
    phrasing: [...ENGLISH_PHRASING, ...ENGLISH_COMPARISON, ...valueNouns('en')],
    generic: ENGLISH_GENERIC_NOUNS,
    verb: ENGLISH_VERBS,
    modifier: ENGLISH_MODIFIERS,
    'entity kind': ENTITY_KINDS.filter((w) => /[a-z]/.test(w)),
  },
};

describe('the word lists', () => {
  it.each(Object.entries(LISTS))('%s lists each word once', (_name, list) => {
    expect(list.filter((w, i) => list.indexOf(w) !== i)).toEqual([]);
    expect(list.length).toBeGreaterThan(0);
  });

  it.each(['ko', 'en'] as const)(
    'give each %s word one role: phrasing, a generic noun, a verb, a modifier or a kind',
    (lang) => {
      const roles = Object.entries(ROLES[lang]);
      const clashes = roles.flatMap(([a, left], i) =>
        roles
          .slice(i + 1)
          .flatMap(([b, right]) => left.filter((w) => right.includes(w)).map((w) => `${w}: ${a} and ${b}`)),
      );
      // Kinds of entity are generic nouns too (회사, company): asked for, they are the kind of the answer.
      expect(clashes.filter((c) => !/generic and entity kind$/.test(c))).toEqual([]);
    },
  );

  it('read every determiner as question shape, and never a word of a synonym group', () => {
    expect([...DETERMINERS, ...ANAPHORIC_DETERMINERS].filter((w) => !isQuestionPhrasing(w))).toEqual([]);
    const phrasing = new Set([...ROLES.ko.phrasing, ...ROLES.en.phrasing]);
    expect(SYNONYM_GROUPS.flat().filter((w) => phrasing.has(w))).toEqual([]);
  });

  it('leave retrieval no question word the answerer would read as a word to find', () => {
    const retrieval = [
      ...RETRIEVAL_KOREAN_ROOTS,
      ...RETRIEVAL_KOREAN_WORDS_WHOLE,
      ...RETRIEVAL_ENGLISH_WORDS,
      ...ENGLISH_INTERROGATIVES,
    ];
    expect(retrieval.filter((w) => !isQuestionPhrasing(w))).toEqual([]);
  });
});

/**
 * The cross-language bridges of the offline answerer: Korean-English pairs the sources
 * write themselves (업스테이지(Upstage), mined by search/glossary.ts), names spelled by sound
 * in the two scripts (에스티젠바이오 / Estigen Bio: search/sound-alike.ts), acronyms the
 * question uses for names the context writes out (NGF), the domain glossary and lexicon
 * (search/domain-glossary.ts) and the synonym groups (text/data/synonyms.ts). They let a
 * question in one language meet a sentence in the other, and an answer name in the reader's
 * language what a foreign source says.
 *
 * The domain pairs and synonyms are analysed on first use, not at module load: a worker
 * isolate that never answers offline never pays for them (issue 17, start-up cost).
 */
import type { ContextSource } from '../context.js';
import { tokenize } from '../../text/tokenize.js';
import { romanize } from '../../text/romanize.js';
import { stripParticle } from '../../text/particles.js';
import { escapeRegExp } from '../../text/normalize.js';
import { SYNONYM_GROUPS } from '../../text/data/synonyms.js';
import { mineGlossary, type GlossaryEntry } from '../../search/glossary.js';
import { DOMAIN_GLOSSARY } from '../../search/domain-glossary.js';
import { LEXICON_PLACES } from '../../search/domain-lexicon.js';
import { hangulWords, latinNames, pairBySound } from '../../search/sound-alike.js';

export interface GlossaryPair {
  ko: string;
  en: string;
  /** Both sides, lower-case, for a quick look before the terms are analysed. */
  lower: string;
  /** Analyzer terms of each side, analysed on first use. */
  readonly koTerms: string[];
  readonly enTerms: string[];
}

/** A pair whose sides are analysed only when asked for: most of the domain glossary never is. */
function toPair([ko, en]: readonly [string, string]): GlossaryPair {
  let koTerms: string[] | undefined;
  let enTerms: string[] | undefined;
  const lower = `${ko}\n${en}`.toLowerCase();
  return {
    ko,
    en,
    lower,
    get koTerms() {
      return (koTerms ??= tokenize(ko));
    },
    get enTerms() {
      return (enTerms ??= tokenize(en));
    },
  };
}

/**
 * Could the pair hold all these analyzer terms? A test on its text, so that only the few pairs
 * that could match are analysed (a Latin term's last letter may be folded: companies).
 */
const mayMatch = (pair: GlossaryPair, terms: string[]) =>
  terms.every((t) => pair.lower.includes(/^[a-z]{4,}$/.test(t) ? t.slice(0, -1) : t));

/** A value computed on first use. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const domainPairs = once(() => DOMAIN_GLOSSARY.map(toPair));
/** Each synonym group's phrases with their analyzer terms. */
const analyzedSynonyms = once(() =>
  SYNONYM_GROUPS.map((group) =>
    group.map((phrase) => ({ phrase, terms: tokenize(phrase) })).filter((m) => m.terms.length > 0),
  ),
);
/** The domain's Korean nouns (not its places, which are names), written without spaces. */
const domainNouns = once(() => {
  const places = new Set(LEXICON_PLACES.map(([ko]) => ko));
  return new Set(DOMAIN_GLOSSARY.filter(([ko]) => !places.has(ko)).map(([ko]) => ko.replace(/\s+/g, '')));
});

/** Is the Korean word a noun of the domain vocabulary (대출, 민간, 회사): never a verb form, never a name? */
export const isDomainNoun = (word: string) => domainNouns().has(word);

/** The pairs written in the context, names of the context and the question that sound alike, acronyms, then the domain vocabulary. */
export function contextGlossary(sources: ContextSource[], question = ''): GlossaryPair[] {
  const texts = (lang: string) => sources.filter((s) => s.lang === lang).flatMap((s) => [s.title, s.text]);
  const written = mineGlossary(sources.flatMap((s) => [s.title, s.section ?? '', s.text]));
  const known = new Set([...written, ...DOMAIN_GLOSSARY].map(([ko]) => ko));
  const hangul = [...texts('ko'), question].flatMap(hangulWords).filter((w) => !known.has(w));
  const latin = [...texts('en'), question].flatMap(latinNames);
  const spelled = acronymPairs(question, sources, [...written, ...DOMAIN_GLOSSARY]);
  return [...written, ...pairBySound(hangul, latin), ...spelled].map(toPair).concat(domainPairs());
}

/** A pattern for a phrase with these initials (Industrial Bank of Korea for IBK), small words skipped. */
export const initialsPattern = (acronym: string) =>
  `\\b${[...acronym].map((c) => `${c}[a-z-]*`).join('(?:\\s+(?:of|and|for|the|&))?\\s+')}`;

/**
 * Acronyms the question uses for names the context writes out (NGF for National Growth
 * Fund): an English phrase with those initials, or a Korean name whose glossary translation
 * has them. The acronym is paired with the name as an alias (both sides may be Latin).
 */
function acronymPairs(question: string, sources: ContextSource[], pairs: readonly GlossaryEntry[]): GlossaryEntry[] {
  const context = sources.map((s) => `${s.title}\n${s.text}`).join('\n');
  const out: GlossaryEntry[] = [];
  for (const acronym of new Set(question.match(/\b[A-Z]{2,6}\b/g) ?? [])) {
    if (new RegExp(`\\b${acronym}\\b`).test(context)) continue;
    const initials = initialsPattern(acronym);
    const phrase = context.match(new RegExp(initials))?.[0];
    if (phrase) out.push([acronym, phrase]);
    const wholeName = new RegExp(`^${initials}$`);
    for (const [ko, en] of pairs) if (wholeName.test(en) && context.includes(ko)) out.push([ko, acronym]);
  }
  return out;
}

/**
 * Other spellings of a word, as analyzer terms: its translations (a pair one of whose sides
 * are the word's terms or, unless `exactOnly`, holds them all: Financial ∈ Financial Services
 * Commission), a compound the glossary writes with a space (저리대출 = 저리 대출) and its
 * synonyms.
 */
export function spellingsOf(text: string, terms: string[], glossary: GlossaryPair[], exactOnly = false): string[][] {
  const out: string[][] = [];
  const within = (side: string[]) =>
    terms.length > 0 &&
    (exactOnly
      ? side.length === terms.length && terms.every((t, i) => side[i] === t)
      : terms.every((t) => side.includes(t)));
  const joined = text.replace(/\s+/g, '');
  for (const pair of glossary) {
    if (/\s/.test(pair.ko) && pair.ko.replace(/\s+/g, '') === joined && !exactOnly) out.push(pair.enTerms);
    if (!mayMatch(pair, terms) || pair.koTerms.length === 0 || pair.enTerms.length === 0) continue;
    if (within(pair.koTerms)) out.push(pair.enTerms);
    else if (within(pair.enTerms)) out.push(pair.koTerms);
  }
  return exactOnly ? out : [...out, ...synonymsOf(terms)];
}

/** The other members of the synonym groups holding these terms. */
function synonymMembers(terms: string[]) {
  const key = terms.join(' ');
  return analyzedSynonyms().flatMap((group) =>
    group.some((m) => m.terms.join(' ') === key) ? group.filter((m) => m.terms.join(' ') !== key) : [],
  );
}

/** Other spellings of a word's meaning, as analyzer terms. @example synonymsOf(tokenize('finished')) // [['complete'], …, ['완공'], …] */
export const synonymsOf = (terms: string[]) => synonymMembers(terms).map((m) => m.terms);

/** Other spellings of a word's meaning as written (for finding where a sentence says it). */
export const synonymPhrases = (terms: string[]) => synonymMembers(terms).map((m) => m.phrase);

/**
 * The other-language forms of a word as written (announcing → 발표), for matching verbs,
 * which are found by how they start in the text rather than by analyzer terms.
 */
export function translationSurfaces(terms: string[], glossary: GlossaryPair[], stem?: string): string[] {
  const key = terms.join(' ');
  // English verbs meet a one-word entry by their stem (announcing, announce).
  const sameStem = (en: string) => stem !== undefined && /^[a-z]+$/.test(en) && en.startsWith(stem);
  return glossary.flatMap((pair) =>
    !mayMatch(pair, terms) && !sameStem(pair.en.toLowerCase())
      ? []
      : pair.enTerms.join(' ') === key || sameStem(pair.en.toLowerCase())
        ? [pair.ko]
        : pair.koTerms.join(' ') === key
          ? [pair.en.toLowerCase()]
          : [],
  );
}

/** English kinds of place a Korean name may stand before. */
const PLACE_KIND = /\b(complex|center|centre|plant|port|province|city|county|district|park|zone|island|site)$/i;

/**
 * The glossary terms a sentence contains, rendered in the other language, in the order they
 * appear: what a reader of the other language can be told a foreign sentence is about.
 *
 * @example glossSentence('금융당국은 … 바이오, 디스플레이로 넓힐 계획이다.', 'ko', glossary) // ['financial authorities', 'bio', 'display']
 */
export function glossSentence(text: string, from: 'ko' | 'en', glossary: GlossaryPair[]): string[] {
  const found: { at: number; end: number; term: string }[] = [];
  const free = (at: number, end: number) => !found.some((f) => at < f.end && end > f.at);
  const lower = text.toLowerCase();
  // Longer entries first, so 구형흑연 wins over 흑연 and "supply chain" over "supply".
  const side = (p: GlossaryPair) => (from === 'ko' ? p.ko : p.en.toLowerCase());
  for (const pair of [...glossary].sort((a, b) => side(b).length - side(a).length)) {
    const needle = side(pair);
    // A short Korean entry only at the start of a word: 장기 (long-term) is not inside 성장기금.
    const at =
      from === 'ko' && needle.length >= 3
        ? lower.indexOf(needle)
        : lower.search(
            from === 'ko'
              ? new RegExp(`(?<![\\uac00-\\ud7a3])${escapeRegExp(needle)}`)
              : new RegExp(`\\b${escapeRegExp(needle)}(s|es)?\\b`),
          );
    if (at >= 0 && free(at, at + needle.length))
      found.push({ at, end: at + needle.length, term: from === 'ko' ? pair.en : pair.ko });
  }
  if (from === 'ko') {
    // A place's name before its kind (새만금 국가산업단지) in Revised Romanization, as English releases write it.
    for (const place of found.filter((f) => PLACE_KIND.test(f.term))) {
      const word = /([\uac00-\ud7a3]{2,})(\s+)[\uac00-\ud7a3]*$/.exec(text.slice(0, place.at));
      if (!word || !free(word.index, word.index + word[1]!.length)) continue;
      const roman = romanize(stripParticle(word[1]!));
      found.push({ at: word.index, end: word.index + word[1]!.length, term: roman[0]!.toUpperCase() + roman.slice(1) });
    }
  } else {
    // Names have no translation: capitalized words in a row (United States, Kim Seong-hoon) are given as written.
    for (const m of text.matchAll(/\b[A-Z][a-z]+(?:(?: |-)[A-Z][a-z]+|-[a-z]+)+/g)) {
      if (free(m.index!, m.index! + m[0].length)) found.push({ at: m.index!, end: m.index! + m[0].length, term: m[0] });
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.term))];
}

/**
 * Cross-language query expansion, offline: the query's words are looked up in the bilingual
 * glossary (mined from the corpus plus the domain glossary) and romanized, and the other
 * language's terms are added at a reduced weight. An English question then also asks for
 * 해남 and 반도체; a Korean one also for `upstage`, and for `estigen bio` when the corpus
 * writes that name only in English (a Hangul word that sounds like one of its Latin names).
 */
import { analyzeWords, tokenize, type AnalyzedWord } from '../text/tokenize.js';
import { romanize } from '../text/romanize.js';
import { CORE_GLOSSARY, DOMAIN_GLOSSARY } from './domain-glossary.js';
import type { GlossaryEntry } from './glossary.js';
import { RomanizedNames } from './romanized-names.js';
import { englishSkeleton, koreanSkeleton } from './parallel-glossary.js';
import { bySkeleton, MIN_SOUND_SKELETON } from './sound-alike.js';

/**
 * How much a translation weighs against the words it translates: a glossary or romanization
 * match is weaker evidence than the words the user typed, so a document in the query's
 * language that matches directly stays ahead of its translation. A translation's terms
 * share the weight of the source's terms (`upstage`, one term, becomes four bigrams of
 * 업스테이지 at 0.125 each) but no translated term weighs more than this: English words
 * also occur inside Korean text (라이브커머스 -> `commerce`), where a heavy one misleads.
 */
export const TRANSLATION_WEIGHT = 0.5;

/** The weight of each of `targetTerms` translating `sourceTerms` terms. */
export function translationWeight(sourceTerms: number, targetTerms: number): number {
  if (targetTerms === 0) return 0;
  return Math.min(TRANSLATION_WEIGHT, (TRANSLATION_WEIGHT * Math.max(1, sourceTerms)) / targetTerms);
}

/** Place-name suffixes dropped before romanizing (해남군 -> Haenam, 울산시 -> Ulsan). */
const PLACE_SUFFIXES = ['특별자치도', '광역시', '특별시', '시', '군', '구', '도'];

interface PreparedEntry {
  /** The Korean side without spaces. */
  ko: string;
  /** The English side as analyzer words. */
  en: string[];
  koTerms: string[];
  enTerms: string[];
}

export interface ExpansionVocabulary {
  has(term: string): boolean;
  terms(): Iterable<string>;
  /**
   * The languages of the corpus' documents: queries are only translated into these (a
   * Korean question over a Korean corpus gains nothing from English terms but noise).
   */
  languages: ReadonlySet<string>;
  /** Capitalized names in the corpus' English documents (asked for once, on first need). */
  latinNames?: () => Iterable<string>;
}

/** A Hangul word sounding like more Latin names than this is not taken for any of them. */
const MAX_SOUND_MATCHES = 2;

const latinWords = (text: string) =>
  [...analyzeWords(text)].flatMap((w) => (w.kind === 'latin' ? [w.word] : w.kind === 'terms' ? w.terms : []));

export class QueryExpander {
  private readonly byFirstEnglishWord = new Map<string, PreparedEntry[]>();
  private readonly byKorean = new Map<string, PreparedEntry[]>();
  private longestKorean = 0;
  private names: RomanizedNames | undefined;
  private latinBySound: Map<string, Set<string>> | undefined;

  constructor(
    minedGlossary: readonly GlossaryEntry[],
    private readonly vocabulary: ExpansionVocabulary,
  ) {
    // English words reach Korean through the whole domain glossary: for an English question over
    // Korean releases it is the only bridge. Korean words reach English only through the corpus'
    // own pairs and the core glossary: the wider lexicon's common words (정책 → policy) would
    // pull a Korean question towards every English passage using them (bench:retrieval on the
    // mixed allganize pages: R@1 0.895 with the core, 0.886 with the whole lexicon).
    const core = new Set([...minedGlossary, ...CORE_GLOSSARY]);
    for (const pair of [...minedGlossary, ...DOMAIN_GLOSSARY]) {
      const [ko, en] = pair;
      const entry: PreparedEntry = {
        ko: ko.replace(/\s+/g, ''),
        en: latinWords(en),
        koTerms: tokenize(ko),
        enTerms: tokenize(en),
      };
      if (entry.en.length === 0 || entry.ko.length < 2) continue;
      const first = entry.en[0]!;
      this.byFirstEnglishWord.set(first, [...(this.byFirstEnglishWord.get(first) ?? []), entry]);
      if (!core.has(pair)) continue;
      this.byKorean.set(entry.ko, [...(this.byKorean.get(entry.ko) ?? []), entry]);
      this.longestKorean = Math.max(this.longestKorean, entry.ko.length);
    }
  }

  /** Terms in the other language for the query's words, with their weights. */
  expand(words: readonly AnalyzedWord[]): Map<string, number> {
    const added = new Map<string, number>();
    const own = new Set<string>();
    for (const w of words) for (const t of termsOf(w)) own.add(t);
    const add = (terms: readonly string[], sourceTerms: number) => {
      const weight = translationWeight(sourceTerms, terms.length);
      for (const term of terms) {
        if (!own.has(term) && this.vocabulary.has(term)) added.set(term, Math.max(added.get(term) ?? 0, weight));
      }
    };

    if (this.vocabulary.languages.has('ko')) this.englishToKorean(words, add);
    if (this.vocabulary.languages.has('en')) this.koreanToEnglish(words, add);
    return added;
  }

  /** Glossary phrases over the sequence of Latin words, then romanized names. */
  private englishToKorean(words: readonly AnalyzedWord[], add: (terms: readonly string[], source: number) => void) {
    const latin = words.flatMap((w) => (w.kind === 'latin' ? [w.word] : w.kind === 'terms' ? [w.terms[0]!] : ['']));
    const covered = new Set<number>();
    latin.forEach((word, i) => {
      for (const entry of this.byFirstEnglishWord.get(word) ?? []) {
        if (entry.en.every((w, k) => latin[i + k] === w)) {
          add(entry.koTerms, entry.enTerms.length);
          for (let k = 0; k < entry.en.length; k++) covered.add(i + k);
        }
      }
    });
    latin.forEach((word, i) => {
      if (covered.has(i) || !/^[a-z]{4,}$/.test(word)) return;
      this.names ??= new RomanizedNames(this.vocabulary.terms());
      for (const hangul of this.names.find(word)) add(tokenize(hangul), 1);
    });
  }

  /** Glossary words inside the query's Korean (compounds included), then romanized stems. */
  private koreanToEnglish(words: readonly AnalyzedWord[], add: (terms: readonly string[], source: number) => void) {
    const korean = words.map((w) => (w.kind === 'hangul' ? w.stem : '')).join('');
    for (let start = 0; start < korean.length; start++) {
      for (let end = start + 2; end <= Math.min(korean.length, start + this.longestKorean); end++) {
        for (const entry of this.byKorean.get(korean.slice(start, end)) ?? []) add(entry.enTerms, entry.koTerms.length);
      }
    }
    for (const w of words) {
      if (w.kind !== 'hangul' || w.stem.length < 2) continue;
      for (const stem of [w.stem, withoutPlaceSuffix(w.stem)]) if (stem) add([romanize(stem)], stem.length - 1);
      for (const name of this.soundsLike(w.stem)) add(tokenize(name), w.stem.length - 1);
    }
  }

  /** Latin names of the corpus that a Hangul word transcribes (에스티젠바이오 → Estigen Bio). */
  private soundsLike(hangul: string): string[] {
    const skeleton = koreanSkeleton(hangul);
    if (skeleton.length < MIN_SOUND_SKELETON || !this.vocabulary.latinNames) return [];
    this.latinBySound ??= bySkeleton(this.vocabulary.latinNames(), (name) => [englishSkeleton(name)]);
    const found = this.latinBySound.get(skeleton);
    return found && found.size <= MAX_SOUND_MATCHES ? [...found] : [];
  }
}

function termsOf(word: AnalyzedWord): string[] {
  return word.kind === 'hangul' ? tokenize(word.raw) : word.kind === 'latin' ? [word.word] : word.terms;
}

function withoutPlaceSuffix(stem: string): string | undefined {
  for (const suffix of PLACE_SUFFIXES) {
    if (stem.length - suffix.length >= 2 && stem.endsWith(suffix)) return stem.slice(0, -suffix.length);
  }
  return undefined;
}

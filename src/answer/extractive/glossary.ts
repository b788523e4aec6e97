/**
 * Names the sources themselves translate: announcements write a name once with its other
 * form in parentheses (업스테이지(Upstage), 금융위원회(Financial Services Commission),
 * Industrial Bank of Korea (IBK)). Mined from the context, these pairs let an English
 * question meet a Korean sentence and let an answer name things in the reader's language,
 * without a dictionary that would only know this corpus.
 */
import type { ContextSource } from '../context.js';
import { tokenize } from '../../text/tokenize.js';

export interface GlossaryPair {
  ko: string;
  en: string;
}

const KO_THEN_EN = /([가-힣][가-힣0-9·]*(?: [가-힣][가-힣0-9·]*){0,3})\s?\(([A-Za-z][A-Za-z0-9 .&'’-]{1,60})\)/g;
const EN_THEN_KO =
  /([A-Z][A-Za-z0-9.&'’-]*(?: (?:of |and |for |the )?[A-Z][A-Za-z0-9.&'’-]*){0,6})\s?\(([가-힣][가-힣0-9· ]{0,30})\)/g;
const EN_THEN_ACRONYM = /([A-Z][a-z]+(?: (?:of |and |for |the )?[A-Z][a-z]+){1,6}) \(([A-Z]{2,6})\)/g;

/** Keeps the last word(s) of a Korean phrase that the English name covers (국내 기업 업스테이지 → 업스테이지). */
function koreanName(phrase: string, en: string): string {
  const words = phrase.split(' ');
  const wanted = Math.min(words.length, Math.max(1, en.split(' ').length - 1));
  return words.slice(-wanted).join(' ');
}

/** The translation pairs written in the sources, each once. */
export function mineGlossary(sources: ContextSource[]): GlossaryPair[] {
  const pairs = new Map<string, GlossaryPair>();
  const add = (ko: string, en: string) => {
    const pair = { ko: ko.trim(), en: en.trim() };
    if (pair.ko && pair.en) pairs.set(`${pair.ko}|${pair.en}`.toLowerCase(), pair);
  };
  for (const { text, title, section } of sources) {
    const all = `${title}\n${section ?? ''}\n${text}`;
    for (const m of all.matchAll(KO_THEN_EN)) add(koreanName(m[1]!, m[2]!), m[2]!);
    for (const m of all.matchAll(EN_THEN_KO)) add(m[2]!, m[1]!);
    // "Industrial Bank of Korea (IBK)": the acronym is another English name of the same thing.
    for (const m of all.matchAll(EN_THEN_ACRONYM)) {
      for (const pair of [...pairs.values()]) if (pair.en === m[1]) add(pair.ko, m[2]!);
    }
  }
  return [...pairs.values()];
}

/**
 * Other-language forms of a word: each as analyzer terms. A word matches a pair when its
 * terms cover one side of it.
 */
export function translationsOf(terms: string[], glossary: GlossaryPair[]): string[][] {
  const out: string[][] = [];
  for (const pair of glossary) {
    const ko = tokenize(pair.ko);
    const en = tokenize(pair.en);
    const covers = (side: string[]) => side.length > 0 && side.every((t) => terms.includes(t));
    const coveredBy = (side: string[]) => terms.length > 0 && terms.every((t) => side.includes(t));
    if (covers(ko) || coveredBy(ko)) out.push(en);
    else if (covers(en) || coveredBy(en)) out.push(ko);
  }
  return out;
}

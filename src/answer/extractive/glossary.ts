/**
 * Korean-English pairs for the offline answerer: the names the sources translate themselves
 * (업스테이지(Upstage), mined by search/glossary.ts from the context), names that are spelled
 * by sound in the two scripts (에스티젠바이오 in a Korean source or question, Estigen Bio in an
 * English one: search/sound-alike.ts) and the shared policy-finance vocabulary
 * (search/domain-glossary.ts). They let a question in one language meet a sentence in the
 * other, and let an answer name in the reader's language what a foreign source says.
 */
import type { ContextSource } from '../context.js';
import { tokenize } from '../../text/tokenize.js';
import { mineGlossary } from '../../search/glossary.js';
import { DOMAIN_GLOSSARY } from '../../search/domain-glossary.js';
import { hangulWords, latinNames, pairBySound } from '../../search/sound-alike.js';
import type { GlossaryEntry } from '../../search/glossary.js';
import { romanize } from '../../text/romanize.js';
import { stripParticle } from '../../text/particles.js';
import { escapeRegExp } from '../../text/normalize.js';

export interface GlossaryPair {
  ko: string;
  en: string;
  /** Analyzer terms of each side, computed once. */
  koTerms: string[];
  enTerms: string[];
}

const toPair = ([ko, en]: readonly [string, string]): GlossaryPair => ({
  ko,
  en,
  koTerms: tokenize(ko),
  enTerms: tokenize(en),
});

const DOMAIN_PAIRS = DOMAIN_GLOSSARY.map(toPair);

/** The pairs written in the context, names of the context and the question that sound alike, then the domain vocabulary. */
export function contextGlossary(sources: ContextSource[], question = ''): GlossaryPair[] {
  const texts = (lang: string) => sources.filter((s) => s.lang === lang).flatMap((s) => [s.title, s.text]);
  const written = mineGlossary(sources.flatMap((s) => [s.title, s.section ?? '', s.text]));
  const known = new Set([...written, ...DOMAIN_GLOSSARY].map(([ko]) => ko));
  const hangul = [...texts('ko'), question].flatMap(hangulWords).filter((w) => !known.has(w));
  const latin = [...texts('en'), question].flatMap(latinNames);
  const spelled = acronymPairs(question, sources, [...written, ...DOMAIN_GLOSSARY]);
  return [...written, ...pairBySound(hangul, latin), ...spelled].map(toPair).concat(DOMAIN_PAIRS);
}

/** Small words an acronym skips (Industrial Bank of Korea → IBK). */
const SKIPPED = '(?:\\s+(?:of|and|for|the|&))?';

/**
 * Acronyms the question uses for names the context writes out (NGF for National Growth
 * Fund): an English phrase with those initials, or a Korean name whose glossary translation
 * has them (국민성장펀드 = National Growth Fund). The acronym is paired with the name, as an
 * alias rather than a translation (both sides may be Latin).
 */
function acronymPairs(question: string, sources: ContextSource[], pairs: readonly GlossaryEntry[]): GlossaryEntry[] {
  const context = sources.map((s) => `${s.title}\n${s.text}`).join('\n');
  const out: GlossaryEntry[] = [];
  for (const acronym of new Set(question.match(/\b[A-Z]{2,6}\b/g) ?? [])) {
    if (new RegExp(`\\b${acronym}\\b`).test(context)) continue;
    const initials = new RegExp(`\\b${[...acronym].map((c) => `${c}[a-z-]*`).join(`${SKIPPED}\\s+`)}`, 'g');
    const phrase = context.match(initials)?.[0];
    if (phrase) out.push([acronym, phrase]);
    const wholeName = new RegExp(`^${initials.source}$`);
    for (const [ko, en] of pairs) if (wholeName.test(en) && context.includes(ko)) out.push([ko, acronym]);
  }
  return out;
}

/**
 * A compound the question writes without the glossary's space (저리대출 for 저리 대출): the
 * other side of that entry, as analyzer terms.
 */
export function compoundTranslations(text: string, glossary: GlossaryPair[]): string[][] {
  const joined = text.replace(/\s+/g, '');
  return glossary.filter((p) => /\s/.test(p.ko) && p.ko.replace(/\s+/g, '') === joined).map((p) => p.enTerms);
}

/**
 * Other-language forms of a word, as analyzer terms: a word matches a pair when its terms
 * are one side of it, or all lie within one side (Financial ∈ Financial Services Commission);
 * `exactOnly`: only when they are one side.
 */
export function translationsOf(terms: string[], glossary: GlossaryPair[], exactOnly = false): string[][] {
  const out: string[][] = [];
  const within = (side: string[]) =>
    terms.length > 0 &&
    (exactOnly
      ? side.length === terms.length && terms.every((t, i) => side[i] === t)
      : terms.every((t) => side.includes(t)));
  for (const pair of glossary) {
    if (pair.koTerms.length === 0 || pair.enTerms.length === 0) continue;
    if (within(pair.koTerms)) out.push(pair.enTerms);
    else if (within(pair.enTerms)) out.push(pair.koTerms);
  }
  return out;
}

/**
 * The other-language forms of a word as written (announcing → 발표), for matching verbs,
 * which are found by how they start in the text rather than by analyzer terms.
 */
export function translationSurfaces(terms: string[], glossary: GlossaryPair[], stem?: string): string[] {
  const key = terms.join(' ');
  const out: string[] = [];
  // English verbs meet a one-word entry by their stem (announcing, announce).
  const sameStem = (en: string) => stem !== undefined && /^[a-z]+$/.test(en) && en.startsWith(stem);
  for (const pair of glossary) {
    if (pair.enTerms.join(' ') === key || sameStem(pair.en.toLowerCase())) out.push(pair.ko);
    else if (pair.koTerms.join(' ') === key) out.push(pair.en.toLowerCase());
  }
  return out;
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
  const lower = text.toLowerCase();
  // Longer entries first, so 구형흑연 wins over 흑연 and "supply chain" over "supply".
  const entries = [...glossary].sort((a, b) => (from === 'ko' ? b.ko.length - a.ko.length : b.en.length - a.en.length));
  for (const pair of entries) {
    const needle = from === 'ko' ? pair.ko : pair.en.toLowerCase();
    const escaped = escapeRegExp(needle);
    // A short Korean entry only at the start of a word: 장기 (long-term) is not inside 성장기금.
    // (A plain lookup for the rest: this runs for every entry of the glossary.)
    const at =
      from === 'ko'
        ? needle.length >= 3
          ? lower.indexOf(needle)
          : lower.search(new RegExp(`(?<![\\uac00-\\ud7a3])${escaped}`))
        : lower.search(new RegExp(`\\b${escaped}(s|es)?\\b`));
    if (at < 0) continue;
    const end = at + needle.length;
    if (found.some((f) => at < f.end && end > f.at)) continue;
    found.push({ at, end, term: from === 'ko' ? pair.en : pair.ko });
  }
  // A place's name before its kind (새만금 국가산업단지, 해남 센터) is written in Revised
  // Romanization, as English releases write Korean place names (Saemangeum, Haenam).
  if (from === 'ko') {
    for (const place of found.filter((f) => PLACE_KIND.test(f.term))) {
      const word = /([\uac00-\ud7a3]{2,})(\s+)[\uac00-\ud7a3]*$/.exec(text.slice(0, place.at));
      if (!word) continue;
      const at = word.index;
      const end = at + word[1]!.length;
      if (found.some((f) => at < f.end && end > f.at)) continue;
      const roman = romanize(stripParticle(word[1]!));
      found.push({ at, end, term: roman[0]!.toUpperCase() + roman.slice(1) });
    }
  }
  // Names have no translation: an English name the glossary does not know is given as written.
  if (from === 'en') {
    // Capitalized words in a row (United States, Kim Seong-hoon), not a sentence's opening words.
    for (const m of text.matchAll(/\b[A-Z][a-z]+(?:(?: |-)[A-Z][a-z]+|-[a-z]+)+/g)) {
      const at = m.index!;
      const end = at + m[0].length;
      if (!found.some((f) => at < f.end && end > f.at)) found.push({ at, end, term: m[0] });
    }
  }
  const terms = found.sort((a, b) => a.at - b.at).map((f) => f.term);
  return [...new Set(terms)];
}

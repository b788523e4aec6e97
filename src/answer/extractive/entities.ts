/**
 * Entity presence: a company, person, place or specific term the question names (read from
 * its form by text/names.ts) must be in the context, in some spelling the bridges know, or
 * the answer would be about someone else ("How much did the fund invest in Kakao?" over
 * sources about Upstage; the class: answering with the figures of another entity). Also the
 * names a sentence gives, for questions asking for names ("which portal companies…"), where
 * a sentence naming none does not answer.
 */
import type { ContextSource } from '../context.js';
import { stripParticle } from '../../text/particles.js';
import { romanize } from '../../text/romanize.js';
import { escapeRegExp } from '../../text/normalize.js';
import { tokenize } from '../../text/tokenize.js';
import { hasOrganizationEnding, isCommonAcronym, namesAsked, NOT_A_NAME, type AskedName } from '../../text/names.js';
import type { QuestionReading } from '../../text/question-words.js';
import { latinNames } from '../../search/sound-alike.js';
import { initialsPattern, isDomainNoun, spellingsOf, synonymPhrases, type GlossaryPair } from './glossary.js';
import type { Query } from './query.js';
import type { NamesGiven, Scores } from './support.js';
import type { Sentence } from './sentences.js';

/** The country the product's releases come from: "in Korea" names no one the sources could fail to mention. */
const HOME_COUNTRY = /^(korea|south korea|republic of korea|한국|대한민국|우리나라)$/i;
/** Hangul compounds this long are specific terms (착한가격업소, 공정거래법): paraphrases of them are rare. */
const TERM_SYLLABLES = 4;
/** GDP, LTV: an acronym is a specific term, whether or not it names a company. */
const ACRONYM = /^[A-Z][A-Z0-9&]{1,6}s?$/;

/** The context a name is looked for in: every title, section and text, lower-case. */
export const contextText = (sources: ContextSource[]) =>
  sources
    .map((s) => `${s.title}\n${s.section ?? ''}\n${s.text}`)
    .join('\n')
    .normalize('NFC')
    .toLowerCase();

/** Is the name written in the context, itself, by its initials, word by word in the other script, or as the other side of a pair? */
function mentioned(name: string, context: string, glossary: GlossaryPair[]): boolean {
  const written = (surface: string) => {
    const s = surface.toLowerCase();
    return /^[a-z0-9&. -]+$/.test(s)
      ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(s)}(s|es)?(?![a-z0-9])`).test(context)
      : context.includes(s);
  };
  // NGF, IBK: the initials of a name the context writes out, or whose pair it writes.
  if (/^[A-Z]{2,6}$/.test(name)) {
    const initials = new RegExp(initialsPattern(name.toLowerCase()).replace(/\\b/, '(^|[^a-z])'));
    if (initials.test(context) || glossary.some((p) => initials.test(p.en.toLowerCase()) && context.includes(p.ko)))
      return true;
  }
  // Every capitalized word of a Latin name (Samsung SDI: Samsung is missing); a name built with "of" only whole.
  const parts =
    /^[A-Za-z]/.test(name) && !/ of /.test(name) ? name.split(' ').filter((w) => !isCommonAcronym(w)) : [name];
  if (parts.every(written)) return true;
  // KDB산업은행 is written when both its parts are.
  const mixed = /^([A-Za-z]+)([\uac00-\ud7a3]+)$/.exec(name);
  if (mixed && written(mixed[1]!) && (written(mixed[2]!) || glossary.some((p) => p.ko === mixed[2] && written(p.en))))
    return true;
  if (/^[A-Za-z]/.test(name) && bridged(name, context, glossary)) return true;
  const lower = name.toLowerCase();
  return glossary.some((p) => (p.ko === name && written(p.en)) || (p.en.toLowerCase() === lower && written(p.ko)));
}

/** Characters between the Korean words of one phrase: spaces, brackets, quotes (｢핀테크 혁신펀드｣). */
const PHRASE_GAP = /^[\s｢｣「」『』<>'"‘’“”·-]{0,3}$/;

/**
 * Is a title-cased English phrase ("Fintech Innovation Fund", "Neulbom School") written in
 * Korean in the context, its words translated by the glossary or romanized, side by side in
 * the phrase's order (핀테크 혁신펀드, 늘봄학교)? Such a phrase is a common noun the question
 * capitalized, not an unknown name. Adjacency keeps scattered words from passing for it.
 */
function bridged(name: string, context: string, glossary: GlossaryPair[]): boolean {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    // Function words of a name (Bank of Korea) have no Korean side to find.
    .filter((w) => !/^(of|and|the|for|no)$/.test(w));
  const singular = (w: string) => w.replace(/(?<=[a-z]{3})s$/, '');
  const surfaces = (i: number, j: number): string[] => {
    const phrase = words.slice(i, j).map(singular).join(' ');
    const found = glossary.filter((p) => singular(p.en.toLowerCase()) === phrase).map((p) => p.ko);
    if (j > i + 1 || words[i]!.length < 4) return found;
    // Hangul runs of the context whose start romanizes to the word (Neulbom → 늘봄 of 늘봄학교).
    for (const run of context.match(/[\uac00-\ud7a3]{2,}/g) ?? []) {
      for (let end = 2; end <= run.length && words[i]!.startsWith(romanize(run.slice(0, end))); end++) {
        if (romanize(run.slice(0, end)) === words[i]) found.push(run.slice(0, end));
      }
    }
    return found;
  };
  const chain = (i: number, after: number | undefined): boolean =>
    i === words.length ||
    Array.from({ length: words.length - i }, (_, k) => words.length - k).some((j) =>
      surfaces(i, j).some((ko) => {
        const starts: number[] = [];
        if (after === undefined)
          for (let at = context.indexOf(ko); at >= 0; at = context.indexOf(ko, at + 1)) starts.push(at);
        else
          for (let gap = 0; gap <= 3; gap++)
            if (PHRASE_GAP.test(context.slice(after, after + gap))) starts.push(after + gap);
        return starts.some((at) => context.startsWith(ko, at) && chain(j, at + ko.length));
      }),
    );
  return words.length > 0 && chain(0, undefined);
}

/** The names the question asks about that no source mentions. */
export function namesNotInSources(
  reading: QuestionReading,
  sources: ContextSource[],
  glossary: GlossaryPair[],
): AskedName[] {
  const context = contextText(sources);
  return namesAsked(reading, isDomainNoun).filter(
    (name) => !HOME_COUNTRY.test(name.text) && !mentioned(name.text, context, glossary),
  );
}

/**
 * Specific terms the question is built around that no source writes in any spelling, even in
 * half of their analyzer terms: a Korean compound of four syllables or more (a programme, a
 * law: 착한가격업소) or an acronym (LTV). Shorter words are left to the support threshold: a
 * paraphrase of a common word is likely, of a long compound not.
 */
export function termsNotInSources(query: Query, scores: Scores): { text: string; word: number }[] {
  return query.words.flatMap((w, i) =>
    w.kind === 'content' &&
    w.required &&
    !w.carried &&
    w.factor > 0 &&
    (/^[\uac00-\ud7a3]+$/.test(w.text) ? w.text.length >= TERM_SYLLABLES : ACRONYM.test(w.text)) &&
    scores.models[i]!.variants.length === 0
      ? [{ text: w.text, word: i }]
      : [],
  );
}

/** Words before a kind that make it refer back ("the company" opening a sentence, "this firm", "이 회사"), not describe. */
const ANAPHOR = /(^[-•·*]?\s*the\s+|\b(this|that|these|those|its|their)\s+|(^|\s)(이|그|해당|동)\s*)$/i;
/** How far from a mention of the asked kind a name may stand to be one of it (in apposition, or listed beside it). */
const NEAR = 24;

/**
 * The names a sentence gives that the question does not hold, in any spelling the context
 * knows: capitalized words in English; in Korean, words with Latin letters, organisation
 * endings and the Korean side of a proper-name pair (업스테이지 = Upstage). Where the sentence
 * mentions the kind of entity asked ("private investors", "포털 기업"), only names beside the
 * mention count: "…and private investors supply the rest" describes them without naming any.
 */
export function namesGiven(query: Query, glossary: GlossaryPair[]): (s: Sentence) => NamesGiven {
  const asked = new Set(query.words.flatMap((w) => [w.terms, ...spellingsOf(w.text, w.terms, glossary, true)].flat()));
  const proper = new Set(
    glossary.filter((p) => /^[A-Z]/.test(p.en) && !isCommonAcronym(p.en)).map((p) => p.ko.replace(/\s+/g, '')),
  );
  const kinds = query.structure.namedKind.flatMap((i) => {
    const w = query.words[i]!;
    return [w.text, ...synonymPhrases(w.terms), ...glossary.filter((p) => p.ko === w.text).map((p) => p.en)];
  });
  const kindPattern = kinds.length
    ? new RegExp(kinds.map((k) => escapeRegExp(k.toLowerCase().replace(/(ies|es|s)$/, ''))).join('|'), 'g')
    : undefined;
  return (s) => {
    const text = s.text;
    const found = (s.source.lang === 'en' ? englishNames(text) : koreanNames(text, proper)).filter((n) =>
      tokenize(n).some((t) => !asked.has(t)),
    );
    const mentions = kindPattern
      ? [...text.toLowerCase().matchAll(kindPattern)]
          .map((m) => m.index!)
          .filter((at) => !ANAPHOR.test(text.slice(Math.max(0, at - 12), at)))
      : [];
    if (mentions.length === 0) return { names: found, mentionsKind: false };
    // Korean lists beside the kind name what no detector knows: "서울의료원, 한빛병원 등 주요 병원", "빅테크 기업(A, B)".
    const listed = mentions.flatMap((m) => [
      ...(LIST_BEFORE.exec(text.slice(0, m))?.[1]?.split(/\s*[,·]\s*/) ?? []),
      ...(LIST_AFTER.exec(text.slice(m).replace(/^\S*?(?=\()/, ''))?.[1]?.split(/\s*[,·]\s*/) ?? []),
    ]);
    const names = [...found, ...listed.filter((item) => item && !/\d/.test(item))].filter((name) => {
      const at = text.indexOf(name);
      return mentions.some((m) => {
        const gap = m > at ? text.slice(at + name.length, m) : text.slice(m, at).replace(/^\S*/, '');
        return (m >= at && m < at + name.length) || (gap.length <= NEAR && APPOSITION_GAP.test(gap));
      });
    });
    return { names, mentionsKind: true };
  };
}

/** A Korean list before the kind (X, Y 등 주요 …) and in brackets after it (기업(X, Y)). */
const LIST_BEFORE = /([^\s,·]+(?:\s*[,·]\s*[^\s,·]+)*)\s+(?:등|같은)\s+(?:\S+\s+){0,2}$/;
const LIST_AFTER = /^\(([^()]+)\)/;
/** What may stand between a name and the kind it is one of: a few words, list marks, no figure, no clause end. */
const APPOSITION_GAP = /^[^\d.;]*$/;

/** Capitalized names of an English sentence, longest only, not its first word alone, not months or nationalities. */
function englishNames(text: string): string[] {
  const all = latinNames(text).filter((n) => !isCommonAcronym(n) && !NOT_A_NAME.test(n));
  const longest = all.filter((n) => !all.some((o) => o !== n && o.includes(n)));
  return longest.filter((n) => n.includes(' ') || !new RegExp(`^[-•·*]?\\s*${escapeRegExp(n)}\\b`).test(text));
}

/** Names of a Korean sentence: words with Latin letters, organisation endings, the Korean side of a proper-name pair. */
function koreanNames(text: string, proper: ReadonlySet<string>): string[] {
  // A Latin phrase in brackets after a Hangul word is its translation (금융위원회(Financial Services Commission)).
  const own = text.replace(/([\uac00-\ud7a3])\([A-Za-z][^)]*\)/g, '$1');
  return [...own.matchAll(/[A-Za-z0-9&\uac00-\ud7a3]+/g)]
    .map((m) => stripParticle(m[0]))
    .filter((w) => (/[A-Za-z]{2}/.test(w) && !isCommonAcronym(w)) || proper.has(w) || hasOrganizationEnding(w));
}

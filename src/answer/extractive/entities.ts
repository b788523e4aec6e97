/**
 * Entity presence: a company, person, place or specific term the question names must be in
 * the context, in some spelling the bridges know, or the answer would be about someone else
 * ("How much did the fund invest in Kakao?" over sources about Upstage; the class: answering
 * with the figures of another entity). Also the names a sentence gives, for questions asking
 * for names ("which portal companies…"), where a sentence naming none does not answer.
 *
 * Names are read from the question's form, without a dictionary (text/names.ts):
 * capitalized words and acronyms (Kakao, FuriosaAI, KDB산업은행), not common acronyms (AI, GPU);
 * Hangul words with an organisation's ending (삼성전자, 국세청), not kinds (시중은행);
 * transcriptions of foreign names marked as a participant (네이버가, 리벨리온에); a noun in a
 * deal's participant slot (…에 대한 투자, …의 대출); a bare word before a facility (대구
 * 데이터센터). Vocabulary (question shape, generic nouns, the domain glossary) is never a name.
 */
import type { ContextSource } from '../context.js';
import { stripParticle } from '../../text/particles.js';
import { romanize } from '../../text/romanize.js';
import { escapeRegExp } from '../../text/normalize.js';
import { tokenize } from '../../text/tokenize.js';
import { hasOrganizationEnding, isCommonAcronym, looksTranscribed } from '../../text/names.js';
import { isQuestionPhrasing, type QuestionReading, type QuestionToken } from '../../text/question-words.js';
import { KOREAN_GENERIC_NOUNS, ENGLISH_GENERIC_NOUNS } from '../../text/data/generic-nouns.js';
import { latinNames } from '../../search/sound-alike.js';
import { initialsPattern, isDomainNoun, spellingsOf, synonymPhrases, type GlossaryPair } from './glossary.js';
import type { Query } from './query.js';
import type { NamesGiven, Scores } from './support.js';
import type { Sentence } from './sentences.js';

export interface AskedName {
  /** As the question writes it, without its particle. */
  text: string;
  /** Indexes into the reading's words of the words it gave. */
  words: number[];
}

const GENERIC: ReadonlySet<string> = new Set([...KOREAN_GENERIC_NOUNS, ...ENGLISH_GENERIC_NOUNS]);
/** The country the product's releases come from: "in Korea" names no one the sources could fail to mention. */
const HOME_COUNTRY = /^(korea|south korea|republic of korea|한국|대한민국|우리나라)$/i;
/** Capitalized English that names no one: languages, nationalities, days. */
const NOT_A_NAME = /^([A-Z][a-z]+(ean|ese|ish|ian|an)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I)$/;
/** Particles that make a transcribed noun a participant (네이버가, 카카오의); not 은/는/을, which end verbs too. */
const PARTICIPANT = /(이|가|께서|에|에게|에서|의|와|과|랑|를|도)$/;
/** Deals a participant takes part in: "X에 대한 투자", "X의 대출". */
const DEAL = /^(투자|대출|출자|보증|융자|인수|지분|주가)/;
const ABOUT = /^(대한|대해|대해서|관한|관해|관해서)$/;
/** Facilities a place name stands before (대구 데이터센터, 울산 공장). */
const FACILITY = /^(센터|데이터센터|공장|단지|산업단지|국가산업단지|캠퍼스|발전소|클러스터|연구소|부지|항만|사업장)/;
/** Tenses and clause endings: a verb, never a name (도입했을, 보았을). */
const VERB_FORM = /[했았었였겠됐]|(는지|는가|던지)$/;
/** Hangul compounds this long are specific terms (착한가격업소, 공정거래법): paraphrases of them are rare. */
const TERM_SYLLABLES = 4;
/** GDP, LTV: an acronym is a specific term, whether or not it names a company. */
const ACRONYM = /^[A-Z][A-Z0-9&]{1,6}s?$/;

const isVocabulary = (word: string) =>
  isQuestionPhrasing(word) || GENERIC.has(word.toLowerCase()) || isDomainNoun(word);

/** The noun of a word: its particle, a possessive and the plural 들 removed (회원들에 → 회원). */
function nounOf(raw: string): string {
  if (!/[\uac00-\ud7a3]$/.test(raw)) return raw.replace(/['’]s$/, '');
  const stem = raw.length === 2 ? raw.replace(/[에의가이를도]$/, '') : stripParticle(raw);
  return stem.length > 2 && stem.endsWith('들') ? stem.slice(0, -1) : stem;
}

function latinName(raw: string, first: boolean, next: QuestionToken | undefined): boolean {
  const latin = /^[A-Za-z][A-Za-z&.-]*/.exec(raw)?.[0] ?? '';
  if (latin.length < 2 || !/^[A-Z]/.test(latin) || isCommonAcronym(latin) || NOT_A_NAME.test(latin.split('-')[0]!))
    return false;
  if (isVocabulary(latin)) return false;
  // An English question's first word is capitalized anyway: a name only when it shows it otherwise.
  return !first || /[a-z][A-Z]|^[A-Z]{2,}/.test(latin) || /['’]s$/.test(raw) || /^[A-Z]/.test(next?.raw ?? '');
}

function hangulName(raw: string, stem: string, after: string[]): boolean {
  if (stem.length < 2 || VERB_FORM.test(stem)) return false;
  if (hasOrganizationEnding(stem)) return true;
  if (isVocabulary(stem)) return false;
  if (stem === raw && stem.length <= 4 && FACILITY.test(after[0] ?? '')) return true;
  if (stem !== raw && PARTICIPANT.test(raw) && looksTranscribed(stem)) return true;
  const [next, ...rest] = after;
  if (raw.endsWith('에') && ABOUT.test(next ?? '') && rest.slice(0, 2).some((r) => DEAL.test(r))) return true;
  return (raw.endsWith('에') || raw.endsWith('의')) && DEAL.test(next ?? '');
}

/** The names a question asks about (see the module comment), in question order. */
export function namesAsked({ tokens, words, text }: QuestionReading): AskedName[] {
  const names: AskedName[] = [];
  let previousLatin = -2;
  tokens.forEach((token, i) => {
    const own = token.words.filter((w) => words[w]!.kind === 'content');
    if (own.length === 0) return;
    if (/[A-Za-z]/.test(token.raw)) {
      if (!latinName(token.raw, i === 0, tokens[i + 1])) return;
      // Samsung SDI, Bank of Korea: the words of one name run together, across an "of".
      const last = names.at(-1);
      const gap = last && previousLatin >= i - 2 ? text.slice(tokens[previousLatin]!.end, token.at) : '';
      if (last && /^ (of )?$/.test(gap)) {
        last.text += gap + nounOf(token.raw);
        last.words.push(...own);
      } else names.push({ text: nounOf(token.raw), words: own });
      previousLatin = i;
    } else if (
      hangulName(
        token.raw,
        nounOf(token.raw),
        tokens.slice(i + 1, i + 4).map((t) => t.raw),
      )
    ) {
      names.push({ text: nounOf(token.raw), words: own });
    }
  });
  return names;
}

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
  return namesAsked(reading).filter(
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
/** Months and weekdays are capitalized and name no one. */
const CALENDAR =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Capitalized names of an English sentence, longest only, not its first word alone, not months or nationalities. */
function englishNames(text: string): string[] {
  const all = latinNames(text).filter((n) => !isCommonAcronym(n) && !CALENDAR.test(n) && !NOT_A_NAME.test(n));
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

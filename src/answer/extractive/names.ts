/**
 * Questions that ask for names ("which portal companies…", "어느 민간 기업이…", "…넣는
 * 은행은 어디야?") are answered only by a sentence that names one.
 *
 * Announcements often mention a kind of participant without naming it ("국내 주요 포털
 * 기업과의 데이터 협력", "private investors supply the rest"). Quoting such a sentence looks
 * like an answer and is not one. The rule: a sentence answers when it holds a name the
 * question does not already hold, and, where it mentions the asked kind itself, a name stands
 * in apposition to it (네이버·카카오 등 포털 기업, 포털 기업인 네이버, AI 기업 업스테이지,
 * portal companies such as Naver, the Industrial Bank of Korea). A mention of the kind with
 * no name beside it ("주요 포털 기업과의…") describes the participants without naming them.
 *
 * Names: capitalized words and acronyms in English; in Korean, words with Latin letters
 * (IBK기업은행) and words the glossary pairs with a capitalized English name (업스테이지 =
 * Upstage, 국민성장펀드 = National Growth Fund, sound-alike pairs).
 */
import { COMMON_ACRONYMS } from './absent-names.js';
import { escapeRegExp } from '../../text/normalize.js';
import { tokenize } from '../../text/tokenize.js';
import { stripParticle } from '../../text/particles.js';
import { latinNames } from '../../search/sound-alike.js';
import type { GlossaryPair } from './glossary.js';
import { synonymPhrases } from './synonyms.js';
import type { Query } from './query.js';
import type { ScoredSentence, Scores } from './score-sentences.js';

interface Span {
  at: number;
  end: number;
}

export interface Name extends Span {
  terms: string[];
  /** A Korean particle closes it (업스테이지는): it is a phrase of its own, not in apposition. */
  closed: boolean;
}

/** Words between a name and the kind it names: list marks, 등 / 같은, up to two modifiers (국내 주요). */
const KO_BEFORE_KIND =
  /^(?:\s*[·,]\s*[^\s,·]+)*\s*(?:[·,]|와|과|및)?\s*(?:등|같은|과 같은|와 같은)?\s*(?:[가-힣A-Za-z0-9]+\s+){0,2}$/;
/** After the kind: 포털 기업인 네이버, 포털 기업(네이버), 포털 기업 네이버. */
const KO_AFTER_KIND = /^(?:[들]?(?:인|이자|으로는|로는))?\s*[(:]?\s*$/;
/** Before the kind in English: "Naver and Kakao, the two portal companies", "the Naver portal". */
const EN_BEFORE_KIND = /^(?:,? (?:and )?(?:the |two |three |both |other )?)?(?:[a-z-]+ ){0,2}$/;
/** After the kind in English: "portal companies such as Naver", "lenders (KDB, IBK)", "the portal Naver". */
const EN_AFTER_KIND = /^[a-z]*\s*(?:,?\s*(?:such as|including|like|namely|e\.g\.,?|:|\(|—|-)\s*|\s)$/i;
/**
 * Korean names of organisations, by the endings they take (국세청, 행정안전부, 신한은행,
 * 한국전력공사, 삼성전자): three syllables or more, so 정부 and 은행 alone are not names.
 */
const ORGANIZATION =
  /^[\uac00-\ud7a3]+(청|처|부|공사|공단|은행|증권|카드|캐피탈|생명|화재|그룹|전자|화학|건설|제약|재단|협회|연구원|진흥원|위원회|지주|홀딩스|텔레콤|중공업|에너지)$/;

/** Capitalized English that is not a name: languages and nationalities (Korean, Chinese). */
const NATIONALITY = /^[A-Z][a-z]+(?:ean|ese|ish|ian|an)$/;

/** Is the English side of a glossary pair a proper name (Upstage, Bank of Korea), not vocabulary (AI, Korean)? */
export function isProperName(en: string): boolean {
  return /^[A-Z]/.test(en) && !COMMON_ACRONYMS.has(en) && !NATIONALITY.test(en);
}

/** Words before a kind that make it refer back: "the company" opening a sentence, "this firm", "이 회사", "해당 기업". */
const ANAPHOR = /(^[-•·*]?\s*the\s+|\b(this|that|these|those|its|their)\s+|(^|\s)(이|그|해당|동|같은)\s*)$/i;

/** Reaches of the apposition checks, in characters. */
const NEAR = 24;

function koreanNames(text: string, nameWords: ReadonlySet<string>): Name[] {
  const out: Name[] = [];
  // Latin words run together as one name (Financial Services Commission); one in parentheses
  // after a Hangul word is its translation (금융위원회(Financial Services Commission)), not another name.
  for (const m of text.matchAll(/[A-Za-z0-9&\uac00-\ud7a3]+(?:[ .-][A-Z][A-Za-z0-9&]*)*/g)) {
    const word = m[0];
    if (/^[A-Za-z]/.test(word) && /[\uac00-\ud7a3]\($/.test(text.slice(0, m.index!))) continue;
    const stem = /[\uac00-\ud7a3]$/.test(word) ? stripParticle(word) : word;
    const latin = word.match(/[A-Za-z&]+/)?.[0];
    if (latin ? COMMON_ACRONYMS.has(latin) : !nameWords.has(stem) && !(stem.length >= 3 && ORGANIZATION.test(stem)))
      continue;
    out.push({ at: m.index!, end: m.index! + stem.length, terms: tokenize(stem), closed: stem !== word });
  }
  return out;
}

function englishNames(text: string): Name[] {
  const out: Name[] = [];
  // Longest names only: latinNames also gives every leading run.
  const found = latinNames(text).sort((a, b) => b.length - a.length);
  for (const name of found) {
    for (const m of text.matchAll(new RegExp(`\\b${escapeRegExp(name)}\\b`, 'g'))) {
      const span = { at: m.index!, end: m.index! + name.length };
      if (COMMON_ACRONYMS.has(name) || out.some((n) => span.at < n.end && span.end > n.at)) continue;
      out.push({ ...span, terms: tokenize(name), closed: false });
    }
  }
  return out;
}

/** Patterns for the asked kind's surfaces at a word's start, in either script (made once per question). */
function kindPatterns(surfaces: Iterable<string>): RegExp[] {
  const out: RegExp[] = [];
  for (const surface of surfaces) {
    const latin = /^[A-Za-z]/.test(surface);
    const stem = latin ? surface.toLowerCase().replace(/(ies|es|s|y)$/, '') : surface;
    if (stem.length < 2) continue;
    const escaped = escapeRegExp(stem);
    out.push(latin ? new RegExp(`\\b${escaped}[a-z]*`, 'gi') : new RegExp(`(?<![\\uac00-\\ud7a3])${escaped}`, 'g'));
  }
  return out;
}

/** Where a sentence mentions the asked kind. */
function kindMentions(text: string, patterns: RegExp[]): Span[] {
  const out: Span[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      // "The company will use the loan…", "이 회사는…": a reference back to a named one, not a description.
      if (ANAPHOR.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
      out.push({ at: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}

/** Is `name` in apposition to the kind mentioned at `kind`? */
function apposed(text: string, name: Name, kind: Span): boolean {
  if (name.at <= kind.at && name.end >= kind.end) return true; // IBK기업은행, Industrial Bank of Korea
  if (name.end <= kind.at && kind.at - name.end <= NEAR) {
    const gap = text.slice(name.end, kind.at);
    return /[\uac00-\ud7a3]/.test(text[kind.at]!) ? !name.closed && KO_BEFORE_KIND.test(gap) : EN_BEFORE_KIND.test(gap);
  }
  if (name.at >= kind.end && name.at - kind.end <= NEAR) {
    const gap = text.slice(kind.end, name.at);
    return /[\uac00-\ud7a3]/.test(text[kind.at]!) ? KO_AFTER_KIND.test(gap) : EN_AFTER_KIND.test(gap);
  }
  return false;
}

/** Korean list before the kind with words no name detector knows: 네이버·카카오 등 포털 기업. */
function listedBefore(text: string, kind: Span): boolean {
  return /[^\s·,]+\s*(?:[·,]\s*[^\s·,]+)*\s+(?:등|같은)\s+(?:[가-힣0-9]+\s+){0,2}$/.test(text.slice(0, kind.at));
}

/** One item of a bracketed list: a word or two, no figure, no aside (이하, 예, 약). */
const LIST_ITEM = String.raw`(?!이하|예|약|단|총|및)[\uac00-\ud7a3A-Za-z&][\uac00-\ud7a3A-Za-z&.]*(?: [\uac00-\ud7a3A-Za-z&.]+)?`;
/** A kind followed by a bracketed list of what it holds: 빅테크 기업(네이버파이낸셜, 카카오페이). */
const BRACKETED_LIST = new RegExp(String.raw`^[들]?\s?\(\s*${LIST_ITEM}(?:\s*[,·]\s*${LIST_ITEM})*\s*\)`);

/** Korean list in brackets after the kind, with words no name detector knows. */
function listedAfter(text: string, kind: Span): boolean {
  return /[\uac00-\ud7a3]/.test(text[kind.at]!) && BRACKETED_LIST.test(text.slice(kind.end));
}

/**
 * The names a sentence holds that the question does not (in any spelling the context
 * knows), as text: what it tells a reader who asked about the question's names.
 */
export function newNames(query: Query, scores: Scores, glossary: GlossaryPair[]): (s: ScoredSentence) => Name[] {
  const asked = new Set<string>();
  query.words.forEach((w, i) => {
    for (const t of w.terms) asked.add(t);
    for (const variant of scores.models[i]!.variants) for (const t of variant) asked.add(t);
  });
  const kindTerms = new Set(query.shape.namedKind.flatMap((i) => query.words[i]!.terms));
  const nameWords = new Set(glossary.filter((p) => isProperName(p.en)).map((p) => p.ko.replace(/\s+/g, '')));
  return (s) => {
    const found = s.source.lang === 'en' ? englishNames(s.text) : koreanNames(s.text, nameWords);
    return found.filter((n) => n.terms.some((t) => !asked.has(t) && !kindTerms.has(t)));
  };
}

/** How a sentence stands to a question asking for names. */
export interface NameCheck {
  /** It names an entity of the kind asked (see the module comment). */
  names(s: ScoredSentence): boolean;
  /** It mentions the kind asked and names none of it: the sources describe without naming. */
  describesUnnamed(s: ScoredSentence): boolean;
}

/**
 * Tests of whether a sentence names an entity of the kind the question asks for (see the
 * module comment). Only for queries whose shape has a `namedKind`.
 */
export function nameChecker(query: Query, scores: Scores, glossary: GlossaryPair[]): NameCheck {
  const surfaces = new Set<string>();
  for (const w of query.shape.namedKind.map((i) => query.words[i]!)) {
    surfaces.add(w.text);
    for (const phrase of synonymPhrases(w.terms)) surfaces.add(phrase);
    const same = (side: string[]) => w.terms.length > 0 && side.join(' ') === w.terms.join(' ');
    for (const pair of glossary) if (same(pair.koTerms) || same(pair.enTerms)) surfaces.add(pair.ko).add(pair.en);
  }
  const namesOf = newNames(query, scores, glossary);
  const patterns = kindPatterns(surfaces);
  const givesNames = (s: ScoredSentence, mentions: Span[]) => {
    const found = namesOf(s);
    if (mentions.length === 0) return found.length > 0;
    return mentions.some(
      (kind) => listedBefore(s.text, kind) || listedAfter(s.text, kind) || found.some((n) => apposed(s.text, n, kind)),
    );
  };
  const names = (s: ScoredSentence) => givesNames(s, kindMentions(s.text, patterns));
  const describesUnnamed = (s: ScoredSentence) => {
    const mentions = kindMentions(s.text, patterns);
    return mentions.length > 0 && !givesNames(s, mentions);
  };
  return { names, describesUnnamed };
}

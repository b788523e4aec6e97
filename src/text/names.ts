/**
 * What the form of a word says about it being a name, without a dictionary: a Korean
 * organisation's ending (삼성전자, 국세청), a transcription of a foreign name (네이버, 리벨리온:
 * a syllable no Chinese character reads), an acronym of a common noun (AI, GPU: nobody's name).
 * And the names a question asks about, read from its form (`namesAsked`):
 * capitalized words and acronyms (Kakao, FuriosaAI, KDB산업은행), not common acronyms;
 * Hangul words with an organisation's ending, not kinds (시중은행); transcriptions of foreign
 * names marked as a participant (네이버가, 리벨리온에); a noun in a deal's participant slot
 * (…에 대한 투자, …의 대출); a bare word before a facility (대구 데이터센터). Vocabulary
 * (question shape, generic nouns, the domain's nouns) is never a name.
 */
import { isHangulSyllable } from './hangul.js';
import { stripParticle } from './particles.js';
import { isQuestionPhrasing, type QuestionReading, type QuestionToken } from './question-words.js';
import { ENGLISH_GENERIC_NOUNS, KOREAN_GENERIC_NOUNS } from './data/generic-nouns.js';
import {
  COMMON_ACRONYMS,
  COMMON_BODIES,
  COMMON_KIND_PREFIXES,
  ORGANIZATION_ENDINGS,
  SINO_KOREAN_SYLLABLES,
} from './data/names.js';

const ACRONYMS: ReadonlySet<string> = new Set(COMMON_ACRONYMS);
const BODIES: ReadonlySet<string> = new Set(COMMON_BODIES);
const ORGANIZATION = new RegExp(`^[\\uac00-\\ud7a3]{2,}(${ORGANIZATION_ENDINGS.join('|')})$`);
const COMMON_KIND = new RegExp(`^(${COMMON_KIND_PREFIXES.join('|')})`);

/** Is the acronym (or word) that of a common noun (AI, GPU, SPC)? */
export const isCommonAcronym = (word: string) => ACRONYMS.has(word);

/**
 * Does the Hangul word end like an organisation's name (삼성전자, 신한은행, 국세청), and not like
 * a kind of one (시중은행, 중소기업, 교육청)?
 */
export const hasOrganizationEnding = (word: string) =>
  ORGANIZATION.test(word) && !COMMON_KIND.test(word) && !BODIES.has(word);

/**
 * Does the Hangul word contain a syllable no Chinese character reads (a transcription)?
 * Native words (당근) and Sino-Korean names (삼성) are not told apart by this.
 *
 * @example looksTranscribed('카카오') // true
 * @example looksTranscribed('삼성') // false
 */
export function looksTranscribed(word: string): boolean {
  const hangul = [...word].filter(isHangulSyllable);
  return hangul.length >= 2 && hangul.some((c) => !SINO_KOREAN_SYLLABLES.has(c));
}

export interface AskedName {
  /** As the question writes it, without its particle. */
  text: string;
  /** Indexes into the reading's words of the words it gave. */
  words: number[];
}

const GENERIC: ReadonlySet<string> = new Set([...KOREAN_GENERIC_NOUNS, ...ENGLISH_GENERIC_NOUNS]);
/** Capitalized English that names no one: languages, nationalities, months and days. */
export const NOT_A_NAME =
  /^([A-Z][a-z]+(ean|ese|ish|ian|an)|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I)$/;
/** Particles that make a transcribed noun a participant (네이버가, 카카오의); not 은/는/을, which end verbs too. */
const PARTICIPANT = /(이|가|께서|에|에게|에서|의|와|과|랑|를|도)$/;
/** Deals a participant takes part in: "X에 대한 투자", "X의 대출". */
const DEAL = /^(투자|대출|출자|보증|융자|인수|지분|주가)/;
const ABOUT = /^(대한|대해|대해서|관한|관해|관해서)$/;
/** Facilities a place name stands before (대구 데이터센터, 울산 공장). */
const FACILITY = /^(센터|데이터센터|공장|단지|산업단지|국가산업단지|캠퍼스|발전소|클러스터|연구소|부지|항만|사업장)/;
/** Tenses and clause endings: a verb, never a name (도입했을, 보았을). */
const VERB_FORM = /[했았었였겠됐]|(는지|는가|던지)$/;
const isVocabulary = (word: string, isKnownNoun: (word: string) => boolean) =>
  isQuestionPhrasing(word) || GENERIC.has(word.toLowerCase()) || isKnownNoun(word);

/** The noun of a word: its particle, a possessive and the plural 들 removed (회원들에 → 회원). */
function nounOf(raw: string): string {
  if (!/[\uac00-\ud7a3]$/.test(raw)) return raw.replace(/['’]s$/, '');
  const stem = raw.length === 2 ? raw.replace(/[에의가이를도]$/, '') : stripParticle(raw);
  return stem.length > 2 && stem.endsWith('들') ? stem.slice(0, -1) : stem;
}

function latinName(raw: string, first: boolean, next: QuestionToken | undefined, isKnownNoun: (w: string) => boolean) {
  const latin = /^[A-Za-z][A-Za-z&.-]*/.exec(raw)?.[0] ?? '';
  if (latin.length < 2 || !/^[A-Z]/.test(latin) || isCommonAcronym(latin) || NOT_A_NAME.test(latin.split('-')[0]!))
    return false;
  if (isVocabulary(latin, isKnownNoun)) return false;
  // An English question's first word is capitalized anyway: a name only when it shows it otherwise.
  return !first || /[a-z][A-Z]|^[A-Z]{2,}/.test(latin) || /['’]s$/.test(raw) || /^[A-Z]/.test(next?.raw ?? '');
}

function hangulName(raw: string, stem: string, after: string[], isKnownNoun: (w: string) => boolean): boolean {
  if (stem.length < 2 || VERB_FORM.test(stem)) return false;
  if (hasOrganizationEnding(stem)) return true;
  if (isVocabulary(stem, isKnownNoun)) return false;
  if (stem === raw && stem.length <= 4 && FACILITY.test(after[0] ?? '')) return true;
  if (stem !== raw && PARTICIPANT.test(raw) && looksTranscribed(stem)) return true;
  const [next, ...rest] = after;
  if (raw.endsWith('에') && ABOUT.test(next ?? '') && rest.slice(0, 2).some((r) => DEAL.test(r))) return true;
  return (raw.endsWith('에') || raw.endsWith('의')) && DEAL.test(next ?? '');
}

/** The names a question asks about (see the module comment), in question order; `isKnownNoun` names the domain's nouns. */
export function namesAsked(
  { tokens, words, text }: QuestionReading,
  isKnownNoun: (word: string) => boolean = () => false,
): AskedName[] {
  const names: AskedName[] = [];
  let previousLatin = -2;
  tokens.forEach((token, i) => {
    const own = token.words.filter((w) => words[w]!.kind === 'content');
    if (own.length === 0) return;
    if (/[A-Za-z]/.test(token.raw)) {
      if (!latinName(token.raw, i === 0, tokens[i + 1], isKnownNoun)) return;
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
        isKnownNoun,
      )
    ) {
      names.push({ text: nounOf(token.raw), words: own });
    }
  });
  return names;
}

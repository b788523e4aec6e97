/**
 * Names a question asks about that no source mentions (issue 5): "How much did the fund
 * invest in Kakao?" over sources about Upstage must not be answered with Upstage's amount, and
 * "네이버가 업스테이지에 데이터를 제공하나요?" must not be confirmed by a sentence about "major
 * portal companies". When the question names a specific company, person or place that none of
 * the sources mentions in any spelling the context knows (the sources' own pairs, names that
 * sound alike across scripts, the domain glossary), the answerer refuses and says so.
 *
 * Names are read from the question alone, without a dictionary:
 * - Latin letters: capitalized words and acronyms (Kakao, FuriosaAI, Samsung SDI, KDB산업은행),
 *   but not question words, months, nationalities, single letters (원고 A) or the acronyms of
 *   common nouns (AI, GPU, SPC).
 * - Hangul words with an organisation's ending (삼성전자, 신한은행, 셀바이오, 한화그룹).
 * - Hangul words transcribed from a foreign name (네이버, 리벨리온: transcribed.ts) standing as a
 *   participant, marked by a particle (네이버가, 리벨리온에).
 * - Any Hangul noun in a participant's slot of a deal: "…에 대한 투자", "…의 대출", "…에 투자한"
 *   (삼성에 대한 투자 계획).
 * Vocabulary (question shape, generic and framing nouns, the domain glossary) is never a name.
 */
import type { ContextSource } from '../context.js';
import type { Query } from './query.js';
import type { Scores } from './score-sentences.js';
import { stripParticle } from '../../text/particles.js';
import type { GlossaryPair } from './glossary.js';
import { isVocabulary, type QuestionReading, type QuestionToken } from './question-words.js';
import { looksTranscribed } from './transcribed.js';
import { romanize } from '../../text/romanize.js';
import { escapeRegExp } from '../../text/normalize.js';

export interface AskedName {
  /** As the question writes it, without its particle. */
  text: string;
  /** Indexes into the reading's words of the words it gave. */
  words: number[];
}

/** Acronyms of common nouns (technologies, legal forms, roles, measures): not the name of anyone. */
export const COMMON_ACRONYMS: ReadonlySet<string> = new Set(
  (
    'AI GPU GPUs NPU NPUs CPU LLM LLMs SPC SPV SME SMEs IT ICT ESG IPO CEO CFO CTO COO PF ETF VC R&D M&A EV EVs OLED HBM ' +
    'GDP GNP CPI PPI KRW USD US UK EU OK DB DC IRP RP MMF ELS CD CP ABS MBS LTV DSR DTI ROE ROI ROA KPI ' +
    'B2B B2C C2C D2C SKU CRM ERP API SaaS IoT VR AR XR OTT SNS QR ID PC TV CCTV NLU NLP OCR RPA TMS WMS ' +
    'FAQ PDF HTML URL FTA WTO IMF OECD AML KYC'
  ).split(' '),
);
/**
 * The country every announcement of this product is from (Korean policy-fund releases): a
 * question placing something "in Korea" names no one the sources could fail to mention.
 */
const HOME_COUNTRY = /^(korea|south korea|republic of korea|한국|대한민국|우리나라)$/i;
/** Capitalized English that names no one: languages, nationalities, days. */
const NOT_A_NAME = /^([A-Z][a-z]+(ean|ese|ish|ian|an)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I)$/;
/**
 * Endings of Korean organisation names (삼성전자, 신한은행, 셀바이오, 한화그룹), after a name of two
 * syllables or more; the kinds that are common nouns (시중은행, 중소기업) are vocabulary.
 */
const ORGANIZATION =
  /^[\uac00-\ud7a3]{2,}(전자|은행|증권|캐피탈|그룹|홀딩스|지주|바이오|중공업|모터스|모비스|물산|제철|텔레콤|하이닉스|랩스|네트웍스|시스템즈|엔터테인먼트|파트너스|인베스트먼트|벤처스|자산운용|투자증권|부|처|청|위원회|공사|공단|재단|협회|진흥원|연구원|보증기금|거래소)$/;
/** Endings of public bodies whose names are also common nouns of a release (지도부, 사무처, 교육청). */
const COMMON_BODIES = /^(지도부|집행부|사무처|교육청|시도교육청|교육지원청|위원회|관계부처)$/;
/** Kinds of bank, security and company that are common nouns, though they end like a name. */
const COMMON_KINDS =
  /^(시중|지방|인터넷|인터넷전문|저축|국책|상업|투자|중앙|외국|외국계|지역|일반|특수|민간|대형|중소|전문|상호|협동|주거래|금융|대기업|친환경|신재생|차세대|첨단|국내|해외|글로벌|국가|공공|정책|대상|유가|담보|국공채|그린|레드|화이트)/;
/**
 * Particles that make a transcribed noun a participant (네이버가, 리벨리온에, 카카오의, 애플과).
 * Not 은/는/을: they also end a verb's adnominal form (따르는, 받을).
 */
const PARTICIPANT = /(이|가|께서|에|에게|에서|의|와|과|랑|를|도)$/;
/** Deals a participant takes part in: "X에 대한 투자", "X의 대출", "X에 투자한". */
const DEAL = /^(투자|대출|출자|보증|융자|인수|지분|주가)/;
const ABOUT = /^(대한|대해|대해서|관한|관해|관해서)$/;
/** Facilities a place name stands before (대구 데이터센터, 울산 공장, 오송 캠퍼스). */
const FACILITY = /^(센터|데이터센터|공장|단지|산업단지|국가산업단지|캠퍼스|발전소|클러스터|연구소|부지|항만|사업장)/;

/** Tenses and moods: a verb, never a name (도입했을, 보았을). */
const VERB_SYLLABLES = /[했았었였겠됐]|(는지|는가|ㄴ지|던지)$/;

/** The noun of a Hangul word: its particle, a possessive and the plural 들 removed (회원들에 → 회원). */
function hangulStem(raw: string): string {
  if (!/[\uac00-\ud7a3]$/.test(raw)) return raw.replace(/['’]s$/, '');
  // 데에, 등에: a one-syllable noun and its particle, which stripParticle keeps whole.
  const stem = (raw.length === 2 ? raw.replace(/[에의가이를도]$/, '') : stripParticle(raw)).replace(/['’]s$/, '');
  return stem.length >= 2 && stem.endsWith('들') ? stem.slice(0, -1) : stem;
}

/** Is this Latin token written as a name (Kakao, FuriosaAI, KDB, Samsung)? */
function latinName(raw: string, first: boolean, next: QuestionToken | undefined): boolean {
  const latin = /^[A-Za-z][A-Za-z&.-]*/.exec(raw)?.[0] ?? '';
  const head = latin.split('-')[0]!; // Korean-language, South-Korean
  if (latin.length < 2 || !/^[A-Z]/.test(latin) || COMMON_ACRONYMS.has(latin) || NOT_A_NAME.test(head)) return false;
  if (isVocabulary(latin)) return false;
  // The first word of an English question is capitalized anyway: a name only when it shows
  // it (an inner capital, a possessive, the next word capitalized too).
  if (first && !/[a-z][A-Z]|^[A-Z]{2,}/.test(latin) && !/['’]s$/.test(raw) && !/^[A-Z]/.test(next?.raw ?? '')) {
    return false;
  }
  return true;
}

/** Is this Hangul noun a name by its form or its place in the question (`after`: the next tokens)? */
function hangulName(raw: string, stem: string, after: QuestionToken[]): boolean {
  if (stem.length < 2 || VERB_SYLLABLES.test(stem) || COMMON_KINDS.test(stem)) return false;
  // 산업은행, 교육부: an organisation is a name even when the lexicon translates it.
  if (ORGANIZATION.test(stem) && !COMMON_BODIES.test(stem)) return true;
  if (isVocabulary(stem)) return false;
  // 대구 데이터센터, 울산 공장: a bare word before a facility names where it is.
  if (stem === raw && FACILITY.test(after[0]?.raw ?? '') && stem.length <= 4) return true;
  const participant = stem !== raw && PARTICIPANT.test(raw);
  if (participant && looksTranscribed(stem)) return true;
  // 삼성에 대한 (국민성장펀드) 투자, 현대의 대출, 한화에 투자한: a participant of the deal asked about.
  const [next, ...rest] = after.map((t) => t.raw);
  if (raw.endsWith('에') && ABOUT.test(next ?? '') && rest.slice(0, 2).some((r) => DEAL.test(r))) return true;
  return (raw.endsWith('에') || raw.endsWith('의')) && DEAL.test(next ?? '');
}

/** The names a question asks about (see the module comment), in question order. */
export function namesAsked(reading: QuestionReading): AskedName[] {
  const { tokens, words, text } = reading;
  const names: AskedName[] = [];
  let previousLatin = -2;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const own = token.words.filter((w) => words[w]!.kind === 'content');
    if (own.length === 0) return;
    const latin = /[A-Za-z]/.test(token.raw);
    if (latin) {
      if (!latinName(token.raw, i === 0, next)) return;
      const stem = hangulStem(token.raw);
      // Samsung SDI, Bank of Korea: words of one name run together, across an "of".
      const last = names[names.length - 1];
      const gap = last && previousLatin >= 0 ? text.slice(tokens[previousLatin]!.end, token.at) : '';
      if (last && (previousLatin === i - 1 || previousLatin === i - 2) && /^ (of )?$/.test(gap)) {
        last.text = `${last.text}${gap}${stem}`;
        last.words.push(...own);
      } else names.push({ text: stem, words: [...own] });
      previousLatin = i;
      return;
    }
    const stem = hangulStem(token.raw);
    if (hangulName(token.raw, stem, tokens.slice(i + 1, i + 4))) names.push({ text: stem, words: [...own] });
  });
  return names;
}

/** Is the acronym the initials of a phrase in the context, or of the English side of a pair the context writes? */
function spelledOut(acronym: string, context: string, glossary: GlossaryPair[]): boolean {
  const initials = new RegExp(`(^|[^a-z])${[...acronym].join('[a-z-]*(?:\\s+(?:of|and|for|the|&))?\\s+')}[a-z-]*`);
  return initials.test(context) || glossary.some((p) => initials.test(p.en.toLowerCase()) && context.includes(p.ko));
}

/** Is the name written in the context, itself or as the other side of a glossary pair? */
function mentioned(name: string, context: string, glossary: GlossaryPair[]): boolean {
  const lower = name.toLowerCase();
  const written = (surface: string) => {
    const s = surface.toLowerCase();
    return /^[a-z0-9&. -]+$/.test(s)
      ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(s)}(s|es)?(?![a-z0-9])`).test(context)
      : context.includes(s);
  };
  // NGF, IBK: the initials of a name the context writes out (National Growth Fund, Industrial Bank of Korea).
  if (/^[A-Z]{2,6}$/.test(name) && spelledOut(lower, context, glossary)) return true;
  // Every capitalized word of a Latin name (Samsung SDI: Samsung is missing), the whole of a Hangul one.
  // …but a name built with "of" (Bank of Korea) only whole: its words alone name other things.
  const parts =
    /^[A-Za-z]/.test(name) && !/ of /.test(name) ? name.split(' ').filter((w) => !COMMON_ACRONYMS.has(w)) : [name];
  if (parts.every(written)) return true;
  // KDB산업은행 is written as KDB or as 산업은행 only if both parts are.
  const mixed = /^([A-Za-z]+)([\uac00-\ud7a3]+)$/.exec(name);
  if (mixed && written(mixed[1]!) && written(mixed[2]!)) return true;
  if (/^[A-Za-z]/.test(name) && bridged(name, context, glossary)) return true;
  return glossary.some(
    (pair) =>
      (pair.ko === name && written(pair.en)) ||
      (pair.en.toLowerCase() === lower && written(pair.ko)) ||
      (mixed !== null && pair.ko === mixed[2] && written(pair.en) && written(mixed[1]!)),
  );
}

/** Small words a translation leaves out (Bank of Korea, Fund No. 1). */
const BRIDGE_SKIPPED = /^(of|and|the|for|no)$/;
/** Characters between the Korean words of one phrase: spaces, brackets, quotes (｢핀테크 혁신펀드｣). */
const PHRASE_GAP = /^[\s｢｣「」『』<>'"‘’“”·-]{0,3}$/;

/** Hangul runs of the context whose start romanizes to the word (Neulbom → 늘봄 of 늘봄학교). */
function romanizedSurfaces(word: string, context: string): string[] {
  if (word.length < 4) return [];
  const out = new Set<string>();
  for (const run of context.match(/[\uac00-\ud7a3]{2,}/g) ?? []) {
    for (let end = 2; end <= run.length; end++) {
      const prefix = run.slice(0, end);
      const sound = romanize(prefix);
      if (sound === word) out.add(prefix);
      if (!word.startsWith(sound)) break;
    }
  }
  return [...out];
}

/**
 * Is a title-cased English phrase ("Fintech Innovation Fund", "Neulbom School") written in
 * Korean in the context, its words translated by the glossary or romanized, side by side in
 * the phrase's order (핀테크 혁신펀드, 늘봄학교)? Such a phrase is a common noun the question
 * capitalized, not the name of someone the sources do not know. Adjacency keeps words
 * scattered over the context from passing for the phrase.
 */
function bridged(name: string, context: string, glossary: GlossaryPair[]): boolean {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !BRIDGE_SKIPPED.test(w));
  if (words.length === 0) return false;
  const singular = (w: string) => w.replace(/(?<=[a-z]{3})s$/, '');
  // Korean surfaces of words[i..j): the glossary's translation of the words together, or a romanized single word.
  const surfaces = (i: number, j: number): string[] => {
    const phrase = words.slice(i, j).map(singular).join(' ');
    const found = glossary.filter((p) => singular(p.en.toLowerCase()) === phrase).map((p) => p.ko);
    return j === i + 1 ? [...found, ...romanizedSurfaces(words[i]!, context)] : found;
  };
  // From word i, starting where the previous word's Korean ended (or anywhere, for the first).
  const chain = (i: number, after: number | undefined): boolean => {
    if (i === words.length) return true;
    for (let j = words.length; j > i; j--) {
      for (const ko of surfaces(i, j)) {
        const starts: number[] = [];
        if (after === undefined)
          for (let at = context.indexOf(ko); at >= 0; at = context.indexOf(ko, at + 1)) starts.push(at);
        else
          for (let gap = 0; gap <= 3; gap++)
            if (PHRASE_GAP.test(context.slice(after, after + gap))) starts.push(after + gap);
        if (starts.some((at) => context.startsWith(ko, at) && chain(j, at + ko.length))) return true;
      }
    }
    return false;
  };
  return chain(0, undefined);
}

/**
 * The names the question asks about that no source mentions.
 *
 * @example namesNotInSources(readQuestion('How much did the fund invest in Kakao?'), upstageSources, glossary)
 * // [{ text: 'Kakao', words: [2] }]
 */
export function namesNotInSources(
  reading: QuestionReading,
  sources: ContextSource[],
  glossary: GlossaryPair[],
): AskedName[] {
  const context = sources
    .map((s) => `${s.title}\n${s.section ?? ''}\n${s.text}`)
    .join('\n')
    .normalize('NFC')
    .toLowerCase();
  return namesAsked(reading).filter(
    (name) => !HOME_COUNTRY.test(name.text) && !mentioned(name.text, context, glossary),
  );
}

/** Hangul compounds this long are specific terms (착한가격업소, 고향사랑기부제, 공정거래법). */
const TERM_SYLLABLES = 4;

/**
 * Specific terms the question asks about that no source writes in any spelling: a Korean
 * compound of four syllables or more (a programme, a law, an institution: 착한가격업소,
 * 고향사랑기부제) or an acronym (GDP, LTV) whose analyzer terms the context does not hold even
 * in half. A question
 * built around such a term is about something the sources do not cover, however well its
 * other words match. (Shorter words are left to the support threshold: a paraphrase of a
 * common word is likely, of a long compound not.)
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

/** GDP, LTV, SKU: an acronym is a specific term too, whether or not it names a company. */
const ACRONYM = /^[A-Z][A-Z0-9&]{1,6}s?$/;

/**
 * Reading a Korean word of a question without a dictionary: is it a noun (what a source
 * must write), a verb (how the question is phrased) or a word of question shape?
 *
 * A Korean word is a stem followed by particles (nouns) or endings (verbs and adjectives).
 * Its grammar, not a list of questions, decides:
 * - a noun takes a particle (투자금은, 업스테이지에) or the copula 이다 (회사인가요, 회사임);
 * - a Sino-Korean verb is a noun plus 하다/되다/시키다/받다 and endings (설명하시오,
 *   배포되었고): the noun is what a source writes, so it is kept as the verb's stem;
 * - a tense (a syllable closed by ㅆ: 했, 끼쳤으며) or an ending only verbs take (…나요,
 *   …습니까, …려면, …더라도) makes a verb of any stem;
 * - a native verb stem (만드, 넣, 짓: data/verbs.ts) with an ending (만드는, 짓고, 만든) is a verb.
 */
import { oneSyllableNoun, stripParticle } from './particles.js';
import { composeSyllable, decomposeSyllable, FINAL, finalOf, HANGUL, withoutFinal } from './hangul.js';
import { KOREAN_EXCLUSIONS, KOREAN_INTERROGATIVES, KOREAN_PHRASING } from './data/question-phrasing.js';
import { KOREAN_GENERIC_NOUNS } from './data/generic-nouns.js';
import { KOREAN_PRENOUNS } from './data/modifiers.js';
import { KOREAN_VERB_STEMS } from './data/verbs.js';
import { KOREAN_COMPARISON, VALUE_NOUNS } from './data/value-words.js';

export type WordKind = 'content' | 'generic' | 'verb';

export interface KoreanWord {
  /** The stem: the noun without its particle, the verb without its endings. */
  text: string;
  kind: WordKind;
}

const PHRASING: ReadonlySet<string> = new Set([
  ...KOREAN_PHRASING,
  ...KOREAN_EXCLUSIONS,
  ...KOREAN_COMPARISON,
  ...Object.values(VALUE_NOUNS).flatMap((v) => v.ko),
]);
/** Generic nouns and the prenouns of age and order (새, 옛, 첫): they help, never required. */
const GENERIC: ReadonlySet<string> = new Set([...KOREAN_GENERIC_NOUNS, ...KOREAN_PRENOUNS]);
const VERB_STEMS: ReadonlySet<string> = new Set(KOREAN_VERB_STEMS);
const INTERROGATIVE = new RegExp(`^(${KOREAN_INTERROGATIVES.join('|')})`);
/** 것, 것이, 것인지, 것들: "the thing that…" shapes the question. */
const THING = /^것(이|은|을|들|인지|이라|이라고|으로|이다|인가|입니까)?$/;
/** Being and having (있으며, 없는지) and the light verbs alone (되며, 하고): every sentence can say them. */
const EXISTENCE =
  /^(있|없)(으|고|는|었|을|습|나|어|다|지|게)|^(되|하|돼|해|됐|했)(며|고|면|어|었|는|나|지|서|야|요|니)/;

/** Does the word only shape the question (an interrogative, a request, a pronoun, a value noun)? */
export function isKoreanPhrasing(word: string): boolean {
  return INTERROGATIVE.test(word) || PHRASING.has(word) || THING.test(word) || EXISTENCE.test(word);
}

/** The copula 이다 and its endings after a noun: 회사인가요, 유니콘이다, 회사예요, casual 회사임. */
const COPULA = /(이에요|예요|인가요|인가|입니까|입니다|이야|이지요|이죠|인지|일까요|이다|인데|이고|이며|임)$/;
/** Conjunctions after a noun: A이랑 B, A하고 B; and "A나 B" (나 after a vowel, 이나 after a consonant). */
const COORDINATING = /(이랑|랑|하고)$/;
/** The light verbs that make a verb of a Sino-Korean noun, in their fused forms (했 = 하 + 었). */
const LIGHT_VERB = new RegExp(
  `^(${HANGUL}{2,}?)(하였|되었|되어|하여|시키|시켜|시켰|당하|하|되|해|돼|했|됐|한|된|할|될|함|됨|합|됩|받)(${HANGUL}*)$`,
);
/** Fused forms that are complete without a further ending (불복하여, 중요해, 발표한). */
const COMPLETE_LIGHT = new Set([
  '하였',
  '되었',
  '되어',
  '하여',
  '해',
  '돼',
  '했',
  '됐',
  '한',
  '된',
  '할',
  '될',
  '함',
  '됨',
]);
/** Syllables verb endings are made of (시오, 으며, 었고, 어있고, 는가, 도록): a run of them is an ending. */
const ENDING_RUN = /^[시오십세요며으면서여어였었았기려고도록지야질진는가나까게다데던든니겠있없]+$/;
/** Single syllables that are particles as well as endings (저하가, 인하를): they leave the word a noun (하는 is a verb's). */
const PARTICLE_LIKE = /^(가|도|로|을|를|의|에|와|과|만|이|은)$/;
/** Endings only verbs and adjectives take. */
const VERB_ENDING =
  /(나요|까요|어요|아요|여요|세요|습니까|니까|려고|려는|려면|는지|는데|지요|겠다는|다는|다고|는다|다면|라면|던데|더라도|라도|거든|시오|십시오|었던|았던|어진|아진)$/;
/** The auxiliary 지다 (become) after a syllable in 아/어 (달라져, 만들어진, 높아지는). */
const BECOME = /(져요|져|진|질|지는|지고|지며|지면|지나요)$/;
/** The vowels of a stem's 아/어 form: ㅏ ㅐ ㅓ ㅕ ㅘ ㅝ. */
const A_EO_VOWELS: ReadonlySet<number> = new Set([0, 1, 4, 6, 9, 14]);
/** Endings a native verb stem takes directly (짓는, 넣은, 짓고, 나가요). */
const NATIVE_ENDING = /^(는|은|을|고|며|면|게|지|서|니|나|던|든|기|도|어|아|요|야|죠|대|래)$/;
/** An adjective or verb asked about with 가(요) after its ㄴ form: 높은가요, 큰가요, 달라지는가. */
const ADNOMINAL_QUESTION = /(가요|가)$/;
/** A modifier made of a noun and 적 (법률적, 잠재적인): it phrases, it names nothing specific. */
const MODIFIER = new RegExp(`^(${HANGUL}{2,}적)(인|으로|이고|이며)?$`);
/** A clause made a noun by 거/건 (짓는거야, 받은 건가): it asks about its verb. */
const NOMINALIZED = new RegExp(`^(${HANGUL}{2,})(거|건|걸)(야|냐|지|죠|예요|에요|요|래|든|가요|가)?$`);
/** Case particles another particle may follow (으로의, 에서는, 에게도). */
const STACKED = /^(에|에서|으로|로|에게|까지|부터|와|과|한테)$/;
/** 단계로는, 투자자로도: 로 + 는/도, which stripParticle takes one syllable short. */
const RO_PLUS = new RegExp(`^(${HANGUL}{2,})로[는도만]$`);

const noun = (text: string): KoreanWord => ({ text, kind: GENERIC.has(text) ? 'generic' : 'content' });
const verb = (text: string): KoreanWord => ({ text, kind: 'verb' });
/** 대출들 → 대출: the plural marker is not part of the noun. */
const singular = (text: string) => (text.length > 2 && text.endsWith('들') ? text.slice(0, -1) : text);

/** Verb readings by the endings (see the module comment); undefined when the word is no verb form. */
function verbReading(raw: string): KoreanWord | undefined {
  const nominalized = NOMINALIZED.exec(raw);
  if (nominalized) {
    const clause = verbReading(nominalized[1]!);
    if (clause) return clause;
  }
  const light = LIGHT_VERB.exec(raw);
  if (light) {
    const [, stem, lightVerb, tail] = light as unknown as [string, string, string, string];
    // 받다 takes any ending (대출받은, 지원받을): a noun never ends in 받.
    const ends = COMPLETE_LIGHT.has(lightVerb)
      ? tail === '' || ENDING_RUN.test(tail) || PARTICLE_LIKE.test(tail)
      : lightVerb === '받'
        ? tail !== '' && ENDING_RUN.test(tail.replace(/^[은을]/, '') || '다')
        : tail !== '' && ENDING_RUN.test(tail) && !PARTICLE_LIKE.test(tail);
    if (ends) return verb(stem);
  }
  // A tense: a syllable closed by ㅆ (변하였고, 끼쳤으며, 수행해왔던); the stem is what precedes it.
  const tense = [...raw].findIndex((c) => finalOf(c) === FINAL.ss);
  if (tense > 0) return verb(raw.slice(0, tense).replace(/(하여|되어|하|해|되|돼|시키|받)$/, '') || raw.slice(0, 1));
  const asked = ADNOMINAL_QUESTION.exec(raw);
  const before = asked ? raw.slice(0, -asked[0].length) : '';
  if (before && (finalOf(before) === FINAL.n || finalOf(before) === FINAL.l)) {
    return verb(before.length > 1 && withoutFinal(before).endsWith('으') ? before.slice(0, -1) : withoutFinal(before));
  }
  // 달라져, 만들어진, 커지는: the auxiliary 지다 (become) after a stem's 아/어 form.
  const become = BECOME.exec(raw)?.[0] ?? '';
  const stemEnd = become ? decomposeSyllable(raw.at(-become.length - 1) ?? '') : undefined;
  // …the stem without a bare 아/어 syllable of its own (이루어 → 이루, 높아 → 높).
  if (stemEnd && stemEnd.final === FINAL.none && A_EO_VOWELS.has(stemEnd.vowel)) {
    return verb(raw.slice(0, -become.length).replace(/(?<=.)[아어여]$/, ''));
  }
  // 넓힌대, 짓는대요: hearsay (…ㄴ다고 해) after a verb's ㄴ form.
  const hearsay = /(대|대요)$/.exec(raw)?.[0];
  const told = hearsay ? raw.slice(0, -hearsay.length) : '';
  if (told.length >= 2 && finalOf(told) === FINAL.n) return verb(withoutFinal(told).replace(/(는|느)$/, ''));
  const ending = VERB_ENDING.exec(raw);
  if (ending && raw.length > ending[0].length) return verb(raw.slice(0, -ending[0].length));
  // A native stem with one ending (짓는, 넣은, 나가요) or fused with its ㄴ/ㄹ (만든, 들여올).
  for (let cut = raw.length - 1; cut >= 1; cut--) {
    if (VERB_STEMS.has(raw.slice(0, cut)) && NATIVE_ENDING.test(raw.slice(cut))) return verb(raw.slice(0, cut));
  }
  const fused =
    finalOf(raw) === FINAL.n || finalOf(raw) === FINAL.l ? withoutFinal(raw) : unfused(raw.replace(/요$/, ''));
  return [raw, fused].map(knownStem).find((stem) => stem !== undefined);
}

/** Vowels an ending 어/아 fuses with a stem's last vowel into (잡히 + 어 = 잡혀, 보 + 아 = 봐, 쓰 + 어 = 써): ㅕ ㅘ ㅝ ㅓ → ㅣ ㅗ ㅜ ㅡ. */
const FUSED_VOWELS: ReadonlyMap<number, number> = new Map([
  [6, 20],
  [9, 8],
  [14, 13],
  [4, 18],
]);

/** The stem a word ending in a fused 어/아 was made from (잡혀 → 잡히), or the word itself. */
function unfused(word: string): string {
  const last = decomposeSyllable(word.slice(-1));
  const vowel = last && last.final === FINAL.none ? FUSED_VOWELS.get(last.vowel) : undefined;
  return vowel === undefined ? word : word.slice(0, -1) + composeSyllable({ ...last!, vowel });
}

/** A known native verb stem, itself or with a passive or causative suffix (잡히 = 잡 + 히, 쓰이 = 쓰 + 이). */
function knownStem(word: string): KoreanWord | undefined {
  if (VERB_STEMS.has(word)) return verb(word);
  const base = word.replace(/[이히리기우추]$/, '');
  return base !== word && VERB_STEMS.has(base) ? verb(base) : undefined;
}

/**
 * Reads one Korean word of a question; undefined for a word of question shape.
 * `isKnownNoun` names the domain's nouns (a glossary), read as nouns whatever they end in.
 *
 * @example readKoreanWord('설명하시오') // undefined (a request)
 * @example readKoreanWord('배포되었고') // { text: '배포', kind: 'verb' }
 * @example readKoreanWord('투자금은') // { text: '투자금', kind: 'content' }
 */
export function readKoreanWord(
  written: string,
  isKnownNoun: (word: string) => boolean = () => false,
): KoreanWord | undefined {
  const joined = COORDINATING.exec(written) ?? alternative(written);
  const raw = joined && written.length - joined[0].length >= 2 ? written.slice(0, -joined[0].length) : written;
  const roPlus = RO_PLUS.exec(raw);
  // Particles may stack on a case particle (시중은행으로의, 기관에서는): then take off two.
  const once = stripParticle(raw);
  const twice = stripParticle(once);
  const stem = singular(roPlus ? roPlus[1]! : STACKED.test(once.slice(twice.length)) ? twice : once);
  // 돈으로, 어디에서: one syllable and a particle the particle list keeps whole.
  const short = raw.replace(/(으로|에서|에게|까지|부터|[은는이가을를의에도로와과만])$/, '');
  if ([raw, stem, short].some(isKoreanPhrasing) || stem === '') return undefined;
  if (isKnownNoun(raw) || isKnownNoun(stem)) return noun(isKnownNoun(raw) ? raw : stem);
  const copula = COPULA.exec(raw);
  if (copula && raw.length > copula[0].length) {
    const before = raw.slice(0, -copula[0].length);
    // 책임, 이임: a one-syllable word before 임 is the noun itself.
    if (copula[0] !== '임' || before.length >= 2) {
      return isKoreanPhrasing(before) ? undefined : (readKoreanWord(before, isKnownNoun) ?? noun(before));
    }
  }
  const modifier = MODIFIER.exec(raw);
  if (modifier) return { text: modifier[1]!, kind: 'generic' };
  if (GENERIC.has(stem)) return noun(stem);
  // A verb made a noun by 기 takes particles too (결정하기에는): read the stem when the word is no verb form.
  const read = verbReading(raw) ?? (stem !== raw ? verbReading(stem) : undefined);
  if (read) return read.text === '' || isKoreanPhrasing(read.text) ? undefined : read;
  // A spoken copula after a vowel (회사야, 루미나요, 거야): the noun before it.
  const before = stem.slice(0, -1);
  if (/[야요죠]$/.test(stem) && before && finalOf(before) === FINAL.none) {
    if (isKoreanPhrasing(before)) return undefined;
    if (before.length >= 2) return noun(before);
  }
  // 칩은, 몫을: a one-syllable noun keeps its particle through stripParticle (two syllables).
  return noun((stem === raw && oneSyllableNoun(raw)) || stem);
}

/** 퓨처그래프나, 교원이나: "or" after a noun, 나 after a vowel and 이나 after a consonant (not a verb's 나). */
function alternative(written: string): RegExpExecArray | null {
  const ending = /(이나|나)$/.exec(written);
  if (!ending) return null;
  const before = written.slice(0, -ending[0].length);
  const open = finalOf(before) === FINAL.none;
  return before.length >= 3 && (ending[0] === '나') === open && !VERB_STEMS.has(before) ? ending : null;
}

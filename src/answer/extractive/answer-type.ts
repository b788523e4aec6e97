/**
 * Answer-type match: what kind of value a question asks for, and whether a sentence states
 * one. "IBK기업은행이 내는 몫은?" asks an amount, "몇 장" a count, "언제" a date, "어디" a
 * place, "금리" a percentage, "누구/which company" a name. A sentence that answers states such a
 * value (read by the shared number module); when none does, the sources do not hold the
 * answer, however well the other words match (the class of failure: quoting a related
 * sentence without the value asked).
 */
import { extractQuantities, type Quantity } from '../../text/numbers.js';
import { ARTICLE, DURATION, PER_SHARE, PERSON, PLACE, RELATIVE_TIME, TERMS } from '../../text/value-mentions.js';
import { ENGLISH_TITLES, KOREAN_TITLES } from '../../text/data/entity-kinds.js';

const KO_TITLE = `(?:${KOREAN_TITLES.join('|')})`;
const EN_TITLE = `(?:${ENGLISH_TITLES.join('|')})`;

export type AnswerType =
  | 'money'
  /** Any figure: "얼마나", "how much output" ask an amount, a count or a ratio alike. */
  | 'quantity'
  | 'count'
  | 'date'
  | 'percent'
  | 'duration'
  | 'per-share'
  | 'person'
  | 'place'
  /** A name of the kind asked ("which portal companies", "은행은 어디야"): checked on the context (entities.ts). */
  | 'name'
  /** The terms of a loan or deal (대출 조건, loan terms): long-term, low-interest, a maturity, collateral. */
  | 'terms'
  /** The provision of a law (몇 조, which article): 제8조, Article 8. */
  | 'article'
  /** Anything else: a description, a purpose, a reason. No value is required. */
  | 'other';

/**
 * Cues of each kind, in both languages; checked in this order, the first is the main kind asked.
 * A Korean noun cues its kind as the head of its word (금리는), not inside a compound it only
 * modifies (금리인하 is a cut, not a rate).
 */
const CUES: [Exclude<AnswerType, 'other' | 'quantity' | 'name'>, RegExp][] = [
  // A price per share (주당, share price).
  ['per-share', /주당|주가|share price|stock price|per share/i],
  // "몇 조 규모" asks trillions: a provision is asked with 조항/조문.
  // …or after a law's name: "보험업법 몇 조에 따라".
  [
    'article',
    /(몇|어느|무슨|어떤) ?조(항|문)|(법|령|규정)\S*\s(\S+\s){0,3}?(몇|어느|무슨) ?조(?! ?(원|규모|달러))|\b(which|what) (article|provision|section)\b/i,
  ],
  // A rate or a share: the nouns naming one (금리, 수익률, 지분, interest rate, stake) and the percent sign.
  [
    'percent',
    /(금리|이자율|이율|이자|수익률|비율|지분)(은|는|이|가|을|를|의|도|와|과|요)?(?=\s|[?.,]|$)|퍼센트|%|interest rate|(?<![-\w])interest(?!-| in\b)|\brates?\b|percent|\byield|\breturns?\b|\bstake\b|\bratio\b/i,
  ],
  // A length of time: a maturity or a period (만기, 상환 기간, how long, tenor).
  [
    'duration',
    /만기|(상환|대출|거치) ?기간|몇 ?년 ?(간|동안|만기)|얼마 ?동안|\bmatur(e|es|ity)\b|repayment (period|term)|how long|\btenor\b|\bduration\b/i,
  ],
  // The conditions of a deal (조건, terms).
  ['terms', /조건|\b(terms|conditions)\b/i],
  // A title (대표, minister), not the adjective 대표적.
  ['person', new RegExp(`${KO_TITLE}(?!적)|\\b${EN_TITLE}s?\\b`, 'i')],
  // Where something is, asked as such: "어디에 짓나요", "where is … located" ("where … get its data from" asks a source).
  [
    'place',
    /위치|장소|부지|소재지|어느 ?(곳|지역|도시|나라)|어디에 ?(있|위치|설치|들어서|세워|짓)|\bwhere (is|are|was|were|will)\b.*\b(located|built|based|held|set up)\b|\bin which (region|city|province|area)\b|\blocation\b|\blocated\b/i,
  ],
  // A time: the interrogative (언제, when), nouns of date and time, and a milestone's target (완공 목표).
  [
    'date',
    /언제|날짜|일자|시기|시점|연도|몇 ?년도|몇 ?월|(완공|준공|착공|개소|출범|시행) ?(목표|예정)|(^|[,;]\s*|\band\s+|\bsince\s+|\buntil\s+)when\b|what date|which (year|date|month)|what (year|month)|\bby when\b|\bdeadline\b/i,
  ],
  // "몇 억 달러", "몇 천만 원": a number of a currency is an amount, not a count.
  ['money', /몇 ?(십|백|천)? ?(만|억|조) ?(원|달러|유로|엔)/],
  // A number of things: 몇 with a counter, nouns of quantity (인원, 생산량, how many, output, tons).
  [
    'count',
    /몇(?! ?(퍼센트|프로|%))|수량|개수|인원|생산량|how many|number of|quantity|\boutput\b|\btons?\b|\bunits?\b/i,
  ],
  // An amount: 얼마 (how much) and nouns of money and size (금액, 규모, 몫, 자본금, amount, budget, capital).
  [
    'money',
    /얼마|금액|규모|액수|몫|총액|합계|투자금|투자액|대출금|대출액|자본금|출자(?!기관|자|사)|부담|분담|비용|예산|가치|재원|how much|what share|share of|\bportion\b|\bamount|\bsize\b|\bsum\b|\btotal\b|\bworth\b|\bvalue[ds]?\b|\bcost|\bcapital\b|contribut|\bbudget|how (large|big)|\bfunding\b|\bdollars?\b|\bwon\b/i,
  ],
];

/** Questions about what something is for: the answer is a use, said by the question's verb. */
const PURPOSE =
  /(어디에|무엇에|어디|무엇을 위해|어떤 ?(곳|용도)에) ?(쓰|사용|활용|투입)|(돈|자금|대출금|투자금|금액)으로 ?(뭘|무엇을|뭐|어떤 일을)|용도|목적|\bused? (it |them |the [a-z]+ )?for\b|\bspen[dt] (it |them |the [a-z]+ )?on\b|\bpurpose\b|\bwhat for\b/i;
/** Questions asking why: the answer is a reason, whatever values the clauses mention. */
const REASON = /^\s*why\b|(^|\s)왜(\s|$)|이유(는|가|를|요)?\s*[?？]*\s*$|이유(가|는) (뭐|무엇)/i;

/** Does the question ask what something is for ("어디에 쓰나요", "used for")? */
export const asksPurpose = (question: string) => PURPOSE.test(question);
/** A money noun as the means of an action (투자금으로 어떤 모델을…): not the amount asked. */
const MONEY_AS_MEANS = /(투자금|대출금|자금|자본금|예산|재원|돈)(으로|로)(는|도)?/g;
/** A question asking several things: two question marks, or a clause opened by 또한 / 그리고 / "and also". */
const SEVERAL_CLAUSES = /[?？].*\S.*[?？]|또한|그리고|,\s*and\b/;
/** The bare question of quantity, which any kind of value answers ("how much output", "생산량은 얼마"). */
const HOW_MUCH = /얼마|how much/gi;
/** A person is asked by who or name, or by a question ending on the role ("업스테이지 대표는?"). */
const ASKS_PERSON = /누구|누가|이름|성함|\bwho\b|\bwhom\b|\bnamed?\b/i;
const ENDS_ON_ROLE = new RegExp(`(${KO_TITLE}|\\b${EN_TITLE})\\s*(은|는|이|가|은요|는요|요)?\\s*[?？.!]*\\s*$`, 'i');

/**
 * Every kind a question asks for, the main one first ("SPC 자본금과 완공 목표": money and
 * date); `asksNames` when its structure asks for the names of a kind.
 *
 * @example answerTypesOf('후성 대출 금리는 몇 퍼센트인가요?') // ['percent']
 */
export function answerTypesOf(question: string, asksNames = false): AnswerType[] {
  if (PURPOSE.test(question) || REASON.test(question)) return ['other'];
  const asked = question.replace(MONEY_AS_MEANS, ' ');
  const types = CUES.filter(([type, cue]) => cue.test(asked) && (type !== 'person' || asksPerson(asked))).map(
    ([type]) => type as AnswerType,
  );
  // "how much output": 얼마 / how much asks the quantity the noun names, not money.
  const onlyHowMuch = !CUES.some(([type, cue]) => type === 'money' && cue.test(asked.replace(HOW_MUCH, ' ')));
  const measured = types.some((t) => t === 'count' || t === 'percent' || t === 'duration' || t === 'per-share');
  let kept = [...new Set(onlyHowMuch && measured ? types.filter((t) => t !== 'money') : types)];
  if (onlyHowMuch && kept[0] === 'money' && /얼마나/.test(asked)) kept = ['quantity'];
  if (asksNames && !kept.includes('person')) kept = ['name', ...kept.filter((t) => t !== 'place')];
  // A rate or a share price is the whole question, unless it asks more in another clause: an amount does not answer it.
  if ((kept[0] === 'percent' || kept[0] === 'per-share') && !SEVERAL_CLAUSES.test(asked)) kept = [kept[0]];
  return kept.length > 0 ? kept : ['other'];
}

const asksPerson = (q: string) => ASKS_PERSON.test(q) || ENDS_ON_ROLE.test(q);

/** A number naming one of a series (2호, 3차, 2단계): no value. */
const NUMBERED = /^\s?(호|차|기|번째|단계|회차)/;
/** Counters of anything (개, 건): a count of any unit answers them. */
const GENERIC_COUNTERS: ReadonlySet<string> = new Set(['item', 'case']);

export interface TypeAsked {
  currency?: 'USD' | 'KRW';
  /** The unit of the count asked ("몇 명": person). */
  countUnit?: string;
}

/** Does a sentence state a value of the asked kind? Its quantities are read once by the caller. */
export function satisfiesType(type: AnswerType, text: string, quantities: Quantity[], asked: TypeAsked = {}): boolean {
  switch (type) {
    case 'money':
      return quantities.some((q) => q.kind === 'money' && (!asked.currency || q.unit === asked.currency));
    case 'quantity':
      // A time is no amount, nor a number naming one of a series ("fund No. 2").
      return quantities.some((q) => q.kind !== 'date' && !NUMBERED.test(text.slice(q.index + q.text.length)));
    case 'count':
      // "몇 명" is answered by a number of people, not by "30곳" ("몇 건", "몇 개" by any count).
      return quantities.some(
        (q) =>
          q.kind === 'count' &&
          (!asked.countUnit || GENERIC_COUNTERS.has(asked.countUnit) || q.unit === asked.countUnit),
      );
    case 'date':
      return quantities.some((q) => q.kind === 'date') || RELATIVE_TIME.test(text);
    case 'percent':
      return quantities.some((q) => q.kind === 'percent');
    case 'duration':
      return DURATION.test(text);
    case 'per-share':
      return PER_SHARE.test(text) && quantities.some((q) => q.kind === 'money');
    case 'person':
      return PERSON.test(text);
    case 'place':
      return PLACE.test(text);
    case 'terms':
      return TERMS.test(text);
    case 'article':
      return ARTICLE.test(text);
    case 'name':
    case 'other':
      return true;
  }
}

/**
 * The unit of the count a question asks ("몇 명" → person), as the number module reads units.
 *
 * @example askedCountUnit('위원은 몇 명인가요?') // 'person'
 */
export function askedCountUnit(question: string): string | undefined {
  const counter = /몇\s?([가-힣]+)/.exec(question)?.[1];
  return (counter && extractQuantities(`1${counter}`).find((q) => q.kind === 'count')?.unit) || undefined;
}

/** The currency a question asks in ("달러로 치면", "in US dollars"): an amount in another does not answer. */
export function askedCurrency(question: string): 'USD' | 'KRW' | undefined {
  if (/달러|dollars?\b|US ?\$|\bUSD\b/i.test(question)) return 'USD';
  if (/원화|\bwon\b|\bKRW\b/i.test(question)) return 'KRW';
  return undefined;
}

/** Quantities of a text, without `[n]` citation markers (which read as numbers). */
export function quantitiesOf(text: string): Quantity[] {
  return extractQuantities(text.replace(/\[\d+\]/g, ' '));
}

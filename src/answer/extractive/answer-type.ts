/**
 * What kind of answer a question asks for, and whether a sentence holds one.
 *
 * "IBK기업은행이 내는 몫은?" asks for an amount of money, "몇 장" for a count, "언제" for a
 * date, "금리" for a percentage. A sentence that answers must state such a value (read by
 * the shared number module). Some kinds are specific attributes that announcements often
 * leave out (an interest rate, a maturity, a share price, a person's name): when no
 * sentence of the context states one, the corpus does not hold the answer, however well
 * the other words match.
 */
import { extractQuantities, type Quantity } from '../../text/numbers.js';

export type AnswerType =
  | 'money'
  | 'count'
  | 'date'
  | 'percent'
  | 'duration'
  | 'per-share'
  | 'person'
  | 'place'
  /** The terms of a loan or deal (대출 조건, loan terms): long-term, low-interest, a maturity, collateral. */
  | 'terms'
  /** The provision of a law (몇 조, which article): 제8조, Article 8. */
  | 'article'
  /** Anything else: a name, a place, a purpose. No value is required. */
  | 'other';

/** Checked in this order: the first match wins ("몇 퍼센트" is a percentage, not a count). */
const TYPE_CUES: [Exclude<AnswerType, 'other'>, RegExp][] = [
  ['per-share', /주당|주가|share price|stock price|per share|price per/i],
  // "몇 조 규모" asks trillions: a provision is asked with 조항/조문 or after a law's name.
  [
    'article',
    /(몇|어느|무슨|어떤) ?조(항|문)|(법|령|규정)\S*\s(\S+\s){0,3}?(몇|어느|무슨) ?조(?! ?(원|규모|달러))|\b(which|what) (article|provision|section)\b/i,
  ],
  [
    'percent',
    /금리|이자율|이율|(^|\s)이자(는|가|를|$|\s)|수익률|퍼센트|%|비율|지분|interest rate|(?<![-\w])interest(?!-| in\b)|\brates?\b|percent|percentage|\byield|\breturns?\b|\bstake\b|\bratio\b/i,
  ],
  [
    'duration',
    /만기|상환 ?기간|대출 ?기간|거치 ?기간|몇 ?년 ?(간|동안|만기)|얼마 ?동안|\bmatur(e|es|ity)\b|repayment (period|term)|how long|\btenor\b|\bterm of\b|\bduration\b/i,
  ],
  [
    'terms',
    /(대출|융자|차입|금융|여신|투자|지원) ?조건|(대출|융자)의 조건|\b(loan|lending|financing|credit|deal) (terms|conditions)\b|\b(terms|conditions) of (the |its |their |this )?([A-Z][\w-]* )*(loan|lending|financing|facility|credit|deal)s?\b/i,
  ],
  [
    'person',
    /대표(?!적)|\bceo\b|위원장|장관|회장|사장|총재|의장|이사장|chief executive|\bchair(s|man|woman|person)?\b|\bminister\b|\bpresident\b|\bgovernor\b|\bwho (is|was|leads|heads|runs)\b/i,
  ],
  [
    'place',
    /위치|장소|부지|소재지|지역|어느 ?곳|어디(에(?! ?(쓰|사용|활용))|로|쯤)|\bwhere\b|\blocation\b|\bsite\b|\bregion\b|\blocated\b/i,
  ],
  [
    'date',
    /언제|날짜|일자|시기|연도|몇 ?년도|몇 ?월|완공 ?(목표|시점|예정)|(^|[,;]\s*|\band\s+|\bsince\s+|\buntil\s+)when\b|what date|which (year|date|month)|what (year|month)|\bby when\b|\bdeadline\b/i,
  ],
  // "몇 억 달러", "몇 천만 원": a number of a currency is an amount, not a count.
  ['money', /몇 ?(십|백|천)? ?(만|억|조) ?(원|달러|유로|엔)/],
  [
    'count',
    /몇 ?(개|장|톤|명|곳|건|대|기|척|호|가구|채)|몇|수량|개수|생산량|얼마나 생산|how many|number of|quantity|\boutput\b|\btons?\b|\bunits?\b|how much .*\bproduce/i,
  ],
  [
    'money',
    /얼마|금액|규모|액수|투자금|투자액|대출금|대출액|자본금|출자(?!기관|자|사)|몫|부담|분담|비용|예산|가치|총액|재원|how much|what share|share of|\bportion\b|\bamount|\bsize\b|\bworth\b|\bvalue[ds]?\b|\bcost|\bcapital\b|\bsum\b|contribut|\bbudget|how (large|big)|\bfunding\b|\bdollars?\b|\bwon\b/i,
  ],
];

/** Questions about what something is for: the answer is a use, not a value. */
const PURPOSE =
  /(어디에|무엇에|어디|무엇을 위해|어떤 ?(곳|용도)에) ?(쓰|사용|활용|투입)|(돈|자금|대출금|투자금|금액)으로 ?(뭘|무엇을|뭐|어떤 일을)|\bdo with the (money|loan|funds|investment)\b|용도|목적|\bused? (it |them |the [a-z]+ )?for\b|\bspent on\b|\bspend (it|them|the [a-z]+) on\b|\bpurpose\b|\bwhat for\b/i;

/** A money noun as the means of an action (투자금으로, 자금으로는). */
const MONEY_AS_MEANS = /(투자금|대출금|자금|자본금|예산|재원|돈)(으로|로)(는|도)?/g;

/** Does the question ask what something is for ("어디에 쓰나요", "used for")? */
export function asksPurpose(question: string): boolean {
  return PURPOSE.test(question);
}

/**
 * The kind of answer a question asks for.
 *
 * @example answerTypeOf('후성 대출 금리는 몇 퍼센트인가요?') // 'percent'
 * @example answerTypeOf('IBK기업은행이 내는 몫은?') // 'money'
 */
export function answerTypeOf(question: string): AnswerType {
  for (const [type, cue] of TYPE_CUES) if (cue.test(question)) return type;
  return 'other';
}

/**
 * Every kind a question asks for, first the main one: "SPC 자본금과 완공 목표" asks for an
 * amount and a date.
 */
export function answerTypesOf(question: string): AnswerType[] {
  // "대출금을 어디에 쓰나요", "what is the money used for": a use is asked, whatever the nouns name.
  if (asksPurpose(question)) return ['other'];
  // "Why may a bank skip … when it applies", "왜 …": a reason is asked, whatever the clauses mention.
  if (ASKS_REASON.test(question)) return ['other'];
  // "투자금으로 어떤 모델을…": money by which something is done is not the amount asked.
  const asked = question.replace(MONEY_AS_MEANS, ' ');
  const types = TYPE_CUES.filter(([, cue]) => cue.test(asked))
    .map(([type]) => type)
    // "대표가 … 언급한 나라는?": the chief executive is who speaks, not who is asked for.
    .filter((type) => type !== 'person' || ASKS_PERSON.test(asked) || ENDS_WITH_PERSON.test(asked));
  // "how much output", "생산량은 얼마": 얼마/how much asks the quantity the noun names, not money.
  const withoutHowMuch = asked.replace(HOW_MUCH, ' ');
  const onlyHowMuch = !TYPE_CUES.some(([type, cue]) => type === 'money' && cue.test(withoutHowMuch));
  const measured = types.some((type) => type === 'count' || type === 'percent' || type === 'duration');
  const kept = onlyHowMuch && measured ? types.filter((type) => type !== 'money') : types;
  return kept.length > 0 ? kept : ['other'];
}

/** A question asking for a reason: "Why …", "왜 …", "…한 이유는?". */
const ASKS_REASON = /^\s*why\b|(^|\s)왜(\s|$)|이유(는|가|를|요)?\s*[?？]*\s*$|이유(가|는) (뭐|무엇)/i;

/** The bare question of quantity, which any kind of value answers. */
const HOW_MUCH = /얼마|how much/gi;

/** Who or whose name is asked: 누구, 이름, who, the name of. */
const ASKS_PERSON = /누구|누가|이름|성함|\bwho\b|\bwhom\b|\bnamed?\b/i;
/** The question ends on the person asked for: "업스테이지 대표는?", "and its CEO?". */
const ENDS_WITH_PERSON =
  /(대표|대표이사|위원장|장관|회장|사장|총재|의장|이사장|\bceo|chief executive|\bchair\w*|\bminister|\bpresident|\bgovernor)\s*(은|는|이|가|은요|는요|요)?\s*[?？.!]*\s*$/i;

/** Kinds that announcements often omit: no sentence stating one means no answer. */
export function isSpecificType(type: AnswerType): boolean {
  return type === 'percent' || type === 'duration' || type === 'per-share' || type === 'person' || type === 'article';
}

const DURATION =
  /(?<![\d.])\d{1,2}(\.\d)?\s?(년|개월|달|주일)(?!\s?\d)|\b\d{1,2}[- ](year|month|week)s?\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)[- ](year|month)s?\b/i;
const PER_SHARE = /주당|주가|per share|share price|stock price/i;
/** Terms a loan is given on: its length, its rate, its security. */
const TERMS =
  /장기|단기|저리|저금리|무이자|초저금리|고정금리|변동금리|금리|만기|거치|상환|담보|보증|우대|long-term|short-term|low-interest|interest-free|fixed-rate|floating-rate|interest rate|maturity|grace period|repayment|collateral|guarantee/i;
/** Names in English text (Kim Seong-hoon) or Korean names beside a title (김성훈 대표). */
const PERSON =
  /\b[A-Z][a-z]+ [A-Z][a-z]+(-[a-z]+)?\b(?=,? (chief|chair|president|minister|governor|head|ceo|director|said|says|told|noted|described))|\b(chief executive|ceo|chair(man|woman|person)?|president|minister|governor)(,| of [A-Z][\w ]+,)? [A-Z][a-z]+ [A-Z][a-z]+|[가-힣]{2,4} ?(대표|위원장|장관|회장|사장|총재|의장|이사장|부총리|차관|청장)|(대표|위원장|장관|회장|사장|총재|의장|이사장|부총리|차관|청장)(인|은|는|이)? ?[가-힣]{3}(?=[은는이가,)]|씨| )/;

/** A provision of a law: 제8조, 제5조제6항, Article 8. */
const ARTICLE = /제\s?\d+\s?조|\bArticle \d+/;

/** Counters of anything (개, 건): a count of any unit answers them. */
const GENERIC_COUNTERS: ReadonlySet<string> = new Set(['item', 'case']);
/** Times releases state without a calendar date: 내년, 하반기, 2학기, 3월부터, next year. */
const RELATIVE_TIME =
  /(올해|금년|내년|내후년|작년|연내|연말|연초|상반기|하반기|분기|[1-4]학기|새학기|신학기|[1-9]\d?월(부터|까지|중|에|말|초)?)(?![가-힣])|\b(this|next|last) (year|month|quarter|semester)\b|\b(first|second) half\b|\bby the end of\b/i;

/** A place in Korean (해남에, 국가산업단지에) or English (in Haenam, in the Saemangeum …). */
const PLACE =
  /[가-힣]+(특별시|광역시|특별자치도|도|시|군|구|읍|면|산업단지|단지|지구|항|남|북|주|천|산|만금)(에|에서|의|로|에는)?(?=\s|,|\.|$)|\b(in|at|near) (the )?[A-Z][a-z]+/;

/**
 * Does a sentence state a value of the asked kind? Quantities are read once by the caller.
 */
export function satisfiesType(
  type: AnswerType,
  sentence: string,
  quantities: Quantity[],
  currency?: 'USD' | 'KRW',
  countUnit?: string,
): boolean {
  switch (type) {
    case 'money':
      return quantities.some((q) => q.kind === 'money' && (!currency || q.unit === currency));
    case 'count':
      // "몇 명" is answered by a number of people, not by "1학기" or "30곳" ("몇 건", "몇 개" by any count).
      return quantities.some(
        (q) => q.kind === 'count' && (!countUnit || GENERIC_COUNTERS.has(countUnit) || q.unit === countUnit),
      );
    case 'date':
      return quantities.some((q) => q.kind === 'date') || RELATIVE_TIME.test(sentence);
    case 'percent':
      return quantities.some((q) => q.kind === 'percent');
    case 'duration':
      return DURATION.test(sentence);
    case 'per-share':
      return PER_SHARE.test(sentence) && quantities.some((q) => q.kind === 'money');
    case 'person':
      return PERSON.test(sentence);
    case 'place':
      return PLACE.test(sentence);
    case 'terms':
      return TERMS.test(sentence);
    case 'article':
      return ARTICLE.test(sentence);
    case 'other':
      return true;
  }
}

/**
 * The unit of the count a question asks ("몇 명" → person, "몇 곳" → site), as the number
 * module reads units; undefined when it names none it knows.
 *
 * @example askedCountUnit('위원은 몇 명인가요?') // 'person'
 */
export function askedCountUnit(question: string): string | undefined {
  const counter = /몇\s?([가-힣]+)/.exec(question)?.[1];
  if (!counter) return undefined;
  const unit = extractQuantities(`1${counter}`).find((q) => q.kind === 'count')?.unit;
  return unit || undefined;
}

/**
 * The currency a question asks in ("달러로 치면", "in US dollars"): a sentence's amount in
 * another currency does not answer it.
 */
export function askedCurrency(question: string): 'USD' | 'KRW' | undefined {
  if (/달러|dollars?\b|US ?\$|\bUSD\b/i.test(question)) return 'USD';
  if (/원화|\bwon\b|\bKRW\b/i.test(question)) return 'KRW';
  return undefined;
}

/** Quantities of a sentence, without `[n]` citation markers (which read as numbers). */
export function quantitiesOf(sentence: string): Quantity[] {
  return extractQuantities(sentence.replace(/\[\d+\]/g, ' '));
}

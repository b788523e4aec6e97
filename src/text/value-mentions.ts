/**
 * Mentions of kinds of value in a sentence, beside the amounts, counts, dates and percentages
 * the number module reads: a length of time, a price per share, the terms of a loan, a
 * person beside a title, a provision of a law, a time without a calendar date, a place.
 * General forms of Korean and English releases, not the words of any one of them.
 */
import { ENGLISH_TITLES, KOREAN_TITLES } from './data/entity-kinds.js';

/** A length of time: 5년, 10-year, two years. */
export const DURATION =
  /(?<![\d.])\d{1,2}(\.\d)?\s?(년|개월|달|주일)(?!\s?\d)|\b\d{1,2}[- ](year|month|week)s?\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)[- ](year|month)s?\b/i;
/** A price per share. */
export const PER_SHARE = /주당|주가|per share|share price|stock price/i;
/** Terms a loan is given on: its length, its rate, its security. */
export const TERMS =
  /장기|단기|저리|저금리|무이자|고정금리|변동금리|금리|만기|거치|상환|담보|보증|우대|long-term|short-term|low-interest|interest-free|fixed-rate|floating-rate|interest rate|maturity|grace period|repayment|collateral|guarantee/i;
const KO_TITLE = `(${KOREAN_TITLES.join('|')})`;
/** A person's name beside a title: Kim Seong-hoon, chief executive; 김성훈 대표; 대표 김성훈은. */
export const PERSON = new RegExp(
  [
    // English: a name before a title or a verb of saying, or after a title.
    String.raw`\b[A-Z][a-z]+ [A-Z][a-z]+(-[a-z]+)?\b(?=,? (chief|chair|president|minister|governor|head|ceo|director|said|says|told|noted|described))`,
    String.raw`\b(${ENGLISH_TITLES.join('|')})(,| of [A-Z][\w ]+,)? [A-Z][a-z]+ [A-Z][a-z]+`,
    // Korean: a name of two to four syllables before a title, or one of three after it.
    `[가-힣]{2,4} ?${KO_TITLE}`,
    `${KO_TITLE}(인|은|는|이)? ?[가-힣]{3}(?=[은는이가,)]|씨| )`,
  ].join('|'),
);
/** A provision of a law: 제8조, Article 8. */
export const ARTICLE = /제\s?\d+\s?조|\bArticle \d+/;
/** Times releases state without a calendar date, with a particle or none: 내년, 하반기, 2학기에는, 3월부터, next year. */
export const RELATIVE_TIME =
  /(올해|금년|내년|내후년|작년|연내|연말|연초|상반기|하반기|분기|[1-4]학기|새학기|신학기|[1-9]\d?월(부터|까지|중|에|말|초)?)(에는|에|부터|까지|의|은|는|이|가|도)?(?![가-힣])|\b(this|next|last) (year|month|quarter|semester)\b|\b(first|second) half\b|\bby the end of\b/i;
/** A place in Korean (해남군에, 국가산업단지에) or English (in Haenam, at the Saemangeum …). */
export const PLACE =
  /[가-힣]+(특별시|광역시|특별자치도|도|시|군|구|읍|면|산업단지|단지|지구|항|남|북)(에|에서|의|로|에는)?(?=\s|,|\.|$)|\b(in|at|near) (the )?[A-Z][a-z]+/;

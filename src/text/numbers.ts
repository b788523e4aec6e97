/**
 * The one module that reads and writes amounts, counts, dates and percentages, shared by
 * retrieval (quantity terms), the answer checks and the eval grader (DESIGN.md "Korean text").
 *
 * 조 = 10^12, 억 = 10^8, 만 = 10^4, 천 = 10^3, so `5조6천억 원` = `5조 6,000억 원` = `5.6조 원`
 * = `5.6 trillion won` = 5.6e12 KRW, and `약 42억 달러` = `about US$4.2 billion`.
 */
import { parseAmountAt, formatEnglishNumber, formatKoreanNumber, groupThousands } from './amounts.js';
import { dateValue, datesAgree, formatDate, parseDateAt } from './dates.js';
import { normalizeWithOffsets, originalSpan } from './source-map.js';
import { readCountUnit, UNIT_INFO } from './units.js';
import { factText } from './fact-text.js';

export type QuantityKind = 'money' | 'count' | 'date' | 'percent';

export interface Quantity {
  kind: QuantityKind;
  /**
   * money: in the currency's base unit (KRW won, USD dollars); count: the number;
   * date: a YYYYMMDD number with 0 for an unstated part (`2028년` = 20280000, `4월 30일` = 430);
   * percent: the number.
   */
  value: number;
  /** 'KRW' | 'USD' for money; a normalized unit for counts ('ton', 'chip', 'item', ... or '' when none); 'date'; '%' or '%p' */
  unit: string;
  /** the matched source text, and where it starts */
  text: string;
  index: number;
}

export type Currency = 'KRW' | 'USD';

/** Where a quantity may start: a digit, a currency sign, an abbreviated year (‘24), a month name. */
const CANDIDATE =
  /US ?\$|\$|₩|\b(?:KRW|USD) ?(?=\d)|['‘’`](?=\s?\d{2}(?:\s?년|\.\d))|\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/gi;
const CURRENCY_PREFIX = /(US ?\$|\$|₩|KRW ?|USD ?)/iy;
/** `$4.2B`, `$300M`: letter scales right after a currency-prefixed number. */
const LETTER_SCALE = /([kmbt])(?![a-z])/iy;
const LETTER_SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
// 원 followed by these syllables starts another word (3원칙 = three principles), not the currency.
const CURRENCY_SUFFIX = /\s?(원(?![칙리인래료형])|won(?![a-z])|krw(?![a-z])|달러|dollars?(?![a-z])|usd(?![a-z]))/iy;
const PERCENT_SUFFIX =
  /\s?(%p|%포인트|%|퍼센트|percentage points?(?![a-z])|percent(?![a-z])|per cent(?![a-z])|pct(?![a-z]))/iy;
const ALNUM = /[\p{L}\p{N}]/u;
const LATIN_OR_DIGIT = /[a-z0-9]/i;

function currencyOf(word: string): Currency {
  return /원|won|krw/i.test(word) ? 'KRW' : 'USD';
}

interface Found {
  kind: QuantityKind;
  value: number;
  unit: string;
  end: number;
}

/** A number followed by what it measures: currency, percent sign, counter, or nothing. */
function readNumberWithUnit(s: string, at: number, currency?: Currency): Found | undefined {
  const amount = parseAmountAt(s, at);
  if (!amount) return undefined;
  let { value, end } = amount;
  if (currency) {
    LETTER_SCALE.lastIndex = end;
    const letter = !amount.scaled && LETTER_SCALE.exec(s);
    if (letter) {
      value *= LETTER_SCALES[letter[1]!.toLowerCase()]!;
      end += letter[0].length;
    }
    // `$5 USD`, `₩5,000원`: a repeated currency word belongs to the same amount.
    CURRENCY_SUFFIX.lastIndex = end;
    const repeated = CURRENCY_SUFFIX.exec(s);
    if (repeated && currencyOf(repeated[1]!) === currency) end += repeated[0].length;
    return { kind: 'money', value, unit: currency, end };
  }
  CURRENCY_SUFFIX.lastIndex = end;
  const money = CURRENCY_SUFFIX.exec(s);
  if (money) return { kind: 'money', value, unit: currencyOf(money[1]!), end: end + money[0].length };
  PERCENT_SUFFIX.lastIndex = end;
  const percent = PERCENT_SUFFIX.exec(s);
  if (percent) {
    const points = /^%p|포인트|point/i.test(percent[1]!);
    return { kind: 'percent', value, unit: points ? '%p' : '%', end: end + percent[0].length };
  }
  const counted = readCountUnit(s, end);
  if (counted && !(amount.plainInteger && isYear(value) && counted.unit === 'year')) {
    return { kind: 'count', value, unit: counted.unit, end: counted.end };
  }
  // A code such as 5G or 3D is not a quantity.
  if (LATIN_OR_DIGIT.test(s[end] ?? '')) return undefined;
  if (amount.plainInteger && isYear(value)) return { kind: 'date', value: dateValue(value, 0, 0), unit: 'date', end };
  return { kind: 'count', value, unit: '', end };
}

function isYear(value: number): boolean {
  return value >= 1900 && value <= 2199;
}

function readQuantity(s: string, at: number): Found | undefined {
  const date = parseDateAt(s, at);
  if (date) return { kind: 'date', value: dateValue(date.year, date.month, date.day), unit: 'date', end: date.end };
  CURRENCY_PREFIX.lastIndex = at;
  const prefix = CURRENCY_PREFIX.exec(s);
  if (prefix) {
    const currency = prefix[1]!.trim().toUpperCase() === 'KRW' || prefix[1] === '₩' ? 'KRW' : 'USD';
    return readNumberWithUnit(s, at + prefix[0].length, currency);
  }
  return readNumberWithUnit(s, at);
}

/** Skips the rest of a run of letters and digits (a code like B2B, or 제8조's article number). */
function endOfRun(s: string, at: number): number {
  let i = at;
  while (i < s.length && (ALNUM.test(s[i]!) || (s[i] === '.' && /\d/.test(s[i + 1] ?? '')))) i++;
  return Math.max(i, at + 1);
}

/**
 * Every amount, count, date and percentage in a text (Korean and English forms), in order.
 *
 * @example extractQuantities('5조6천억 원(약 42억 달러)')
 * // [{kind:'money', value:5.6e12, unit:'KRW', text:'5조6천억 원', index:0},
 * //  {kind:'money', value:4.2e9, unit:'USD', text:'42억 달러', index:11}]
 */
export function extractQuantities(text: string): Quantity[] {
  const mapped = normalizeWithOffsets(text);
  const s = mapped.text;
  const out: Quantity[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(s); m; m = CANDIDATE.exec(s)) {
    const at = m.index;
    const previous = s[at - 1] ?? '';
    const isDigitStart = m[0] >= '0' && m[0] <= '9';
    // Digits inside a word or code (B2B, v3.5), and article numbers (제8조), are not quantities.
    if (isDigitStart && (LATIN_OR_DIGIT.test(previous) || previous === '.' || previous === '제' || previous === ',')) {
      CANDIDATE.lastIndex = endOfRun(s, at);
      continue;
    }
    if (!isDigitStart && /^[a-z]/i.test(m[0]) && ALNUM.test(previous) && !/\d/.test(previous)) continue;
    const found = readQuantity(s, at);
    if (!found) {
      CANDIDATE.lastIndex = isDigitStart ? endOfRun(s, at) : at + m[0].length;
      continue;
    }
    // Trailing spaces a suffix pattern may have crossed are not part of the match.
    let end = found.end;
    while (end > at && s[end - 1] === ' ') end--;
    const span = originalSpan(mapped, text, at, end);
    out.push({ kind: found.kind, value: found.value, unit: found.unit, text: span.text, index: span.index });
    CANDIDATE.lastIndex = found.end;
  }
  return out;
}

/**
 * An amount of money in the customary form of a language.
 *
 * @example formatMoney(5.6e12, 'KRW', 'ko') // '5조6천억 원'
 * @example formatMoney(5.6e12, 'KRW', 'en') // '5.6 trillion won'
 * @example formatMoney(4.2e9, 'USD', 'ko')  // '42억 달러'
 * @example formatMoney(4.2e9, 'USD', 'en')  // 'US$4.2 billion'
 */
export function formatMoney(value: number, currency: Currency, lang: 'ko' | 'en'): string {
  if (lang === 'ko') return `${formatKoreanNumber(value)} ${currency === 'KRW' ? '원' : '달러'}`;
  return currency === 'KRW' ? `${formatEnglishNumber(value)} won` : `US$${formatEnglishNumber(value)}`;
}

/**
 * Any quantity in a language's customary form: dates `2026년 4월 30일` / `April 30, 2026`,
 * counts `1만5천 장` / `15,000` (`37,000 tons` when the unit has an English name),
 * percentages `12.5%`.
 */
export function formatQuantity(q: Quantity, lang: 'ko' | 'en'): string {
  switch (q.kind) {
    case 'money':
      return formatMoney(q.value, q.unit === 'USD' ? 'USD' : 'KRW', lang);
    case 'date':
      return formatDate(q.value, lang);
    case 'percent': {
      const number = groupThousands(q.value, 4);
      if (q.unit === '%p') return lang === 'ko' ? `${number}%p` : `${number} percentage points`;
      return `${number}%`;
    }
    case 'count': {
      const info = UNIT_INFO.get(q.unit);
      if (lang === 'ko') return info ? `${formatKoreanNumber(q.value)} ${info.ko}` : formatKoreanNumber(q.value);
      const number = groupThousands(q.value, 4);
      return info?.en ? `${number} ${info.en}` : number;
    }
  }
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
}

/**
 * Whether two quantities state the same thing. Money needs the same currency (a bare number
 * of equal value also counts: `5.6 trillion` for `5.6 trillion won`); counts need the same unit
 * unless either has none or is the generic 개 (`item`); dates agree on every part the fact states.
 */
export function quantitiesMatch(fact: Quantity, found: Quantity): boolean {
  if (fact.kind === 'date' || found.kind === 'date') {
    if (fact.kind === 'date' && found.kind === 'date') return datesAgree(fact.value, found.value);
    // A bare year in the text (`by 2028`) is read as a date; a year count in the fact is not.
    return false;
  }
  if (!sameValue(fact.value, found.value)) return false;
  if (fact.kind === found.kind) {
    if (fact.kind === 'money' || fact.kind === 'percent') return fact.unit === found.unit;
    return fact.unit === found.unit || !fact.unit || !found.unit || fact.unit === 'item' || found.unit === 'item';
  }
  const loose = (q: Quantity) => q.kind === 'count' && q.unit === '';
  return (fact.kind === 'money' && loose(found)) || (found.kind === 'money' && loose(fact));
}

/**
 * The grader's and answer checker's comparison: does `text` state `fact`? When the fact holds
 * quantities, each must appear in the text with an equal value and compatible unit
 * (5조6천억 원 = 5조 6,000억 원 = 5.6조 원 = 5.6 trillion won; 2026-04-30 = 2026년 4월 30일 =
 * April 30, 2026 = 30 April 2026 = 2026.4.30.); otherwise a normalized (NFKC, case-, space- and
 * punctuation-insensitive) containment, particle-tolerant for Korean.
 *
 * @example factMatches('5조6천억 원', 'It invests 5.6 trillion won.') // true
 * @example factMatches('업스테이지', '업스테이지에 투자한다') // true
 */
export function factMatches(fact: string, text: string): boolean {
  const wanted = extractQuantities(fact);
  if (wanted.length > 0) {
    const found = extractQuantities(text);
    return wanted.every((q) => found.some((f) => quantitiesMatch(q, f)));
  }
  const needle = factText(fact);
  if (!needle) return false;
  return factText(text).includes(needle);
}

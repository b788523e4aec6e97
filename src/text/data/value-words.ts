/**
 * Nouns that only say which kind of value a question asks (the amount, the number, the date,
 * the place, the terms): the answer type checks that a sentence states such a value, so no
 * sentence need write the noun itself. General vocabulary of quantities in both languages;
 * nouns that name a specific attribute (금리 = interest rate, 만기 = maturity, 자본금 = capital)
 * are topics and are not here.
 */
import { words } from './words.js';

export const VALUE_NOUNS = {
  money: {
    ko: words('금액 규모 액수 몫 총액 합계 얼마씩 돈 달러 원화'),
    en: words('amount size sum total worth value money dollar won usd krw'),
  },
  count: { ko: words('수량 개수 인원 인원수 단위'), en: words('number figure') },
  date: { ko: words('날짜 일자'), en: words('date year time') },
  place: { ko: words('위치 장소 소재지 부지 지역'), en: words('location site place') },
  terms: { ko: words('조건'), en: words('terms conditions') },
} as const;

/** Superlatives and comparison (가장, 최대, largest, versus): the answer compares what the sources state. */
export const KOREAN_COMPARISON = words('가장 제일 최대 최소 비교');
export const ENGLISH_COMPARISON = words(`
  largest biggest smallest greatest highest lowest least most fewest larger bigger smaller greater higher lower
  compare comparison versus vs besides except excluding aside
`);

/**
 * Korean numerals used before a counter (한 번, 세 곳, 여러 가지, 몇 장), and the counters: the
 * bound nouns of counting (단위성 의존명사), as a grammar lists them. A counter after a numeral
 * says how many of something, not a word a source must write.
 */
export const KOREAN_NUMERALS = words('한 두 세 네 다섯 여섯 일곱 여덟 아홉 열 여러 몇');
export const KOREAN_COUNTERS = words('번 차례 회 가지 곳 군데 개 명 건 장 대 배 채 권 마리 개월 달 해');

import { describe, expect, it } from 'vitest';
import { extractQuantities, factMatches, formatMoney, formatQuantity, type Quantity } from './numbers.js';

/** [kind, value, unit] of every quantity, for compact expectations. */
const read = (text: string) => extractQuantities(text).map((q) => [q.kind, q.value, q.unit]);

describe('extractQuantities: money', () => {
  it.each([
    ['5조6천억 원', 5.6e12],
    ['5조 6,000억 원', 5.6e12],
    ['5.6조 원', 5.6e12],
    ['5조6천억원', 5.6e12],
    ['1,650억 원', 1.65e11],
    ['8,500억 원', 8.5e11],
    ['3천억 원', 3e11],
    ['4조3천억 원', 4.3e12],
    ['84조 원', 8.4e13],
    ['1조 원', 1e12],
    ['5,000만 원', 5e7],
    ['1만5천 원', 15_000],
    ['5.6 trillion won', 5.6e12],
    ['300 billion won', 3e11],
    ['KRW 5.6 trillion', 5.6e12],
    ['₩15,000', 15_000],
    ['15,000 KRW', 15_000],
  ])('%s is %d won', (text, value) => {
    expect(read(text)).toEqual([['money', value, 'KRW']]);
  });

  it.each([
    ['약 42억 달러', 4.2e9],
    ['about US$4.2 billion', 4.2e9],
    ['US $4.2 billion', 4.2e9],
    ['$4.2B', 4.2e9],
    ['$300M', 3e8],
    ['4.2 billion dollars', 4.2e9],
    ['USD 4.2bn', 4.2e9],
    ['$9,000억 규모', 9e11],
    ['$1조 3,000억', 1.3e12],
  ])('%s is %d dollars', (text, value) => {
    expect(read(text)).toEqual([['money', value, 'USD']]);
  });

  it('reports the original wording and where it starts', () => {
    const [won, dollars] = extractQuantities('업스테이지에 5조6천억 원(약 42억 달러)을 투자');
    expect(won).toMatchObject({ text: '5조6천억 원', index: 7 });
    expect(dollars).toMatchObject({ text: '42억 달러', index: 17 });
  });

  it('maps full-width and decomposed input back to the original text', () => {
    const [q] = extractQuantities('투자액 ５조６천억 원');
    expect(q).toMatchObject({ kind: 'money', value: 5.6e12, text: '５조６천억 원', index: 4 });
    const nfd = '해남에 1만5천 장'.normalize('NFD');
    const [chips] = extractQuantities(nfd);
    expect(chips!.value).toBe(15_000);
    expect(chips!.text.normalize('NFC')).toBe('1만5천 장');
  });

  it('keeps separate amounts apart', () => {
    expect(read('첨단전략산업기금 1조 원, IBK기업은행 3천억 원, 민간 4조3천억 원')).toEqual([
      ['money', 1e12, 'KRW'],
      ['money', 3e11, 'KRW'],
      ['money', 4.3e12, 'KRW'],
    ]);
    // A spaced section needs its own unit: 84조 and 11개 are two quantities.
    expect(read('84조 11개')).toEqual([
      ['count', 8.4e13, ''],
      ['count', 11, 'item'],
    ]);
  });
});

describe('extractQuantities: counts and percentages', () => {
  it.each([
    ['AI 반도체 1만5천 장', 15_000, 'chip'],
    ['15,000 advanced AI chips', 15_000, 'chip'],
    ['연 3만7천 톤', 37_000, 'ton'],
    ['37,000 tons a year', 37_000, 'ton'],
    ['1만 5천 명', 15_000, 'person'],
    ['11개 프로젝트', 11, 'item'],
    ['11 projects', 11, 'project'],
    ['12개월', 12, 'month'],
    ['3개사', 3, 'company'],
    ['5 years', 5, 'year'],
    ['5년간', 5, 'year'],
    ['2.5 times', 2.5, 'times'],
  ])('%s is %d %s', (text, value, unit) => {
    expect(read(text)).toEqual([['count', value, unit]]);
  });

  it('reads percentages and percentage points', () => {
    expect(read('40% 증가')).toEqual([['percent', 40, '%']]);
    expect(read('12.5 percent')).toEqual([['percent', 12.5, '%']]);
    expect(read('3.5%p 상승')).toEqual([['percent', 3.5, '%p']]);
    expect(read('2 percentage points')).toEqual([['percent', 2, '%p']]);
  });

  it('skips codes, article numbers and digits inside words', () => {
    expect(read('B2B 기업과 5G 통신, GPT4')).toEqual([]);
    expect(read('은행법 제8조에 근거')).toEqual([]);
  });
});

describe('extractQuantities: dates', () => {
  it.each([
    '2026-04-30',
    '2026/04/30',
    '2026.4.30.',
    '2026. 4. 30.',
    '2026년 4월 30일',
    '2026년4월30일',
    '2026년 4월 30일(목)',
    'April 30, 2026',
    'April 30 2026',
    'Apr. 30, 2026',
    '30 April 2026',
    '30th of April, 2026',
  ])('%s is 2026-04-30', (text) => {
    expect(read(text)).toEqual([['date', 20260430, 'date']]);
  });

  it('reads weekday suffixes and abbreviated years', () => {
    expect(read('2024.4.11.(목) 조간')).toEqual([['date', 20240411, 'date']]);
    expect(read('‘24년 4월 9일')).toEqual([['date', 20240409, 'date']]);
    expect(read("'24.4.9.")).toEqual([['date', 20240409, 'date']]);
  });

  it('keeps partial dates with zeros for the unstated parts', () => {
    expect(read('2028년 완공')).toEqual([['date', 20280000, 'date']]);
    expect(read('completion by 2028')).toEqual([['date', 20280000, 'date']]);
    expect(read('2026년 4월')).toEqual([['date', 20260400, 'date']]);
    expect(read('April 2026')).toEqual([['date', 20260400, 'date']]);
    expect(read('4월 30일')).toEqual([['date', 430, 'date']]);
  });

  it('rejects impossible dates', () => {
    expect(read('2026-13-45')).not.toContainEqual(['date', 20261345, 'date']);
    expect(read('2026년 13월 45일')).not.toContainEqual(['date', 20261345, 'date']);
  });
});

describe('extractQuantities: edges', () => {
  it('handles empty, number-free and very long input', () => {
    expect(extractQuantities('')).toEqual([]);
    expect(extractQuantities('숫자가 없는 문장입니다. No numbers here.')).toEqual([]);
    const long = '국민성장펀드는 5조6천억 원을 투자한다. '.repeat(20_000);
    const started = performance.now();
    const found = extractQuantities(long);
    expect(found).toHaveLength(20_000);
    // Linear in the input: a generous bound that a quadratic scan of 600k characters would miss.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('formatMoney', () => {
  it.each([
    [5.6e12, 'KRW', '5조6천억 원', '5.6 trillion won'],
    [4.2e9, 'USD', '42억 달러', 'US$4.2 billion'],
    [1.65e11, 'KRW', '1,650억 원', '165 billion won'],
    [8.5e11, 'KRW', '8,500억 원', '850 billion won'],
    [3e11, 'KRW', '3천억 원', '300 billion won'],
    [8.4e13, 'KRW', '84조 원', '84 trillion won'],
    [5.65e12, 'KRW', '5조 6,500억 원', '5.65 trillion won'],
    [15_000, 'KRW', '1만5천 원', '15,000 won'],
    [900, 'KRW', '900 원', '900 won'],
  ] as const)('%d %s -> %s / %s', (value, currency, ko, en) => {
    expect(formatMoney(value, currency, 'ko')).toBe(ko);
    expect(formatMoney(value, currency, 'en')).toBe(en);
  });

  it('writes amounts that read back to the same value', () => {
    for (const value of [5.6e12, 4.3e12, 1.65e11, 123_456_789, 15_000, 2.5e12, 1e8]) {
      for (const lang of ['ko', 'en'] as const) {
        expect(extractQuantities(formatMoney(value, 'KRW', lang))[0]).toMatchObject({ value, unit: 'KRW' });
      }
    }
  });
});

describe('formatQuantity', () => {
  const q = (text: string): Quantity => extractQuantities(text)[0]!;

  it('writes dates, counts and percentages in either language', () => {
    expect(formatQuantity(q('2026-04-30'), 'ko')).toBe('2026년 4월 30일');
    expect(formatQuantity(q('2026년 4월 30일'), 'en')).toBe('April 30, 2026');
    expect(formatQuantity(q('2028년'), 'en')).toBe('2028');
    expect(formatQuantity(q('April 2026'), 'ko')).toBe('2026년 4월');
    expect(formatQuantity(q('15,000 chips'), 'ko')).toBe('1만5천 장');
    expect(formatQuantity(q('1만5천 장'), 'en')).toBe('15,000');
    expect(formatQuantity(q('3만7천 톤'), 'en')).toBe('37,000 tons');
    expect(formatQuantity(q('12.5%'), 'ko')).toBe('12.5%');
    expect(formatQuantity(q('42억 달러'), 'en')).toBe('US$4.2 billion');
  });
});

describe('factMatches', () => {
  it.each([
    ['5조6천억 원', '투자 규모는 5조6천억 원입니다.'],
    ['5조6천억 원', '5조 6,000억 원을 투자합니다'],
    ['5조6천억 원', '5.6조 원'],
    ['5조6천억 원', 'The fund invests 5.6 trillion won in Upstage.'],
    ['약 42억 달러', 'about US$4.2 billion'],
    ['2026-04-30', '2026년 4월 30일 회의'],
    ['2026-04-30', 'on April 30, 2026'],
    ['2026-04-30', 'At a meeting on April 30, 2026, the FSC approved'],
    ['2026-04-30', 'on 30 April 2026'],
    ['2026-04-30', '2026.4.30.(목)'],
    ['1만5천 장', 'It will bring in 15,000 advanced AI chips.'],
    ['3만7천 톤', '37,000 tons a year'],
    ['2028년', 'completion is targeted for 2028'],
    ['4월 30일', '2026년 4월 30일'],
  ])('%s is stated by "%s"', (fact, text) => {
    expect(factMatches(fact, text)).toBe(true);
  });

  it.each([
    ['5조6천억 원', '5조 원을 투자합니다'],
    ['5조6천억 원', '5.6 trillion dollars'],
    ['1만5천 장', '15,000 tons'],
    ['2026-04-30', '2026년 4월 29일'],
    ['2026-04-30', 'April 30'],
    ['5조6천억 원, 2026-04-30', '5조6천억 원'],
    ['12%', '12%p'],
    ['2026-05-01', 'May 1,000 tons'],
  ])('%s is not stated by "%s"', (fact, text) => {
    expect(factMatches(fact, text)).toBe(false);
  });

  it('compares words without case, spacing, punctuation or Korean particles', () => {
    expect(factMatches('업스테이지', '국민성장펀드가 업스테이지에 투자한다')).toBe(true);
    expect(factMatches('업스테이지는', '업스테이지가 유일하다')).toBe(true);
    expect(factMatches('국민성장펀드의 투자', '국민성장펀드 투자 승인')).toBe(true);
    expect(factMatches('Upstage', 'UPSTAGE’s model')).toBe(true);
    expect(factMatches('National Growth Fund', 'the national-growth fund')).toBe(true);
    expect(factMatches('ＩＢＫ', 'IBK기업은행')).toBe(true);
    expect(factMatches('포스코퓨처엠', '포스코 자회사')).toBe(false);
    expect(factMatches('', 'anything')).toBe(false);
  });
});

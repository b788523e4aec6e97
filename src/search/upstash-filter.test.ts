import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import { dayNumber, literal, upstashFilter } from './upstash-filter.js';
import { compileFilter } from '../../test/fakes/upstash-filter.js';

describe('upstashFilter', () => {
  it('writes every filter as a clause, dates as YYYYMMDD numbers', () => {
    expect(upstashFilter(undefined)).toBeUndefined();
    expect(upstashFilter({})).toBeUndefined();
    expect(
      upstashFilter({
        lang: 'ko',
        dateFrom: '2026-01-01',
        dateTo: '2026-12-31',
        tags: ['AI', 'Fund'],
        documents: ['2026-04-30-upstage-ko'],
      }),
    ).toBe(
      "lang = 'ko' AND day >= 20260101 AND day <= 20261231 AND (tagKeys CONTAINS 'ai' OR tagKeys CONTAINS 'fund') " +
        "AND docId IN ('2026-04-30-upstage-ko')",
    );
  });

  it('quotes a value with the quote it does not hold, and refuses one holding both', () => {
    expect(literal("Moody's")).toBe(`"Moody's"`);
    expect(literal('say "hi"')).toBe(`'say "hi"'`);
    expect(() => literal(`it's "x"`)).toThrow(BadRequestError);
    expect(upstashFilter({ documents: ["a'b"] })).toBe(`docId IN ("a'b")`);
  });

  it('refuses a date that is not YYYY-MM-DD, as a bad request', () => {
    expect(dayNumber('2026-4-30')).toBeUndefined();
    expect(() => upstashFilter({ dateFrom: "2026' OR 1=1" })).toThrow(/filters.dateFrom must be a date/);
  });
});

describe("the fake server's filter language", () => {
  const city = {
    city: 'Istanbul',
    country: 'Turkey',
    is_capital: false,
    population: 15460000,
    geography: { continent: 'Asia' },
    economy: { major_industries: ['Tourism', 'Textiles'] },
  };
  it.each([
    ["population >= 1000000 AND geography.continent = 'Asia'", true],
    ["country = 'Turkey' AND population > 20000000 OR is_capital = 0", true],
    ["country = 'Turkey' AND (population > 20000000 OR is_capital = 1)", false],
    ["country IN ('Germany', 'Turkey')", true],
    ["country NOT IN ('Germany', 'Turkey')", false],
    ["economy.major_industries CONTAINS 'Tourism'", true],
    ["economy.major_industries NOT CONTAINS 'Steel'", true],
    ["city GLOB '?[sz]*[^m-z]'", true],
    ["city NOT GLOB 'I*'", false],
    ['HAS FIELD geography.continent', true],
    ['HAS NOT FIELD geography.coordinates', true],
    ["city < 'J'", false],
    ['missing = 1', false],
  ] as const)('%s is %s', (filter, expected) => {
    expect(compileFilter(filter)(city)).toBe(expected);
  });
});

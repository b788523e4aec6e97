/**
 * Counting units in Korean and English, normalized to one English name so `1만5천 장` and
 * `15,000 chips`, or `3만7천 톤` and `37,000 tons`, carry the same unit.
 */

export interface CountUnit {
  /** The normalized unit name. */
  unit: string;
  /** The Korean counter to write it with. */
  ko: string;
  /** English plural, or '' when the Korean counter names no thing (장: chips, sheets, cards …). */
  en: string;
}

const UNITS: CountUnit[] = [
  { unit: 'ton', ko: '톤', en: 'tons' },
  { unit: 'chip', ko: '장', en: '' },
  { unit: 'item', ko: '개', en: '' },
  { unit: 'company', ko: '개사', en: 'companies' },
  { unit: 'site', ko: '곳', en: 'sites' },
  { unit: 'person', ko: '명', en: 'people' },
  { unit: 'case', ko: '건', en: 'cases' },
  { unit: 'vehicle', ko: '대', en: 'units' },
  { unit: 'household', ko: '가구', en: 'households' },
  { unit: 'country', ko: '개국', en: 'countries' },
  { unit: 'times', ko: '배', en: 'times' },
  { unit: 'year', ko: '년', en: 'years' },
  { unit: 'month', ko: '개월', en: 'months' },
  { unit: 'day', ko: '일', en: 'days' },
  { unit: 'hour', ko: '시간', en: 'hours' },
  { unit: 'project', ko: '개 프로젝트', en: 'projects' },
  { unit: 'kg', ko: 'kg', en: 'kg' },
  { unit: 'km', ko: 'km', en: 'km' },
  { unit: 'm2', ko: '㎡', en: 'm²' },
  { unit: 'mw', ko: 'MW', en: 'MW' },
  { unit: 'gw', ko: 'GW', en: 'GW' },
];

export const UNIT_INFO = new Map(UNITS.map((u) => [u.unit, u]));

/** Korean counters written right after a number (longest first, so 개월 beats 개). */
const KOREAN_COUNTERS: [string, string][] = [
  ['개국', 'country'],
  ['개사', 'company'],
  ['개소', 'site'],
  ['개월', 'month'],
  ['가구', 'household'],
  ['세대', 'household'],
  ['시간', 'hour'],
  ['개', 'item'],
  ['장', 'chip'],
  ['매', 'chip'],
  ['톤', 'ton'],
  ['곳', 'site'],
  ['명', 'person'],
  ['건', 'case'],
  ['대', 'vehicle'],
  ['배', 'times'],
  ['년', 'year'],
  ['일', 'day'],
];

const ENGLISH_UNITS: Record<string, string> = {
  ton: 'ton',
  tonne: 'ton',
  chip: 'chip',
  sheet: 'chip',
  wafer: 'chip',
  item: 'item',
  unit: 'vehicle',
  vehicle: 'vehicle',
  company: 'company',
  firm: 'company',
  business: 'company',
  site: 'site',
  location: 'site',
  person: 'person',
  people: 'person',
  employee: 'person',
  worker: 'person',
  case: 'case',
  household: 'household',
  country: 'country',
  time: 'times',
  year: 'year',
  month: 'month',
  day: 'day',
  hour: 'hour',
  project: 'project',
};

const KOREAN_COUNTER_RE = new RegExp(`\\s?(${KOREAN_COUNTERS.map(([k]) => k).join('|')})`, 'y');
const KOREAN_COUNTER_UNIT = new Map(KOREAN_COUNTERS);
const MEASURE_RE = /\s?(kg|km|㎡|m2|mw|gw|톤|ton(?:ne)?s?)(?![a-z])/iy;
/** Up to three words after a number: the unit noun may follow describing words (`15,000 advanced AI chips`). */
const NEXT_WORDS_RE = /\s([a-z][a-z-]*)(?:\s([a-z][a-z-]*))?(?:\s([a-z][a-z-]*))?/iy;

function englishUnit(word: string): string | undefined {
  const w = word.toLowerCase();
  return (
    ENGLISH_UNITS[w] ??
    (w.endsWith('ies') ? ENGLISH_UNITS[`${w.slice(0, -3)}y`] : undefined) ??
    (w.endsWith('es') ? ENGLISH_UNITS[w.slice(0, -2)] : undefined) ??
    (w.endsWith('s') ? ENGLISH_UNITS[w.slice(0, -1)] : undefined)
  );
}

/** The unit written after a number at `at`, with where it ends. */
export function readCountUnit(s: string, at: number): { unit: string; end: number } | undefined {
  MEASURE_RE.lastIndex = at;
  let m = MEASURE_RE.exec(s);
  if (m) {
    const word = m[1]!.toLowerCase();
    const unit = word === '톤' || word.startsWith('ton') ? 'ton' : word === '㎡' ? 'm2' : word;
    return { unit, end: at + m[0].length };
  }
  KOREAN_COUNTER_RE.lastIndex = at;
  m = KOREAN_COUNTER_RE.exec(s);
  if (m) return { unit: KOREAN_COUNTER_UNIT.get(m[1]!)!, end: at + m[0].length };
  NEXT_WORDS_RE.lastIndex = at;
  m = NEXT_WORDS_RE.exec(s);
  if (!m) return undefined;
  let end = at;
  for (const word of m.slice(1)) {
    if (!word) break;
    end = s.indexOf(word, end) + word.length;
    const unit = englishUnit(word);
    if (unit) return { unit, end };
  }
  return undefined;
}

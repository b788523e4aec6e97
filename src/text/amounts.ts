/**
 * Numbers with Korean and English scale words: `5조6천억`, `5조 6,000억`, `1,650억`, `1만5천`,
 * `5.6조`, `5.6 trillion`, `4.2bn`. Parsing works on NFKC text at a given offset; formatting
 * writes the forms Korean press releases use (`5조6천억`, `1,650억`, `3천억`).
 */

/** Korean large units: each section of up to four digits is scaled by one of these. */
const KOREAN_BIG: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
/** Korean small units inside a section (`6천` = 6,000). */
const KOREAN_SMALL: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };
const ENGLISH_SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  mn: 1e6,
  thousand: 1e3,
};

/** A plain number: `1,650`, `6,000`, `5.6`, `15000` (thousands separators need three digits). */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const ENGLISH_SCALE_WORD = /\s?(trillion|billion|million|thousand|tn|bn|mn)(?![a-z])/iy;

export interface ParsedAmount {
  value: number;
  /** Offset just after the amount. */
  end: number;
  /** A scale word (조/억/만/천, trillion, …) was part of it. */
  scaled: boolean;
  /** Written with digits only and no separators or decimals, e.g. `2028` (a year candidate). */
  plainInteger: boolean;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function readNumber(s: string, at: number): { value: number; end: number; raw: string } | undefined {
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(s);
  if (!m) return undefined;
  return { value: Number(m[0].replace(/,/g, '')), end: at + m[0].length, raw: m[0] };
}

/** One section below a large unit: `6,000`, `6천`, `3천5백`. */
function readSection(s: string, at: number): { value: number; end: number; small: boolean } | undefined {
  let value = 0;
  let pos = at;
  let small = false;
  for (;;) {
    const n = readNumber(s, pos);
    if (!n) break;
    pos = n.end;
    const unit = KOREAN_SMALL[s[pos]!];
    if (unit) {
      value += n.value * unit;
      pos++;
      small = true;
      if (isDigit(s[pos])) continue;
    } else value += n.value;
    break;
  }
  return pos === at ? undefined : { value, end: pos, small };
}

/**
 * Reads a number at `at`, with Korean or English scale words. Korean sections may be spaced
 * (`5조 6,000억`) as long as the next section carries its own unit, so `84조 11개` stays two numbers.
 */
export function parseAmountAt(s: string, at: number): ParsedAmount | undefined {
  const first = readNumber(s, at);
  if (!first) return undefined;

  ENGLISH_SCALE_WORD.lastIndex = first.end;
  const english = ENGLISH_SCALE_WORD.exec(s);
  if (english && !KOREAN_SMALL[s[first.end]!]) {
    return {
      value: first.value * ENGLISH_SCALE[english[1]!.toLowerCase()]!,
      end: first.end + english[0].length,
      scaled: true,
      plainInteger: false,
    };
  }

  let total = 0;
  let lastBig = Infinity;
  let pos = at;
  let scaled = false;
  for (;;) {
    const section = readSection(s, pos);
    if (!section) break;
    const big = KOREAN_BIG[s[section.end]!];
    if (big && big < lastBig) {
      total += section.value * big;
      lastBig = big;
      scaled = true;
      pos = section.end + 1;
      const next = s[pos] === ' ' && isDigit(s[pos + 1]) ? pos + 1 : pos;
      if (!isDigit(s[next])) break;
      if (next !== pos) {
        // A spaced continuation must carry a smaller unit of its own: 5조 6,000억, 1만 5천.
        const look = readSection(s, next);
        const bigAfter = look && KOREAN_BIG[s[look.end]!];
        if (!look || !((bigAfter && bigAfter < lastBig) || (look.small && !bigAfter))) break;
      }
      pos = next;
      continue;
    }
    if (section.value < lastBig) {
      total += section.value;
      scaled ||= section.small;
      pos = section.end;
    }
    break;
  }
  return {
    value: total,
    end: pos,
    scaled,
    plainInteger: !scaled && /^\d+$/.test(first.raw) && pos === first.end,
  };
}

/** `15000` -> `15,000`; keeps up to `maxFraction` decimals, trailing zeros trimmed. */
export function groupThousands(value: number, maxFraction = 2): string {
  const fixed = value.toFixed(maxFraction);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** A section value (< 10,000) as press releases write it: 6000 -> `6천`, 8500 -> `8,500`. */
function formatSection(n: number): string {
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}천`;
  return groupThousands(n);
}

/**
 * A number in Korean units: 5.6e12 -> `5조6천억`, 1.65e11 -> `1,650억`, 15000 -> `1만5천`.
 * Sections join without a space when the next one is written `N천`, with a space otherwise
 * (`5조 6,500억`), as Korean press releases do.
 */
export function formatKoreanNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  let rest = Math.abs(value);
  if (rest < 1e4) return (negative ? '-' : '') + groupThousands(rest);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['조', 1e12],
    ['억', 1e8],
    ['만', 1e4],
  ] as const) {
    const section = Math.floor(rest / size + 1e-9);
    if (section > 0) {
      // Above 조 there is no larger unit in common use: 84조, 1,200조.
      parts.push(size === 1e12 ? `${groupThousands(section, 0)}${unit}` : `${formatSection(section)}${unit}`);
      rest -= section * size;
    }
  }
  const remainder = Math.round(rest * 100) / 100;
  let out = parts.join('');
  if (parts.length > 1) {
    out = parts[0]!;
    for (let i = 1; i < parts.length; i++) out += /^\d+천/.test(parts[i]!) ? parts[i] : ` ${parts[i]}`;
  }
  // The part below 만 is written without a space (1만5천, 2,345만6,789): a spaced bare number
  // would read as a separate one.
  if (remainder > 0) out += formatSection(remainder);
  return (negative ? '-' : '') + out;
}

/** A number with an English scale word: 5.6e12 -> `5.6 trillion`, 1.65e11 -> `165 billion`, 15000 -> `15,000`. */
export function formatEnglishNumber(value: number): string {
  const abs = Math.abs(value);
  for (const [word, size] of [
    ['trillion', 1e12],
    ['billion', 1e9],
    ['million', 1e6],
  ] as const) {
    if (abs < size) continue;
    const scaled = value / size;
    // Scale words only where they stay exact (5.65 trillion); 123,456,789 is written out.
    if (Math.abs(Math.round(scaled * 1000) - scaled * 1000) < 1e-6) return `${groupThousands(scaled, 3)} ${word}`;
    break;
  }
  return groupThousands(value);
}

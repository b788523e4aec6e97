/**
 * Joins the wrapped lines of a paragraph back into running text.
 *
 * Hangul word processors (HWP and the PDFs made from it) break lines at any syllable, so a
 * line break may fall inside a word (지방|은행의) or between two words (시중은행|전환을),
 * and the file does not say which. Joining always with a space splits words; always
 * without, glues them. We decide each break from the document itself: its unwrapped text
 * shows, for every pair of neighbouring characters, how often a space stands between
 * them (은행|전환 is usually spaced; 지방|은행 never is). Korean particles and endings
 * (은, 를, 하였다...) starting the next line glue it to the previous word.
 *
 * English and other Latin text wraps at spaces, so a break between Latin letters is a space.
 */

/** One unit of text for the statistics: a Hangul syllable, or a class for digits and Latin letters. */
function unitOf(char: string | undefined): string {
  if (char === undefined) return '';
  if (/\d/.test(char)) return 'D';
  if (/[A-Za-z]/.test(char)) return 'L';
  return char;
}

const HANGUL = /[\uac00-\ud7a3]/;

/** Particles and endings that start the next line only when the line broke inside a word. */
const BOUND_START =
  /^(?:은|는|이|가|을|를|의|에|에서|에게|으로|로|와|과|도|만|까지|부터|보다|처럼|이나|나|란|하|한|할|함|했|해|되|된|될|됨|됐|였|적|적인|적으로|성|화|률|율|상|중|간|별|들|토록|도록|며|고|여|어|니다|습니다|었|겠)/;

/**
 * Weights of the evidence, set with `npx tsx bench/line-join.ts` (breaks in the 720
 * allganize pages: 92.7% right, against 70.7% for always joining). How single characters
 * tend to end or start words matters most (85.7% without it); the rest adds a little.
 */
const WEIGHTS = { char: 0.6, triple: 1.5, knownJoined: 3, knownApart: 2, boundStart: 0.75 };

/** Counts of neighbouring units seen inside words and across a single space. */
export class SpacingStats {
  private readonly inside = new Map<string, number>();
  private readonly across = new Map<string, number>();
  private readonly words = new Map<string, number>();
  /** Per character: how often a word goes on after it, and how often a word ends with it. */
  private readonly goesOn = new Map<string, number>();
  private readonly ends = new Map<string, number>();
  /** Per character: how often it continues a word, and how often it starts one. */
  private readonly continues = new Map<string, number>();
  private readonly starts = new Map<string, number>();
  private boundaries = 0;
  private spaces = 0;

  /**
   * Learns from text whose spaces are real: a line as it is, not across its breaks.
   * `wrappedBefore`/`wrappedAfter` say the line continues a previous one or goes on in the
   * next, so its first or last word may be a piece of a word, not a word.
   */
  addText(text: string, { wrappedBefore = false, wrappedAfter = false } = {}): void {
    const tokens = text.split(/\s+/).filter(Boolean);
    for (let t = 0; t < tokens.length; t++) {
      const word = tokens[t]!;
      const chars = [...word];
      const clean = stripPunctuation(word);
      const piece = (t === 0 && wrappedBefore) || (t === tokens.length - 1 && wrappedAfter);
      if (clean && !piece) bump(this.words, clean);
      for (let i = 0; i + 1 < chars.length; i++) {
        bump(this.goesOn, unitOf(chars[i]));
        bump(this.continues, unitOf(chars[i + 1]));
      }
      if (t + 1 < tokens.length) {
        bump(this.ends, unitOf(chars.at(-1)));
        bump(this.starts, unitOf([...tokens[t + 1]!][0]));
      }
      this.boundaries += chars.length - 1 + (t + 1 < tokens.length ? 1 : 0);
      if (t + 1 < tokens.length) this.spaces++;
      for (let i = 0; i + 1 < chars.length; i++) {
        bump(this.inside, key(chars[i], chars[i + 1]));
        if (i + 2 < chars.length) bump(this.inside, key3(chars[i], chars[i + 1], chars[i + 2]));
      }
      const next = tokens[t + 1];
      if (next) {
        const nextChars = [...next];
        bump(this.across, key(chars.at(-1), nextChars[0]));
        bump(this.across, key3(chars.at(-2), chars.at(-1), nextChars[0]));
        bump(this.across, key3(chars.at(-1), nextChars[0], nextChars[1], true));
      }
    }
  }

  /**
   * Log-odds that the break between `before` and `after` (the words either side of a line
   * break) falls inside one word; positive means join without a space.
   */
  joinScore(before: string, after: string): number {
    const a = [...before];
    const b = [...after];
    const last = a.at(-1);
    const first = b[0];
    // How the last character tends to end words, and the first to start them.
    const prior = this.inWordPrior();
    // Naive Bayes over the two characters (each alone carries the prior once), damped.
    let score =
      WEIGHTS.char *
        (smoothedLogOdds(this.goesOn.get(unitOf(last)), this.ends.get(unitOf(last)), prior) +
          smoothedLogOdds(this.continues.get(unitOf(first)), this.starts.get(unitOf(first)), prior)) -
      prior;
    // Pairs and triples of characters are sparser but say more.
    score +=
      WEIGHTS.triple *
      logOdds(this.inside.get(key3(a.at(-2), last, first)), this.across.get(key3(a.at(-2), last, first)));
    score +=
      WEIGHTS.triple *
      logOdds(this.inside.get(key3(last, first, b[1])), this.across.get(key3(last, first, b[1], true)));
    score += logOdds(this.inside.get(key(last, first)), this.across.get(key(last, first)));
    const joined = stripPunctuation(before + after);
    if (this.words.has(joined)) score += WEIGHTS.knownJoined;
    if (this.words.has(stripPunctuation(before)) && this.words.has(stripPunctuation(after)))
      score -= WEIGHTS.knownApart;
    if (BOUND_START.test(stripPunctuation(after))) score += WEIGHTS.boundStart;
    return score;
  }

  /**
   * Log-odds that a break at a random place falls inside a word, from how often the text
   * has a space between two characters (about one in four in Korean prose).
   */
  inWordPrior(): number {
    if (this.boundaries === 0) return 0;
    const spaceShare = Math.min(0.9, Math.max(0.05, this.spaces / this.boundaries));
    return Math.log((1 - spaceShare) / spaceShare);
  }
}

function stripPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function key(x: string | undefined, y: string | undefined): string {
  return `${unitOf(x)}\u0001${unitOf(y)}`;
}

/** `afterSpace` marks the 1+2 context, so it does not collide with the 2+1 one across a space. */
function key3(x: string | undefined, y: string | undefined, z: string | undefined, afterSpace = false): string {
  if (x === undefined || y === undefined || z === undefined) return '';
  return `${unitOf(x)}\u0001${unitOf(y)}\u0001${unitOf(z)}${afterSpace ? '\u0002' : ''}`;
}

function bump(map: Map<string, number>, k: string): void {
  if (k) map.set(k, (map.get(k) ?? 0) + 1);
}

/** Log-odds of inside vs across counts, pulled towards `prior` when the counts are small. */
function smoothedLogOdds(inside = 0, across = 0, prior: number): number {
  const weight = 2;
  const p = 1 / (1 + Math.exp(-prior));
  return Math.log((inside + weight * p) / (across + weight * (1 - p)));
}

/** Smoothed log-odds of inside vs across counts; 0 when neither was seen. */
function logOdds(inside = 0, across = 0): number {
  if (inside === 0 && across === 0) return 0;
  return Math.log((inside + 0.5) / (across + 0.5));
}

/** How a document wraps its lines: Hangul word processors break anywhere, most others at spaces. */
export type WrapMode = 'anywhere' | 'at-spaces';

/** Below this share of confident in-word breaks, a document is taken to wrap at spaces. */
const MIN_IN_WORD_SHARE = 0.15;
const CONFIDENT = 1.5;

/**
 * Joins each paragraph's lines into one string, deciding per break whether a space goes
 * there. `paragraphs` are arrays of lines; the spacing statistics come from the same lines.
 *
 * @example joinWrappedLines([['정부는 지방', '은행의 시중은행', '전환을 추진']]) // ['정부는 지방은행의 시중은행 전환을 추진'] (given enough text to learn from)
 */
export function joinWrappedLines(paragraphs: string[][], stats = statsFrom(paragraphs)): string[] {
  const mode = wrapMode(paragraphs, stats);
  return paragraphs.map((lines) => {
    let text = '';
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      if (!text) text = line;
      else text += needsSpace(text, line, stats, mode) ? ` ${line}` : line;
    }
    return text;
  });
}

/** Spacing statistics of the lines of some paragraphs, each line on its own. */
export function statsFrom(paragraphs: string[][]): SpacingStats {
  const stats = new SpacingStats();
  for (const lines of paragraphs) {
    lines.forEach((line, i) => stats.addText(line, { wrappedBefore: i > 0, wrappedAfter: i < lines.length - 1 }));
  }
  return stats;
}

function lastWord(text: string): string {
  return text.slice(text.search(/\S+$/));
}

function firstWord(text: string): string {
  return text.match(/^\S+/)?.[0] ?? text;
}

function needsSpace(before: string, after: string, stats: SpacingStats, mode: WrapMode): boolean {
  if (/\s$/.test(before)) return false;
  const last = before.at(-1)!;
  const first = after[0]!;
  // Latin text wraps at spaces; a hyphen at the end of a line joins a hyphenated word.
  if (last === '-' && /[A-Za-z]/.test(before.at(-2) ?? '') && /[a-z]/.test(first)) return false;
  // Opening brackets, quotes and the middle dot of A·B hold on to what follows; closing ones to what precedes.
  if (/[(\[{「『｢〈《“‘<·‧ㆍ]/.test(last)) return false;
  if (/[)\]}」』｣〉》”’>,.]/.test(first)) return false;
  if (!HANGUL.test(last) && !HANGUL.test(first) && !/\d/.test(last)) return true;
  if (mode === 'at-spaces') return true;
  return stats.joinScore(lastWord(before), firstWord(after)) <= 0;
}

function wrapMode(paragraphs: string[][], stats: SpacingStats): WrapMode {
  let inWord = 0;
  let confident = 0;
  for (const lines of paragraphs) {
    for (let i = 1; i < lines.length; i++) {
      const before = lines[i - 1]!.trim();
      const after = lines[i]!.trim();
      if (!HANGUL.test(before.at(-1) ?? '') || !HANGUL.test(after[0] ?? '')) continue;
      const score = stats.joinScore(lastWord(before), firstWord(after));
      if (Math.abs(score) < CONFIDENT) continue;
      confident++;
      if (score > 0) inWord++;
    }
  }
  return confident >= 5 && inWord / confident < MIN_IN_WORD_SHARE ? 'at-spaces' : 'anywhere';
}

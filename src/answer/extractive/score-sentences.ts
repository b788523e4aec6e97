/**
 * Scoring the sentences of the context against a query.
 *
 * A sentence's support is the share of the question's words it contains (its source's
 * title and section, and the sentence it refers back to, count half), each word weighted by
 * how rare it is in the context, so a rare name counts more than a word every source
 * repeats. A content word found nowhere in the context weighs as much as the rarest word:
 * asking for something no source mentions leaves the support too low to answer. A sentence
 * without a value of the asked kind (an amount for "얼마", a date for "언제") counts for less.
 */
import type { ContextSource } from '../context.js';
import type { Quantity } from '../../text/numbers.js';
import { splitSentences } from '../../ingest/sentences.js';
import { tokenize } from '../../text/tokenize.js';
import { stripParticle } from '../../text/particles.js';
import { quantitiesOf, satisfiesType } from './answer-type.js';
import { isInstruction } from './instructions.js';
import { compoundTranslations, translationSurfaces, translationsOf, type GlossaryPair } from './glossary.js';
import { englishStem } from './question-words.js';
import { synonymsOf } from './synonyms.js';
import type { Query, QueryWord } from './query.js';

/** A title or section heading says what a passage is about, less surely than its own words. */
export const TITLE_WEIGHT = 0.5;
/** Generic nouns (회사, company) name the kind of thing asked: matched, they count half as much as a topic word. */
const SOFT_FACTOR = 0.5;
/** A sentence without a value of the asked kind is rarely the answer. */
const TYPE_MISS_FACTOR = 0.6;
/** A word counts as present in the context when at least this share of its terms is (투자금: 투자 yes, 자금 no). */
const PRESENT_SHARE = 0.5;

export interface Sentence {
  source: ContextSource;
  text: string;
  /** Order within its source. */
  position: number;
  terms: Set<string>;
  /** Terms of the sentence it refers back to ("이 공장은…", "The plant…"), if any. */
  antecedent?: Set<string>;
  quantities: Quantity[];
}

/** A sentence opening like this continues the previous one's subject (이 공장은 = the plant in Saemangeum). */
const REFERS_BACK =
  /^(이|그|해당|이번|동|같은|이들|이곳|이 회사|이 기업)\s|^(It|Its|He|She|They|Their|This|These|That|Those|The (company|plant|center|centre|fund|loan|loans|SPC|firm|project|facility|investment))\b/;

/**
 * A Korean sentence with no topic or subject (no noun marked 은/는/이/가) continues the
 * previous one's: "업스테이지는 … 유니콘이다. 기업과 정부 기관을 위한 … 언어모델을 만든다."
 */
function subjectless(text: string): boolean {
  if (!/[\uac00-\ud7a3]/.test(text) || /[A-Za-z]{3,}\s[a-z]/.test(text)) return false;
  const words = text.split(/\s+/).slice(0, -1);
  const marked = (word: string) => {
    const w = word.replace(/[,.)]+$/, '');
    const stem = stripParticle(w);
    return stem !== w && /^(은|는|이|가|께서|에서는)$/.test(w.slice(stem.length));
  };
  return words.length > 0 && !words.some(marked);
}

export interface ScoredSentence extends Sentence {
  /** Support on every word of the query. */
  support: number;
  /** Holds a value of the asked kind. */
  satisfies: boolean;
  /** Coverage of each query word, in query order. */
  coverage: number[];
  /**
   * Weighted share of every question word it covers, phrasing words included: among
   * sentences of equal support, the one that also says what the verb asks ("a producer
   * of …" for "What does Housung make?") is the better answer.
   */
  breadth: number;
}

/**
 * A line a PDF broke inside a sentence ends on a particle or a comma, not on a sentence
 * ending: "…1호 펀드와 달리, 투자대상을" goes on in "①초기단계, ②…로 세분화하여 …".
 */
const RUNS_ON = /([을를이가은는의에와과로도및,]|에서|으로|에게|부터|까지|하고|하며|하여|하되|이며)$/;
/**
 * A dotted date ("2022. 1. 28.", "2022. 1.28.자") read as sentence ends: the year, or year and month, goes on
 * in the month or day of the next piece, and the whole date goes on in the rest of the
 * sentence ("2022. 1. 28. 취소심판을 청구하였다").
 */
const YEAR_OR_MONTH = /(^|[\s(~])(19|20)\d{2}\.(\s?\d{1,2}\.)?$/;
const MONTH_OR_DAY = /^\d{1,2}\.(\d{1,2}\.)?(?!\d)/;
const FULL_DATE = /(^|[\s(~])(19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.$/;
const datesOn = (sentence: string, next: string) =>
  (YEAR_OR_MONTH.test(sentence) && MONTH_OR_DAY.test(next)) || FULL_DATE.test(sentence);
/** A footnote line: "* 대주주 요건, 사업계획의 타당성 요건 …" under "…세부심사요건*에 대해 …". */
const FOOTNOTE = /^[*※]\s*/;
/** A word carrying a footnote marker (세부심사요건*, 발표*한), not a bullet or a list of stars. */
const MARKED = /[\p{L}\p{N})」』]\*{1,3}(?!\*)/u;
/** Footnotes joined to the sentence they annotate, at most this many (a list of definitions is not one). */
const MAX_FOOTNOTES = 3;

/**
 * The sentences of a passage as a reader of the PDF sees them: a sentence the layout broke
 * across lines is whole again, and a sentence with a footnote marker carries its footnotes
 * ("…모든 세부심사요건*에 대해 심사하겠습니다. (* 대주주 요건, 사업계획의 타당성 요건 …)"), which
 * is where a release lists what the sentence only names.
 */
export function pdfSentences(text: string): string[] {
  const pieces = splitSentences(text);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let sentence = pieces[i]!;
    while (
      (RUNS_ON.test(sentence) || datesOn(sentence, pieces[i + 1] ?? '')) &&
      i + 1 < pieces.length &&
      !FOOTNOTE.test(pieces[i + 1]!)
    ) {
      sentence = `${sentence} ${pieces[++i]!}`;
    }
    if (MARKED.test(sentence) && !FOOTNOTE.test(sentence)) {
      const notes: string[] = [];
      while (notes.length < MAX_FOOTNOTES && i + 1 < pieces.length && FOOTNOTE.test(pieces[i + 1]!)) {
        notes.push(pieces[++i]!);
      }
      if (notes.length > 0) sentence = `${sentence} (${notes.join(' ')})`;
    }
    out.push(sentence);
  }
  return out;
}

/** The sentences of the context that could be quoted: no duplicates, no instructions to the assistant. */
export function sentencesOf(sources: ContextSource[]): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  for (const source of sources) {
    let previous: Set<string> | undefined;
    pdfSentences(source.text).forEach((text, position) => {
      const key = text.replace(/\s+/g, ' ').trim();
      const terms = new Set(tokenize(text));
      const bare = key.replace(/^[-•·*]\s*/, '');
      const antecedent = REFERS_BACK.test(bare) || subjectless(bare) ? previous : undefined;
      previous = terms;
      // A question the source asks (a Q&A heading: "…발표한 이유는?") states nothing to quote.
      if (seen.has(key) || terms.size < 2 || isInstruction(text) || /[?？]\s*$/.test(key)) return;
      seen.add(key);
      out.push({
        source,
        text: key,
        position,
        terms,
        ...(antecedent ? { antecedent } : {}),
        quantities: quantitiesOf(text),
      });
    });
  }
  return out;
}

export interface WordModel {
  /** Alternative spellings (the word, its translations), each as the terms that occur in the context. */
  variants: string[][];
  /** For verbs: per sentence, whether it contains one of the verb's stems (its own, its synonyms'). */
  stemHits?: boolean[];
  weight: number;
  /** All terms or nothing: 1호 is not half of 2호. */
  identifier?: boolean;
}

export interface Scores {
  sentences: ScoredSentence[];
  /** Weight of each query word: what covering it is worth. */
  weights: number[];
  /** How each query word is looked for. */
  models: WordModel[];
}

/**
 * An English question over Korean-only sources (or the reverse) whose topic words the
 * glossaries mostly bridge: a word left unbridged ("governs", "skip") is more likely a gap in
 * the offline lexicon than a sign the sources are about something else, so it weighs half an
 * ordinary bridged word rather than as the rarest. Names are not concerned: a name no
 * source mentions is refused before scoring (absent-names.ts).
 */
function trustBridgedQuestion(query: Query, models: WordModel[], sentences: Sentence[]): void {
  const latin = (text: string) => /^[A-Za-z]/.test(text);
  const topic = query.words.flatMap((w, i) =>
    w.kind === 'content' && w.required && !w.carried && w.factor > 0 ? [i] : [],
  );
  if (topic.length === 0) return;
  const questionLatin = topic.every((i) => latin(query.words[i]!.text));
  const questionHangul = topic.every((i) => !latin(query.words[i]!.text));
  // Only when no sentence of the context is in the question's script: then nothing can be found as written.
  const inScript = sentences.some((s) =>
    (questionLatin ? /[A-Za-z]{3,}\s[a-z]{3,}/ : /[\uac00-\ud7a3]{2,}/).test(s.text),
  );
  if ((!questionLatin && !questionHangul) || inScript) return;
  const bridged = topic.filter((i) => models[i]!.variants.length > 0);
  if (bridged.length < BRIDGED_SHARE * topic.length) return;
  const mean = bridged.reduce((sum, i) => sum + models[i]!.weight, 0) / bridged.length;
  for (const i of topic) {
    if (models[i]!.variants.length === 0) models[i]!.weight = Math.min(models[i]!.weight, GAP_WEIGHT * mean);
  }
}

/** Share of a cross-language question's topic words the glossaries must bridge before the rest are trusted as gaps. */
const BRIDGED_SHARE = 2 / 3;
/** A trusted gap weighs half an ordinary bridged word: it still counts, as a word the answer does not show. */
const GAP_WEIGHT = 0.5;

/** Does the text contain a word starting with the stem (짓 in 짓고, buil in built, 지원 in 지원한다)? */
export function hasStem(text: string, stem: string): boolean {
  const lower = text.toLowerCase();
  if (/^[a-z]/.test(stem)) return new RegExp(`\\b${stem}`).test(lower);
  // Korean words start after a space or punctuation; a stem inside a word (치 in 가치) is another word.
  // A one-syllable stem is a verb only when an ending follows it (내야, 내는), not a noun's
  // next syllable (내용, 내년).
  const after = /^[\uac00-\ud7a3]$/.test(stem) ? `(?=${VERB_TAIL.source}|$|[\\s,.)])` : '';
  return new RegExp(`(^|[\\s(,“"'‘])${stem}${after}`).test(lower);
}

/** Syllables that open a verb's ending after a one-syllable stem. */
const VERB_TAIL = /[다요며면고지게기도록는은을서어아여야니까네죠던든겠시세]/;

/** Words that only help: matched, they add support; missing, they cost nothing. */
export const isBonus = (w: QueryWord) => !w.required;

/**
 * Support on the words `include` accepts (all by default): their weighted coverage over
 * their total weight, bonus words joining the total only as far as they are matched, so
 * they can raise support but never lower it; lowered when no asked kind of value is stated.
 */
export function supportOn(
  s: Pick<ScoredSentence, 'coverage' | 'satisfies'>,
  weights: number[],
  query: Query,
  include: (i: number) => boolean = () => true,
): number {
  let matched = 0;
  let total = 0;
  let required = 0;
  weights.forEach((w, i) => {
    if (!include(i)) return;
    const bonus = isBonus(query.words[i]!);
    matched += w * s.coverage[i]!;
    total += bonus ? w * s.coverage[i]! : w;
    if (!bonus) required += w;
  });
  const support = required > 0 ? matched / total : 0;
  return s.satisfies ? support : support * TYPE_MISS_FACTOR;
}

/** Scores every sentence of the context against the query. */
export function scoreSentences(
  query: Query,
  sentences: Sentence[],
  sources: ContextSource[],
  glossary: GlossaryPair[],
): Scores {
  const n = Math.max(1, sentences.length);
  const titleTerms = new Map(sources.map((s) => [s.n, new Set(tokenize(`${s.title} ${s.section ?? ''}`))]));
  // Topic of a passage: its own terms and its title's, for words carried from earlier turns.
  const passageTerms = new Map(sources.map((s) => [s.n, new Set(titleTerms.get(s.n))]));
  // A term in a sentence counts once; one only in the title above it, half (as it scores).
  const df = new Map<string, number>();
  for (const s of sentences) {
    const title = titleTerms.get(s.source.n)!;
    for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of title) if (!s.terms.has(t)) df.set(t, (df.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of s.terms) passageTerms.get(s.source.n)!.add(t);
  }
  const idf = (count: number) => Math.log(1 + n / count);
  const rarest = idf(0.5);

  const models: WordModel[] = query.words.map((w) => {
    const soft = w.kind !== 'content';
    if (w.kind === 'verb' && w.stem) {
      const own = tokenize(w.text);
      const stems = [
        w.stem,
        ...synonymsOf(own).map((terms) => terms.join(' ')),
        ...translationSurfaces(own, glossary, w.stem).map((surface) => englishStem(surface)),
      ];
      const stemHits = sentences.map((s) => stems.some((stem) => hasStem(s.text, stem)));
      const count = stemHits.filter(Boolean).length;
      // A matched verb weighs like a topic word: "when … completed" asks about completion, not approval.
      return { variants: [], stemHits, weight: count > 0 ? idf(count) * w.factor : 0 };
    }
    const translations = translationsOf(w.terms, glossary);
    const spellings = [w.terms, ...translations, ...compoundTranslations(w.text, glossary), ...synonymsOf(w.terms)];
    // 대출금, 투자액: a compound of a known word and 금/액 (money, amount) means the word's thing.
    const head = /^[\uac00-\ud7a3]{2,}[금액]$/.test(w.text) ? tokenize(w.text.slice(0, -1)) : [];
    if (head.length > 0) spellings.push(...translationsOf(head, glossary), ...synonymsOf(head));
    // A translation of a longer phrase the word lies within (소비자 in 금융소비자 = financial
    // consumer) helps find it, but its rarity is the phrase's, not the word's.
    const exact = new Set([w.terms, ...translationsOf(w.terms, glossary, true)].map((t) => t.join(' ')));
    const looseAt = new Set(
      spellings.flatMap((terms, i) => (i > 0 && i <= translations.length && !exact.has(terms.join(' ')) ? [i] : [])),
    );
    const present = spellings.map((terms) => terms.filter((t) => df.has(t)));
    // …and it counts only where the context writes the whole phrase: half of "growth stage" is
    // not 단계.
    const kept = present.flatMap((terms, i) =>
      terms.length > 0 && terms.length >= (looseAt.has(i) ? 1 : PRESENT_SHARE) * spellings[i]!.length ? [i] : [],
    );
    const variants = kept.map((i) => present[i]!);
    const weighing = kept.filter((i) => !looseAt.has(i)).map((i) => present[i]!);
    if (variants.length === 0) {
      // An absent topic word counts against every sentence; carried and bonus words only ever help.
      return { variants, weight: w.carried || !w.required ? 0 : rarest * w.factor };
    }
    const mean = (terms: string[]) => terms.reduce((sum, t) => sum + idf(df.get(t)!), 0) / terms.length;
    // A numbered thing is as specific as its rarest term (호 or 차 with the number), not their mean.
    const specificity = (terms: string[]) =>
      w.identifier ? Math.max(...terms.map((t) => idf(df.get(t)!))) : mean(terms);
    return {
      variants,
      weight:
        w.factor * (soft ? SOFT_FACTOR : 1) * Math.max(...(weighing.length > 0 ? weighing : variants).map(specificity)),
      identifier: w.identifier,
    };
  });
  trustBridgedQuestion(query, models, sentences);
  const weights = models.map((m) => m.weight);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;

  const scored = sentences.map((sentence, j) => {
    const title = titleTerms.get(sentence.source.n)!;
    const passage = passageTerms.get(sentence.source.n)!;
    const coverage = models.map(({ variants, stemHits, identifier }, i) => {
      if (stemHits) return stemHits[j] ? 1 : 0;
      if (identifier) {
        const within = (terms: Set<string> | undefined) => variants.some((v) => v.every((t) => terms?.has(t)));
        return within(sentence.terms) ? 1 : within(title) || within(sentence.antecedent) ? TITLE_WEIGHT : 0;
      }
      // A carried word names the topic of the conversation: a sentence of a passage on it half qualifies.
      const carried = query.words[i]!.carried;
      let best = 0;
      for (const terms of variants) {
        let covered = 0;
        let count = 0;
        let all = 0;
        for (const t of terms) {
          const w = idf(df.get(t)!);
          all += w;
          if (sentence.terms.has(t)) {
            covered += w;
            count++;
          } else if (title.has(t) || sentence.antecedent?.has(t) || (carried && passage.has(t))) {
            covered += TITLE_WEIGHT * w;
            count += TITLE_WEIGHT;
          }
        }
        // The share of the word's terms found, by weight or by count: 대출 covers 대출금 by half,
        // even though its rare second term 출금 weighs more.
        best = Math.max(best, covered / all, count / terms.length);
      }
      return best;
    });
    // A value the user gave is not the answer ("Out of the 15,000 chips, how many are GPUs?").
    const own = sentence.quantities.filter(
      (q) => !query.given.some((g) => g.kind === q.kind && g.unit === q.unit && g.value === q.value),
    );
    const satisfies = query.types.some((type) =>
      satisfiesType(type, sentence.text, own, query.currency, query.countUnit),
    );
    const support = supportOn({ coverage, satisfies }, weights, query);
    const breadth = weights.reduce((sum, w, i) => sum + w * coverage[i]!, 0) / totalWeight;
    return { ...sentence, support, satisfies, coverage, breadth };
  });
  return { sentences: scored, weights, models };
}

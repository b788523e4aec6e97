/**
 * Term support and proximity: how well each sentence of the context covers the question.
 *
 * - **Support** is the weighted share of the question's words a sentence contains, each
 *   word found in any spelling the bridges know (its analyzer terms; glossary translations,
 *   the domain lexicon, sound-alike names and romanization; synonyms; a verb by its stem) and
 *   weighted by how rare it is in the context, so a rare name counts more than a word every
 *   source repeats. Its title and section, and the sentence it refers back to, count half.
 *   A content word found nowhere in the context weighs as much as the rarest word: asking
 *   for something no source mentions leaves the support too low (the class: answering a
 *   question about something else). Verbs, generic nouns and the user's figures only help.
 * - **Proximity** is how close together the question's words stand in the sentence: a long
 *   sentence (an OCR'd page runs on without sentence ends) that names them far apart, in
 *   unrelated parts, ranks below one that names them together.
 */
import type { ContextSource } from '../context.js';
import { quantityTerms, tokenize } from '../../text/tokenize.js';
import { verbStem } from '../../text/english-stem.js';
import { satisfiesType } from './answer-type.js';
import { spellingsOf, synonymPhrases, synonymsOf, translationSurfaces, type GlossaryPair } from './glossary.js';
import type { Query, QueryWord } from './query.js';
import type { Sentence } from './sentences.js';

/** A title, a section heading or the sentence referred back to says what a sentence is about, less surely than its own words. */
export const TITLE_WEIGHT = 0.5;
/** Generic nouns (회사, company) name the kind of thing asked: matched, they count half as much as a topic word. */
const SOFT_FACTOR = 0.5;
/** A word counts as present in the context when at least this share of its terms is (투자금: 투자 yes, 자금 no). */
const PRESENT_SHARE = 0.5;
/** Share of a cross-language question's topic words the bridges must reach before the rest are trusted as gaps. */
const BRIDGED_SHARE = 2 / 3;
/** A trusted gap weighs half an ordinary bridged word. */
const GAP_WEIGHT = 0.5;
/** Matched words within this many terms of each other stand together; farther apart, proximity falls. */
const NEAR_TERMS = 24;

export interface WordModel {
  /** Spellings found in the context, each as the terms that occur in it. */
  variants: string[][];
  /** For verbs: per sentence, whether it contains one of the verb's stems (its own, its synonyms', its translations'). */
  stemHits?: boolean[];
  weight: number;
}

export interface ScoredSentence extends Sentence {
  /** Weighted share of the required words covered (bonus words add, never subtract). */
  support: number;
  /** States a value of an asked kind. */
  satisfies: boolean;
  /** For a question asking names: those it gives (entities.ts). */
  names: string[];
  /** For a question asking names of a kind: it mentions the kind (not referring back to one named before). */
  mentionsKind: boolean;
  /** Coverage of each query word, in query order: 1 in the sentence, TITLE_WEIGHT in its title or antecedent. */
  coverage: number[];
  /** Weighted share of every question word it covers, phrasing words included: among equals, the one saying what the verb asks. */
  breadth: number;
  /** 1 when the words it covers stand together, falling as they spread (see the module comment). */
  proximity: number;
}

export interface NamesGiven {
  names: string[];
  mentionsKind: boolean;
}

export interface Scores {
  sentences: ScoredSentence[];
  weights: number[];
  models: WordModel[];
}

export const isBonus = (w: QueryWord) => !w.required;

/**
 * Support on the words `include` accepts (all by default): their weighted coverage over
 * their total weight, bonus words joining the total only as far as they are matched.
 */
export function supportOn(
  coverage: number[],
  weights: number[],
  query: Query,
  include: (i: number) => boolean = () => true,
) {
  let matched = 0;
  let total = 0;
  let required = 0;
  weights.forEach((w, i) => {
    if (!include(i)) return;
    const bonus = isBonus(query.words[i]!);
    matched += w * coverage[i]!;
    total += bonus ? w * coverage[i]! : w;
    if (!bonus) required += w;
  });
  return required > 0 ? matched / total : 0;
}

/** Does the text contain a word starting with the stem (짓 in 짓고, buil in built)? */
export function hasStem(text: string, stem: string): boolean {
  const lower = text.toLowerCase();
  if (/^[a-z]/.test(stem)) return new RegExp(`\\b${stem}`).test(lower);
  // Korean words start after a space or punctuation; a one-syllable stem is a verb only when an
  // ending follows it (내야, 내는), not a noun's next syllable (내용, 내년).
  const after = stem.length === 1 ? '(?=[다요며면고지게기도록는은을서어아여야니까네죠던든겠시세]|$|[\\s,.)])' : '';
  return new RegExp(`(^|[\\s(,“"'‘])${stem}${after}`).test(lower);
}

/**
 * An English question over Korean-only sources (or the reverse) whose topic words the bridges
 * mostly reach: a word left unbridged ("governs") is more likely a gap in the offline lexicon
 * than a sign the sources are about something else, so it weighs half a bridged word.
 */
function trustBridgedQuestion(query: Query, models: WordModel[], sentences: Sentence[]): void {
  const topic = query.words.flatMap((w, i) =>
    w.kind === 'content' && w.required && !w.carried && w.factor > 0 ? [i] : [],
  );
  const latin = topic.map((i) => /^[A-Za-z]/.test(query.words[i]!.text));
  if (topic.length === 0 || (!latin.every(Boolean) && latin.some(Boolean))) return;
  const script = latin[0] ? /[A-Za-z]{3,}\s[a-z]{3,}/ : /[\uac00-\ud7a3]{2,}/;
  if (sentences.some((s) => script.test(s.text))) return;
  const bridged = topic.filter((i) => models[i]!.variants.length > 0);
  if (bridged.length < BRIDGED_SHARE * topic.length) return;
  const mean = bridged.reduce((sum, i) => sum + models[i]!.weight, 0) / bridged.length;
  for (const i of topic)
    if (models[i]!.variants.length === 0) models[i]!.weight = Math.min(models[i]!.weight, GAP_WEIGHT * mean);
}

/** How close together the sentence's own matches of the words stand (1: within NEAR_TERMS terms). */
function proximityOf(s: Sentence, matched: string[][]): number {
  const lists = matched.map((terms) => s.termList.flatMap((t, at) => (terms.includes(t) ? [at] : [])));
  if (lists.length < 2 || lists.some((l) => l.length === 0)) return 1;
  // The narrowest window holding one match of every word: walk the merged positions.
  const events = lists.flatMap((l, word) => l.map((at) => ({ at, word }))).sort((a, b) => a.at - b.at);
  const last = new Map<number, number>();
  let span = Infinity;
  for (const { at, word } of events) {
    last.set(word, at);
    if (last.size === lists.length) span = Math.min(span, at - Math.min(...last.values()));
  }
  return Math.min(1, NEAR_TERMS / Math.max(1, span));
}

/** Scores every sentence against the query; `namesIn` gives the names a sentence answers with (entities.ts). */
export function scoreSentences(
  query: Query,
  sentences: Sentence[],
  sources: ContextSource[],
  glossary: GlossaryPair[],
  namesIn: (s: Sentence) => NamesGiven = () => ({ names: [], mentionsKind: false }),
): Scores {
  const n = Math.max(1, sentences.length);
  const titles = new Map(sources.map((s) => [s.n, new Set(tokenize(`${s.title} ${s.section ?? ''}`))]));
  // A passage's topic: its terms and its title's, for words carried from earlier turns.
  const passages = new Map(sources.map((s) => [s.n, new Set(titles.get(s.n))]));
  const df = new Map<string, number>();
  for (const s of sentences) {
    for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of titles.get(s.source.n)!) if (!s.terms.has(t)) df.set(t, (df.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of s.terms) passages.get(s.source.n)!.add(t);
  }
  const idf = (count: number) => Math.log(1 + n / count);
  const rarest = idf(0.5);

  const models: WordModel[] = query.words.map((w) => {
    if (w.kind === 'verb' && w.stem) {
      const own = tokenize(w.text);
      const stems = [w.stem, ...synonymPhrases(own), ...translationSurfaces(own, glossary, w.stem)].map((x) =>
        verbStem(x.toLowerCase()),
      );
      const stemHits = sentences.map((s) => stems.some((stem) => hasStem(s.text, stem)));
      const count = stemHits.filter(Boolean).length;
      // A matched verb weighs like a topic word: "when … completed" asks about completion, not approval.
      return { variants: [], stemHits, weight: count > 0 ? idf(count) * w.factor : 0 };
    }
    // 대출금, 투자액: a compound of a word and 금/액 (money, amount) means the word's money.
    const head = /^[\uac00-\ud7a3]{2,}[금액]$/.test(w.text) ? tokenize(w.text.slice(0, -1)) : [];
    const exact = new Set([w.terms, ...spellingsOf(w.text, w.terms, glossary, true)].map((t) => t.join(' ')));
    const spellings = [
      w.terms,
      ...spellingsOf(w.text, w.terms, glossary),
      ...(head.length ? spellingsOf('', head, glossary) : []),
    ];
    // A translation of a longer phrase the word lies within (소비자 in 금융소비자) finds it, but
    // weighs as the word, and counts only where the context writes enough of the phrase.
    const synonyms = new Set(synonymsOf(w.terms).map((t) => t.join(' ')));
    const loose = (terms: string[]) =>
      !exact.has(terms.join(' ')) && !synonyms.has(terms.join(' ')) && terms.length > w.terms.length;
    const present = spellings.map((terms) => terms.filter((t) => df.has(t)));
    const kept = present.flatMap((terms, i) =>
      terms.length > 0 && terms.length >= (loose(spellings[i]!) ? 1 : PRESENT_SHARE) * spellings[i]!.length ? [i] : [],
    );
    const variants = kept.map((i) => present[i]!);
    // An absent topic word counts against every sentence; carried and bonus words only ever help.
    if (variants.length === 0) return { variants, weight: w.carried || !w.required ? 0 : rarest * w.factor };
    // A numbered thing is as specific as its rarest term (호 or 차 with the number), not their mean.
    const specificity = (terms: string[]) =>
      w.identifier
        ? Math.max(...terms.map((t) => idf(df.get(t)!)))
        : terms.reduce((sum, t) => sum + idf(df.get(t)!), 0) / terms.length;
    const weighing = kept.filter((i) => !loose(spellings[i]!)).map((i) => present[i]!);
    const soft = w.kind !== 'content' ? SOFT_FACTOR : 1;
    return {
      variants,
      weight: w.factor * soft * Math.max(...(weighing.length ? weighing : variants).map(specificity)),
    };
  });
  trustBridgedQuestion(query, models, sentences);
  const weights = models.map((m) => m.weight);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;

  const scored = sentences.map((sentence, j): ScoredSentence => {
    const title = titles.get(sentence.source.n)!;
    const passage = passages.get(sentence.source.n)!;
    const own: string[][] = [];
    const coverage = models.map(({ variants, stemHits }, i) => {
      if (stemHits) return stemHits[j] ? 1 : 0;
      const w = query.words[i]!;
      const within = (terms: Set<string> | undefined, v: string[]) => v.every((t) => terms?.has(t));
      if (w.identifier) {
        // All terms or nothing: 1호 is not half of 2호.
        if (variants.some((v) => within(sentence.terms, v))) return 1;
        return variants.some((v) => within(title, v) || within(sentence.antecedent, v)) ? TITLE_WEIGHT : 0;
      }
      let best = 0;
      const found: string[] = [];
      for (const terms of variants) {
        let covered = 0;
        let count = 0;
        let all = 0;
        for (const t of terms) {
          const weight = idf(df.get(t)!);
          all += weight;
          if (sentence.terms.has(t)) {
            covered += weight;
            count++;
          } else if (title.has(t) || sentence.antecedent?.has(t) || (w.carried && passage.has(t))) {
            covered += TITLE_WEIGHT * weight;
            count += TITLE_WEIGHT;
          }
        }
        // The share of the word's terms found, by weight or by count: 대출 covers 대출금 by half.
        best = Math.max(best, covered / all, count / terms.length);
        found.push(...terms.filter((t) => sentence.terms.has(t)));
      }
      if (found.length > 0 && w.required && weights[i]! > 0) own.push(found);
      return best;
    });
    // A value the user gave is not the answer ("Out of the 15,000 chips, how many are GPUs?").
    const values = sentence.quantities.filter(
      (q) => !query.given.some((g) => g.kind === q.kind && g.unit === q.unit && g.value === q.value),
    );
    const { names, mentionsKind } = query.types.includes('name')
      ? namesIn(sentence)
      : { names: [], mentionsKind: false };
    const satisfies = query.types.some((type) =>
      type === 'name' ? names.length > 0 : satisfiesType(type, sentence.text, values, query),
    );
    const breadth = weights.reduce((sum, w, i) => sum + w * coverage[i]!, 0) / totalWeight;
    const support = supportOn(coverage, weights, query);
    // The asked value stands among the words it answers for: its terms join the proximity.
    const asked = values.filter((q) => query.types.some((t) => t !== 'name' && satisfiesType(t, q.text, [q], query)));
    const answer = [...asked.flatMap((q) => quantityTerms(q)), ...names.flatMap((n) => tokenize(n))];
    if (answer.length > 0) own.push(answer);
    return {
      ...sentence,
      support,
      satisfies,
      names,
      mentionsKind,
      coverage,
      breadth,
      proximity: proximityOf(sentence, own),
    };
  });
  return { sentences: scored, weights, models };
}

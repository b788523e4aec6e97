/**
 * The question as the offline answerer searches for it: its words (text/question-words.ts)
 * and those of the turns it follows up on, what each is worth, the kinds of value it asks
 * (answer-type.ts) and its structure (text/question-structure.ts).
 */
import type { ChatMessage } from '../../types.js';
import type { Quantity } from '../../text/numbers.js';
import { readQuestion, type QuestionReading, type QuestionWord } from '../../text/question-words.js';
import { structureOf, type QuestionStructure } from '../../text/question-structure.js';
import { withoutInstructions } from '../../text/instructions.js';
import { looksLikeFollowUp } from '../follow-up.js';
import {
  answerTypesOf,
  asksPurpose,
  askedCountUnit,
  askedCurrency,
  quantitiesOf,
  type AnswerType,
  type TypeAsked,
} from './answer-type.js';
import { isDomainNoun } from './glossary.js';
import { ENGLISH_INTERROGATIVES, KOREAN_INTERROGATIVES } from '../../text/data/question-phrasing.js';

/** Words carried from earlier turns help pick sentences but never outweigh the new question's. */
const CARRIED_WEIGHT = 0.5;
/** How many earlier user turns a follow-up may lean on. */
const CARRY_TURNS = 2;
/** A comparison asked (compare, versus, 비교, 차이): the figures of each side are quoted. */
const COMPARE = /\bcompar|\bversus\b|\bvs\b|\bdifference\b|비교|차이/i;
/**
 * A yes/no question checking something ("10조 원 맞지?", "완공이 2027년인가요?", "Does IBK put
 * 1 trillion won in?"): the source's figure answers it, even when it is the user's. A question
 * word makes it an open question whatever its ending ("…있는 학교들인가요?" after "어느 지역").
 */
const CONFIRMS =
  /(맞나요|맞죠|맞지|맞아요|맞아|맞습니까|맞는지|인가요|인가|이죠|이지요|이야|죠|니)\s*[?？]*$|^(is|are|was|were|does|do|did|will|has|have|had|can|could|should|would)\b/i;
const ASKS_WH = new RegExp(`${KOREAN_INTERROGATIVES.join('|')}|\\b(${ENGLISH_INTERROGATIVES.join('|')})\\b`, 'i');
/**
 * "각각", "얼마씩", "each", "compare", "the three sources": several values are asked ("모두 얼마",
 * "all" ask one total).
 */
const LIST_CUES =
  /각각|각자|얼마씩|별로|별 |(두|세|네|다섯) ?(건|곳|가지|개|군데)|정리|비교|구성|나눠|\beach\b|\bboth\b|\bcompare|\bbreakdown|\blist\b|\brespectively\b|\b(two|three|four|five) [a-z]+s\b|\band\b.*\band\b/i;

export interface QueryWord extends QuestionWord {
  /** 1 for the question's own words, CARRIED_WEIGHT for words from earlier turns, 0 for excluded ones. */
  factor: number;
  carried: boolean;
  /** A supporting sentence must contain it (a topic word); other words only help when matched. */
  required: boolean;
}

export interface Query extends TypeAsked {
  /** The question as read, before carried words and weights: what the names checks look at. */
  reading: QuestionReading;
  words: QueryWord[];
  /** The main kind of answer asked for. */
  type: AnswerType;
  /** Every kind asked ("자본금과 완공 목표": money and date); a sentence stating any of them qualifies. */
  types: AnswerType[];
  /** A yes/no question checking something: the sentence that checks it answers. */
  confirms: boolean;
  wantsList: boolean;
  /** "Compare A with B": with no measure named, the figures the sources give are compared. */
  compares: boolean;
  /** The question's structure; its word indexes point into `words`. */
  structure: QuestionStructure;
  /** Values the question gives and does not ask to confirm ("Out of the 15,000 chips, how many are GPUs?"). */
  given: Quantity[];
}

/**
 * Builds the query of a question, carrying the topic of earlier turns into a follow-up.
 * A question left without topic words ("apart from Upstage, what else was approved?") asks
 * about its verbs and figures: they become required. A superlative compares the things the
 * question names ("which loan is the largest"): the kind after "which" is its topic there.
 */
export function buildQuery(question: string, history: ChatMessage[] = []): Query {
  const reading = readQuestion(question, { isKnownNoun: isDomainNoun });
  const structure = structureOf(reading);
  const asked = withoutInstructions(question);
  // "Apart from Upstage, what else…" asks for the other things: names the question does not hold.
  let types = answerTypesOf(asked, structure.namedKind.length > 0);
  if (structure.excluded.length > 0 && types[0] === 'other') types = ['name'];
  const excluded = new Set(structure.excluded);
  const namedKind = new Set(structure.namedKind);
  // "어디에 쓰나요", "used for": the use is what is asked, so its verb is required.
  const purpose = asksPurpose(asked);
  const words: QueryWord[] = reading.words.map((w, i) => ({
    ...w,
    factor: excluded.has(i) ? 0 : 1,
    carried: false,
    // "Which private investors…": a sentence must be about them before it can name them.
    required: w.kind === 'content' || (namedKind.has(i) && w.kind === 'generic') || (purpose && w.kind === 'verb'),
  }));
  if (!words.some((w) => w.required && w.factor > 0)) {
    for (const w of words) if (w.factor > 0 && (w.kind === 'verb' || w.kind === 'figure')) w.required = true;
  }
  if (history.length > 0 && looksLikeFollowUp(question)) {
    const previous = history
      .filter((m) => m.role === 'user')
      .slice(-CARRY_TURNS)
      .reverse();
    const hasOwnTopic = words.some((w) => w.required && w.factor > 0 && w.kind === 'content');
    const seen = new Set(words.flatMap((w) => w.terms));
    for (const turn of previous) {
      for (const w of readQuestion(turn.content, { isKnownNoun: isDomainNoun }).words) {
        // Names and the kind asked about ("What loans…" → "which of them") are the topic carried.
        if ((w.kind !== 'content' && w.kind !== 'generic') || w.terms.every((t) => seen.has(t))) continue;
        for (const t of w.terms) seen.add(t);
        words.push({ ...w, factor: hasOwnTopic ? CARRIED_WEIGHT : 1, carried: true, required: w.kind === 'content' });
      }
      // "What about Estigen Bio?" asks what the last question asked; "What does it make?" asks its own.
      if (types[0] === 'other' && !words.some((w) => w.kind === 'verb' && !w.carried))
        types = answerTypesOf(turn.content);
    }
  }
  if (structure.extremes.length > 0) {
    words.forEach((w, i) => {
      if (w.kind === 'generic' && w.factor > 0 && !namedKind.has(i))
        Object.assign(w, { kind: 'content', required: true });
    });
  }
  const confirms = CONFIRMS.test(question.trim()) && !ASKS_WH.test(question);
  const currency = askedCurrency(question);
  const countUnit = askedCountUnit(question);
  return {
    reading,
    words,
    type: types[0]!,
    types,
    ...(currency ? { currency } : {}),
    ...(countUnit ? { countUnit } : {}),
    confirms,
    wantsList: LIST_CUES.test(question) || (structure.excluded.length > 0 && types[0] === 'other'),
    compares: COMPARE.test(question),
    structure,
    given: confirms ? [] : quantitiesOf(asked),
  };
}

/**
 * The question as the offline answerer searches for it: its words (and those of the turns
 * it follows up on), the kinds of answer it wants, and its structure (several entities,
 * an exclusion, a superlative, a kind of name asked for).
 */
import type { ChatMessage } from '../../types.js';
import { readQuestion, type QuestionReading, type QuestionWord } from './question-words.js';
import { shapeOf, type QuestionShape } from './question-shape.js';
import {
  answerTypesOf,
  askedCountUnit,
  askedCurrency,
  asksPurpose,
  isSpecificType,
  quantitiesOf,
  type AnswerType,
} from './answer-type.js';
import type { Quantity } from '../../text/numbers.js';
import { withoutInstructions } from './instructions.js';
import { looksLikeFollowUp } from '../follow-up.js';

/** Words carried from earlier turns help pick sentences but never outweigh the new question's. */
const CARRIED_WEIGHT = 0.5;
const COMPARE = /\bcompar|\bversus\b|\bvs\b|\bdifference\b|비교|차이/i;
/**
 * A yes/no question checking a figure ("10조 원 맞지?", "완공이 2027년인가요?", "Does IBK put 1
 * trillion won in?"): the source's figure answers it, even when it is the user's.
 */
const CONFIRMS =
  /(맞나요|맞죠|맞지|맞아요|맞아|맞습니까|맞는지|인가요|인가|이죠|이지요|이야|죠|니)\s*[?？]*$|^(is|are|was|were|does|do|did|will|has|have|had|can|could|should|would)\b/i;
/** Question words: a question holding one asks for something, whatever its ending. */
const ASKS_WH = /어느|어디|무엇|뭐|누구|누가|몇|언제|얼마|어떤|무슨|\b(what|which|who|whom|where|when|how)\b/i;
/** How many earlier user turns a follow-up may lean on. */
const CARRY_TURNS = 2;
/**
 * "각각", "얼마씩", "each", "compare": the question wants several values. ("모두", "all" are
 * not cues: "모두 얼마", "the combined value of all projects" ask for one total.)
 */
const LIST_CUES =
  /각각|각자|얼마씩|별로|별 |세 ?건|두 ?건|세 ?곳|정리|비교|구성|나눠|어디서|\beach\b|\bboth\b|\bcompare|\bbreakdown|\blist\b|\bsources of\b|\brespectively\b|\band\b.*\band\b/i;

export interface QueryWord extends QuestionWord {
  /** 1 for the question's own words, CARRIED_WEIGHT for words from earlier turns, 0 for excluded ones. */
  factor: number;
  carried: boolean;
  /** A supporting sentence must contain it (a topic word); other words only help when matched. */
  required: boolean;
}

export interface Query {
  /** The question as read, before carried words and weights: what the names checks look at. */
  reading: QuestionReading;
  words: QueryWord[];
  /** The main kind of answer asked for. */
  type: AnswerType;
  /** Every kind asked for ("자본금과 완공 목표": money and date); a sentence stating any of them qualifies. */
  types: AnswerType[];
  currency?: 'USD' | 'KRW';
  /** The unit of the count asked ("몇 명": person), when the question names one. */
  countUnit?: string;
  /** A yes/no question checking something ("…인가요?", "Is …"): the sentence that checks it answers. */
  confirms: boolean;
  wantsList: boolean;
  /** "Compare A with B", "A와 B를 비교": with no measure named, the figures the sources give are compared. */
  compares: boolean;
  /** The question's structure; its word indexes point into `words`. */
  shape: QuestionShape;
  /**
   * Values the question itself gives and does not ask to confirm ("Out of the 15,000 chips,
   * how many are GPUs?"): a sentence restating them does not state what is asked.
   */
  given: Quantity[];
}

/**
 * Builds the query of a question, carrying the topic of earlier turns into a follow-up.
 *
 * A question left without topic words (its only noun is excluded: "apart from Upstage,
 * what else was approved?") asks about its verbs and figures: they become required.
 * Superlatives compare the things the question names ("which loan is the largest"), so
 * the noun after "which" is the topic there, not just the kind of answer.
 */
export function buildQuery(question: string, history: ChatMessage[] = []): Query {
  const reading = readQuestion(question);
  const shape = shapeOf(reading);
  let types = answerTypesOf(withoutInstructions(question));
  const excluded = new Set(shape.excluded);
  const namedKind = new Set(shape.namedKind);
  // "어디에 쓰나요", "used for": the use is what is asked, so its verb is required.
  const purpose = asksPurpose(question);
  const words: QueryWord[] = reading.words.map((w, i) => {
    // "Which private investors…": a sentence must be about them before it can name them.
    const required =
      w.kind === 'content' || (namedKind.has(i) && w.kind === 'generic') || (purpose && w.kind === 'verb');
    return { ...w, factor: excluded.has(i) ? 0 : 1, carried: false, required };
  });
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
      for (const w of readQuestion(turn.content).words) {
        // Names and the kind asked about ("What loans…" → "which of them") are the topic carried.
        if ((w.kind !== 'content' && w.kind !== 'generic') || w.terms.every((t) => seen.has(t))) continue;
        for (const t of w.terms) seen.add(t);
        const required = w.kind === 'content';
        words.push({ ...w, factor: hasOwnTopic ? CARRIED_WEIGHT : 1, carried: true, required });
      }
      // "What about Estigen Bio?" asks what the last question asked; "What does it make?" asks its own.
      if (types[0] === 'other' && !words.some((w) => w.kind === 'verb' && !w.carried)) {
        types = answerTypesOf(turn.content);
      }
    }
  }
  if (shape.extremes.length > 0) {
    // A superlative compares the things named ("which loan is the largest"): the noun after
    // "which" is its topic, not only the kind of answer.
    // …but the kind of name asked ("which company gets the biggest loan") is the answer, not the topic.
    words.forEach((w, i) => {
      if (w.kind === 'generic' && w.factor > 0 && !namedKind.has(i))
        Object.assign(w, { kind: 'content', required: true });
    });
  }
  const currency = askedCurrency(question);
  const countUnit = askedCountUnit(question);
  // "…있는 학교들인가요?" after "어느 지역" asks where, not whether.
  const confirms = CONFIRMS.test(question.trim()) && !ASKS_WH.test(question);
  const given = confirms ? [] : quantitiesOf(withoutInstructions(question));
  // A specific attribute (a rate, a share price) is the whole question: an amount elsewhere does not answer it.
  if (isSpecificType(types[0]!)) types = [types[0]!];
  return {
    reading,
    words,
    type: types[0]!,
    types,
    ...(currency ? { currency } : {}),
    ...(countUnit ? { countUnit } : {}),
    confirms,
    wantsList: LIST_CUES.test(question) || (shape.excluded.length > 0 && types[0] === 'other'),
    compares: COMPARE.test(question),
    shape,
    given,
  };
}

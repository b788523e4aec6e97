/**
 * The words of questions, one home for both readers of a question:
 * - retrieval drops the words that make a sentence a question or a request (`questionContent`,
 *   used by the analyzer in query mode), so they do not pull in passages that merely share them;
 * - the answerer reads every word for what it asks of a supporting sentence (`readQuestion`):
 *   content a sentence must write, generic nouns and verbs that only help, the user's figures.
 */
import { tokenize } from './tokenize.js';
import { extractQuantities } from './numbers.js';
import { stripParticle } from './particles.js';
import { withoutInstructions } from './instructions.js';
import { readKoreanWord, isKoreanPhrasing, type WordKind } from './korean-words.js';
import { readEnglishWord, isEnglishPhrasing } from './english-words.js';
import {
  ANAPHORIC_DETERMINERS,
  DETERMINERS,
  RETRIEVAL_ENGLISH_WORDS,
  RETRIEVAL_KOREAN_ENDINGS,
  RETRIEVAL_KOREAN_ROOTS,
  RETRIEVAL_KOREAN_WORDS,
  RETRIEVAL_KOREAN_WORDS_WHOLE,
} from './data/question-phrasing.js';
import { HANGUL } from './hangul.js';
import { KOREAN_COUNTERS, KOREAN_NUMERALS } from './data/value-words.js';

const KOREAN_ROOTS = RETRIEVAL_KOREAN_ROOTS;
const KOREAN_ROOT_WORDS: ReadonlySet<string> = new Set(RETRIEVAL_KOREAN_WORDS_WHOLE);
const KOREAN_ENDINGS = [...RETRIEVAL_KOREAN_ENDINGS].sort((a, b) => b.length - a.length);
const KOREAN_WORDS: ReadonlySet<string> = new Set(RETRIEVAL_KOREAN_WORDS);
const ENGLISH_WORDS: ReadonlySet<string> = new Set(RETRIEVAL_ENGLISH_WORDS);

/**
 * What a query word (lower-case, NFKC) names once its question shape is removed:
 * '' for 무엇인가요, 어떻게, 설명해주세요 or `what`; 필요 for 필요하나요; the word itself otherwise.
 */
export function questionContent(word: string): string {
  if (ENGLISH_WORDS.has(word) || KOREAN_WORDS.has(word) || KOREAN_ROOT_WORDS.has(word)) return '';
  if (KOREAN_ROOTS.some((root) => word.startsWith(root))) return '';
  for (const ending of KOREAN_ENDINGS) {
    if (word === ending) return '';
    if (word.endsWith(ending)) {
      const rest = word.slice(0, -ending.length);
      return KOREAN_WORDS.has(rest) ? '' : rest;
    }
  }
  return word;
}

/**
 * - `content`: a noun or name a supporting sentence must contain (업스테이지, 금리, syndicate).
 * - `generic`: a noun naming the kind of thing asked about (회사, 이유, company); it only helps.
 * - `verb`: phrasing (넣는, 짓는, putting), matched by its stem; it only helps.
 * - `figure`: a number the user wrote; it helps when a source states it, never required.
 */
export type QuestionWordKind = WordKind | 'figure';

export interface QuestionWord {
  /** The word as read (a noun's stem, a verb's stem), for display. */
  text: string;
  /** Its analyzer terms, as sentences are tokenized. */
  terms: string[];
  kind: QuestionWordKind;
  /** For verbs: the text a sentence must contain (Korean stem, or English prefix), lower-case. */
  stem?: string;
  /** A numbered thing (2호, 2차, 제3조): only all of its terms together match. */
  identifier?: boolean;
}

/** One word of the question as written, with what it became. */
export interface QuestionToken {
  /** As written, without trailing punctuation. */
  raw: string;
  /** Offsets in `QuestionReading.text`. */
  at: number;
  end: number;
  /** Indexes into `QuestionReading.words` of the words it gave (an earlier word when it only repeats one). */
  words: number[];
}

/** A question read word by word: its words and, for its structure, every token in order. */
export interface QuestionReading {
  /** The question without instructions to the assistant, NFC. */
  text: string;
  words: QuestionWord[];
  tokens: QuestionToken[];
}

/** Numbered things: 2호 (No. 2), 2차 (second round), 3기, 제3조. */
const IDENTIFIER = /^제?\d+(호|차|기|번째|단계|회차|조|항)/;
/** Month names, and scale and currency words, belong to the figure the user wrote (April 30, 10 trillion won). */
const FIGURE_WORD =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|trillion|billion|million|thousand|hundred|won|조|억|만|천|원)$/i;
/** Words a question joins with hyphens or dots stay whole (Kim Seong-hoon, 5.6). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.,%$₩'’-]*/gu;
const STARTS_HANGUL = new RegExp(`^${HANGUL}`);
const DETERMINER = new Set(DETERMINERS);
const ANAPHORIC = new Set(ANAPHORIC_DETERMINERS);
const NUMERALS: ReadonlySet<string> = new Set(KOREAN_NUMERALS);
const COUNTERS: ReadonlySet<string> = new Set(KOREAN_COUNTERS);
/** 번, 번만, 곳에, 가지를: a counter with or without its particle. */
const isCounter = (raw: string) =>
  COUNTERS.has(raw) || COUNTERS.has(stripParticle(raw)) || (raw.length === 2 && COUNTERS.has(raw[0]!));

export interface ReadOptions {
  /** The domain's nouns (a glossary's Korean side): read as nouns whatever they end in. */
  isKnownNoun?: (word: string) => boolean;
}

/** Adds a word's new terms as a word; a word that only repeats earlier terms is the earlier word. */
function addWord(words: QuestionWord[], owner: Map<string, number>, w: QuestionWord): number | undefined {
  const terms = w.terms.filter((t) => !owner.has(t));
  if (terms.length === 0 && !w.stem) return w.terms.length > 0 ? owner.get(w.terms[0]!) : undefined;
  for (const t of terms) owner.set(t, words.length);
  words.push({ ...w, terms });
  return words.length - 1;
}

/**
 * Reads a question: the words a supporting sentence should contain, and every token with
 * its place, so the question's structure ("A와 B", "apart from X") can be read too.
 *
 * @example readQuestion('IBK기업은행이 내는 몫은?').words
 * // [{ text: '기업은행', kind: 'content' }, { text: 'IBK', kind: 'content' }, { text: '내', kind: 'verb', stem: '내' }]
 */
export function readQuestion(question: string, options: ReadOptions = {}): QuestionReading {
  // "어떤회사임": a determiner written onto its noun is still two words.
  const text = withoutInstructions(question)
    .normalize('NFC')
    .replace(new RegExp(`(^|\\s)(어떤|무슨|어느|어떠한)(?=${HANGUL})`, 'g'), '$1$2 ');
  const words: QuestionWord[] = [];
  const tokens: QuestionToken[] = [];
  const owner = new Map<string, number>();
  // A figure the user wrote is one word however many tokens it spans (April 30, 3천억 원).
  const figures = extractQuantities(text).map((q) => ({ at: q.index, end: q.index + q.text.length, text: q.text }));
  const figureWord = new Map<number, number | undefined>();
  let kindNext = false;
  let counterNext: 'any' | 'counter' | undefined;
  for (const match of text.matchAll(WORD)) {
    // Quotation marks inside a Korean word ('주요 서비스'는) set it off; they are not part of it.
    const raw = match[0]
      .replace(/[.,'’-]+$/, '')
      .replace(new RegExp(`(?<=${HANGUL})['’]+|['’]+(?=${HANGUL})`, 'g'), '');
    if (!raw) continue;
    const token: QuestionToken = { raw, at: match.index!, end: match.index! + raw.length, words: [] };
    tokens.push(token);
    const add = (w: QuestionWord | undefined) => {
      const index = w ? addWord(words, owner, w) : undefined;
      if (index !== undefined && !token.words.includes(index)) token.words.push(index);
    };
    const make = (text: string, kind: QuestionWordKind, extra: Partial<QuestionWord> = {}) =>
      add({ text, terms: tokenize(text), kind, ...extra });
    const identifier = IDENTIFIER.exec(raw)?.[0];
    const figure = figures.findIndex((f) => token.at >= f.at && token.at < f.end);
    const asKind = kindNext;
    kindNext = DETERMINER.has(raw.toLowerCase()) || ANAPHORIC.has(raw);
    // "몇 장", "몇 톤": the word after 몇 is the unit of the answer; "한 번만", "세 곳": a counter after
    // a numeral says how many, not what. Neither is a word to find.
    const counter = counterNext === 'any' || (counterNext === 'counter' && isCounter(raw));
    counterNext = raw === '몇' ? 'any' : NUMERALS.has(raw) ? 'counter' : undefined;
    // "2호까지": a number naming one of a series is an identifier, "10조 원" a figure.
    if (figure >= 0 && !(identifier && figures[figure]!.end <= token.at + identifier.length)) {
      if (!figureWord.has(figure)) figureWord.set(figure, addWord(words, owner, figureOf(figures[figure]!.text)));
      const index = figureWord.get(figure);
      if (index !== undefined) token.words.push(index);
    } else if (identifier) make(identifier, 'content', { identifier: true });
    else if (counter) continue;
    else if (/\d/.test(raw) || FIGURE_WORD.test(raw)) make(raw, 'figure');
    else if (STARTS_HANGUL.test(raw)) {
      const read = readKoreanWord(raw, options.isKnownNoun);
      if (read) make(read.text, asKind && read.kind === 'content' ? 'generic' : read.kind, verbStemOf(read));
    } else {
      // Mixed words (IBK기업은행, SPC는): the Latin code, and the Hangul rest unless it is only a particle.
      const latin = /^[A-Za-z'’-]+/.exec(raw)?.[0] ?? raw;
      const rest = raw.slice(latin.length);
      if (
        STARTS_HANGUL.test(rest) &&
        stripParticle(`${rest}`) !== '' &&
        !/^[은는이가을를의에도로와과만랑]$/.test(rest)
      ) {
        const read = readKoreanWord(rest, options.isKnownNoun);
        if (read) make(read.text, read.kind, verbStemOf(read));
      }
      const read = readEnglishWord(latin, tokens.length > 1);
      if (read)
        make(
          read.text,
          asKind && read.kind === 'content' ? 'generic' : read.kind,
          read.stem ? { stem: read.stem } : {},
        );
    }
  }
  return { text, words, tokens };
}

const figureOf = (text: string): QuestionWord => ({ text, terms: tokenize(text), kind: 'figure' });
const verbStemOf = (w: { text: string; kind: WordKind }) => (w.kind === 'verb' ? { stem: w.text.toLowerCase() } : {});

/** Is the word one of question shape in either language (얼마, 알려 주세요, what, amount)? */
export const isQuestionPhrasing = (word: string) => isKoreanPhrasing(word) || isEnglishPhrasing(word.toLowerCase());

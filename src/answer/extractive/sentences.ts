/**
 * The sentences of the context the offline answerer may quote, as a reader of the source
 * sees them: a sentence a PDF layout broke across lines is whole again, a sentence with a
 * footnote mark carries its notes, a sentence continuing the previous one's subject ("이
 * 공장은…", "It…", a Korean sentence with no subject) knows that subject, and sentences that
 * address the assistant (an injection) or ask a question (a Q&A heading) are never quoted.
 */
import type { ContextSource } from '../context.js';
import type { Quantity } from '../../text/numbers.js';
import { splitSentences } from '../../ingest/sentences.js';
import { tokenize } from '../../text/tokenize.js';
import { stripParticle } from '../../text/particles.js';
import { isInstruction } from '../../text/instructions.js';
import { quantitiesOf } from './answer-type.js';

export interface Sentence {
  source: ContextSource;
  text: string;
  /** Order within its source. */
  position: number;
  /** Analyzer terms, in order (for proximity), and as a set. */
  termList: string[];
  terms: Set<string>;
  /** Terms of the sentence it refers back to, if any. */
  antecedent?: Set<string>;
  quantities: Quantity[];
}

/** A sentence opening like this continues the previous one's subject (이 공장은 = the plant just named). */
const REFERS_BACK =
  /^(이|그|해당|이번|동|같은|이들|이곳|이 회사|이 기업)\s|^(It|Its|He|She|They|Their|This|These|That|Those|The (company|plant|center|centre|fund|loan|loans|SPC|firm|project|facility|investment))\b/;
/** The particles that mark a Korean sentence's topic or subject. */
const SUBJECT_PARTICLE = /^(은|는|이|가|께서|에서는)$/;

/** A Korean sentence with no noun marked as topic or subject continues the previous one's. */
function subjectless(text: string): boolean {
  if (!/[\uac00-\ud7a3]/.test(text) || /[A-Za-z]{3,}\s[a-z]/.test(text)) return false;
  const words = text.split(/\s+/).slice(0, -1);
  const marked = (word: string) => {
    const w = word.replace(/[,.)]+$/, '');
    const stem = stripParticle(w);
    return stem !== w && SUBJECT_PARTICLE.test(w.slice(stem.length));
  };
  return words.length > 0 && !words.some(marked);
}

/** A PDF line broken inside a sentence ends on a particle, a comma or a connective, not on a sentence ending. */
const RUNS_ON = /([을를이가은는의에와과로도및,]|에서|으로|에게|부터|까지|하고|하며|하여|하되|이며)$/;
/** A dotted date read as sentence ends ("2022. 1. 28."): the year or month goes on in the next piece. */
const YEAR_OR_MONTH = /(^|[\s(~])(19|20)\d{2}\.(\s?\d{1,2}\.)?$/;
const MONTH_OR_DAY = /^\d{1,2}\.(\d{1,2}\.)?(?!\d)/;
const FULL_DATE = /(^|[\s(~])(19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.$/;
/** A footnote line: "* 대주주 요건, …" under "…세부심사요건*에 대해 …". */
const FOOTNOTE = /^[*※]\s*/;
/** A word carrying a footnote mark (세부심사요건*), not a bullet or a row of stars. */
const MARKED = /[\p{L}\p{N})」』]\*{1,3}(?!\*)/u;
/** Footnotes joined to the sentence they annotate, at most this many (a list of definitions is not one). */
const MAX_FOOTNOTES = 3;

const runsOn = (sentence: string, next: string) =>
  RUNS_ON.test(sentence) || (YEAR_OR_MONTH.test(sentence) && MONTH_OR_DAY.test(next)) || FULL_DATE.test(sentence);

/** The sentences of a passage as a reader of the PDF sees them (see the module comment). */
export function pdfSentences(text: string): string[] {
  const pieces = splitSentences(text);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let sentence = pieces[i]!;
    while (i + 1 < pieces.length && runsOn(sentence, pieces[i + 1]!) && !FOOTNOTE.test(pieces[i + 1]!)) {
      sentence = `${sentence} ${pieces[++i]!}`;
    }
    if (MARKED.test(sentence) && !FOOTNOTE.test(sentence)) {
      const notes: string[] = [];
      while (notes.length < MAX_FOOTNOTES && i + 1 < pieces.length && FOOTNOTE.test(pieces[i + 1]!))
        notes.push(pieces[++i]!);
      if (notes.length > 0) sentence = `${sentence} (${notes.join(' ')})`;
    }
    out.push(sentence);
  }
  return out;
}

/** The sentences of the context that could be quoted: no duplicates, no instructions, no questions. */
export function sentencesOf(sources: ContextSource[]): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  for (const source of sources) {
    let previous: Set<string> | undefined;
    pdfSentences(source.text).forEach((raw, position) => {
      const text = raw.replace(/\s+/g, ' ').trim();
      const termList = tokenize(text);
      const terms = new Set(termList);
      const bare = text.replace(/^[-•·*]\s*/, '');
      const antecedent = REFERS_BACK.test(bare) || subjectless(bare) ? previous : undefined;
      previous = terms;
      if (seen.has(text) || terms.size < 2 || isInstruction(text) || /[?？]\s*$/.test(text)) return;
      seen.add(text);
      out.push({
        source,
        text,
        position,
        termList,
        terms,
        ...(antecedent ? { antecedent } : {}),
        quantities: quantitiesOf(text),
      });
    });
  }
  return out;
}

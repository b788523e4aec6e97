/**
 * Writing the offline answer from the selected sentences, in the answer language.
 *
 * A sentence in the answer language is quoted as it stands, with its [n]. A sentence in the
 * other language cannot be translated offline, so the answer says which language the source
 * is in and gives, in the reader's language, the asked values converted by the shared
 * number module (850 billion won → 8,500억 원) and the terms the glossary can render
 * (technological sovereignty → 기술 주권). The original wording is quoted as well unless the
 * quote would make the answer read in the other language; it always stays in the citation.
 */
import type { Lang } from '../../types.js';
import { detectLanguage } from '../../text/language.js';
import { formatQuantity, type Quantity } from '../../text/numbers.js';
import type { AnswerType } from './answer-type.js';
import { satisfiesType } from './answer-type.js';
import { glossSentence } from './glossary.js';
import type { ScoredSentence, Selection } from './select-sentences.js';

const VALUE_LABEL: Record<Lang, Partial<Record<AnswerType, string>>> = {
  ko: { money: '금액은', count: '수량은', date: '날짜는', percent: '비율은' },
  en: { money: 'the amount is', count: 'the number is', date: 'the date is', percent: 'the rate is' },
};
const WRITTEN: Record<Lang, { source: string; terms: string; original: string; quoting: string }> = {
  ko: {
    source: '영문 자료에 따르면',
    terms: '영문 자료의 주요 내용:',
    original: '원문',
    quoting: '이 내용은 영문 자료에만 있어 원문을 인용합니다:',
  },
  en: {
    source: 'According to a Korean-language source,',
    terms: 'Key terms of the Korean-language source:',
    original: 'original',
    quoting: 'Only a Korean-language source states this; quoting it:',
  },
};
/** Glossed terms beyond this many stop informing and start reading like a word list. */
const MAX_TERMS = 8;

/** "Estigen Bio will receive …" → "Estigen Bio": who an English sentence is about. */
function englishSubject(text: string): string | undefined {
  const match = /([A-Z][\w-]*(?: (?:of |and )?[A-Z][\w-]*)*)/.exec(
    text.replace(/^[-•·*]?\s*(The|A|An|This|These|It) /, ''),
  );
  return match?.[1];
}

/** The values a foreign sentence gives for the question: the asked kind first, or every figure. */
function valuesFor(sentence: ScoredSentence, type: AnswerType): Quantity[] {
  const asked = sentence.quantities.filter((q) => type !== 'other' && satisfiesType(type, q.text, [q]));
  return asked.length > 0 ? asked : sentence.quantities.filter((q) => q.kind !== 'count' || q.unit !== '');
}

function converted(q: Quantity, language: Lang): string {
  const own = formatQuantity(q, language);
  return own === q.text ? own : `${own}(${q.text})`;
}

/** Adds the quote when the answer still reads in the reader's language with it. */
function withQuote(text: string, sentence: ScoredSentence, language: Lang): string {
  const quoted = `${text} (${WRITTEN[language].original}: “${sentence.text}”)`;
  return detectLanguage(quoted.replace(/\[\d+\]/g, '')) === language ? quoted : text;
}

function renderForeign(s: ScoredSentence, selection: Selection, language: Lang, named: boolean): string {
  const type = selection.query.type;
  const marker = `[${s.source.n}]`;
  const values = valuesFor(s, type);
  if (values.length > 0) {
    const list = values.map((q) => converted(q, language)).join(', ');
    const label = VALUE_LABEL[language][type] ?? (language === 'ko' ? '관련 수치는' : 'the figures are');
    // In a list of several companies, say whose value this is (in the source's spelling).
    const subject = named && s.source.lang === 'en' ? englishSubject(s.text) : undefined;
    const text =
      language === 'ko'
        ? `${WRITTEN.ko.source} ${subject ? `${subject}의 ` : ''}${label} ${list}입니다 ${marker}.`
        : `${WRITTEN.en.source} ${label} ${list} ${marker}.`;
    return withQuote(text, s, language);
  }
  const terms = glossSentence(s.text, s.source.lang, selection.glossary).slice(0, MAX_TERMS);
  // Nothing to render in the reader's language: the original is the answer.
  if (terms.length === 0) return `${WRITTEN[language].quoting} “${s.text}” ${marker}`;
  return withQuote(`${WRITTEN[language].terms} ${terms.join(', ')} ${marker}.`, s, language);
}

/** "이전 공고(2026-03-02)에서는 1,200억 원이었습니다 [2]." — the figure an answer replaced with a newer one. */
function changeNote(old: ScoredSentence, selection: Selection, language: Lang): string {
  const values = valuesFor(old, selection.query.type)
    .map((q) => formatQuantity(q, language))
    .join(', ');
  const latest = selection.sentences[0]!.source.date!;
  const date = old.source.date!;
  return language === 'ko'
    ? `가장 최근 공고(${latest}) 기준이며, 이전 공고(${date})에서는 ${values}이었습니다 [${old.source.n}].`
    : `This is from the latest announcement (${latest}); an earlier one (${date}) gave ${values} [${old.source.n}].`;
}

/** The answer text for a non-empty selection. */
export function composeAnswer(selection: Selection, language: Lang): string {
  const named = selection.sentences.length > 1;
  const parts = selection.sentences.map((s) =>
    s.source.lang === language ? `${s.text} [${s.source.n}]` : renderForeign(s, selection, language, named),
  );
  if (selection.superseded) parts.push(changeNote(selection.superseded, selection, language));
  return parts.join(' ');
}

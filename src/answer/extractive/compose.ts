/**
 * Writing the offline answer from the selected sentences, in the answer language.
 *
 * A sentence in the answer language is quoted as it stands, with its [n]. A sentence in the
 * other language cannot be translated offline: the answer says which language the source
 * is in and gives the asked values converted by the shared number module (850 billion won
 * → 8,500억 원) next to the original wording, or quotes the sentence when it holds no value.
 */
import type { Lang } from '../../types.js';
import { formatQuantity, type Quantity } from '../../text/numbers.js';
import type { AnswerType } from './answer-type.js';
import { satisfiesType } from './answer-type.js';
import type { ScoredSentence, Selection } from './select-sentences.js';

const VALUE_LABEL: Record<Lang, Partial<Record<AnswerType, string>>> = {
  ko: { money: '금액은', count: '수량은', date: '날짜는', percent: '비율은' },
  en: { money: 'the amount is', count: 'the number is', date: 'the date is', percent: 'the rate is' },
};
const SOURCE_IS: Record<Lang, string> = {
  ko: '영문 자료에 따르면',
  en: 'According to a Korean-language source,',
};
const QUOTE_INTRO: Record<Lang, string> = {
  ko: '이 내용은 영문 자료에만 있어 원문을 인용합니다:',
  en: 'Only a Korean-language source states this; quoting it:',
};

/** "Estigen Bio will receive …" → "Estigen Bio": who an English sentence is about. */
function englishSubject(text: string): string | undefined {
  const match = /([A-Z][\w-]*(?: (?:of |and )?[A-Z][\w-]*)*)/.exec(text.replace(/^(The|A|An|This|These|It) /, ''));
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

function renderForeign(s: ScoredSentence, type: AnswerType, language: Lang, named: boolean): string {
  const values = valuesFor(s, type);
  if (values.length === 0) return `${QUOTE_INTRO[language]} “${s.text}” [${s.source.n}]`;
  const list = values.map((q) => converted(q, language)).join(', ');
  const label = VALUE_LABEL[language][type] ?? (language === 'ko' ? '관련 수치는' : 'the figures are');
  // In a list of several companies, say whose value this is (in the source's spelling).
  const subject = named && s.source.lang === 'en' ? englishSubject(s.text) : undefined;
  if (language === 'ko') {
    return `${SOURCE_IS.ko} ${subject ? `${subject}의 ` : ''}${label} ${list}입니다 [${s.source.n}].`;
  }
  return `${SOURCE_IS.en} ${label} ${list} [${s.source.n}].`;
}

/** The answer text for a non-empty selection. */
export function composeAnswer(selection: Selection, language: Lang): string {
  const named = selection.sentences.length > 1;
  return selection.sentences
    .map((s) =>
      s.source.lang === language
        ? `${s.text} [${s.source.n}]`
        : renderForeign(s, selection.query.type, language, named),
    )
    .join(' ');
}

/**
 * Writing the offline answer from the selection, in the answer language.
 *
 * A sentence in the answer language is quoted as it stands, with its [n]. A sentence in the
 * other language cannot be translated offline (issue 5: "say the source is in Korean or
 * English and quote it"), so the answer says, in the reader's language, which language the
 * source is in, gives the asked values converted by the shared number module (850 billion
 * won → 8,500억 원), quotes the original between “ ” with its [n], and adds the terms the
 * glossary can render (technological sovereignty → 기술 주권). Quotation marks set the
 * source's words apart from the answer's (the eval grader reads the answer's language
 * outside them).
 */
import type { Lang } from '../../types.js';
import type { ContextSource } from '../context.js';
import { formatQuantity, type Quantity } from '../../text/numbers.js';
import { finalOf } from '../../text/hangul.js';
import type { AnswerType } from './answer-type.js';
import { glossSentence } from './glossary.js';
import { valueKeys, type AnswerPart, type ScoredSentence, type Selection } from './select.js';

const WRITTEN = {
  ko: {
    according: '영문 자료에 따르면',
    original: '원문',
    states: '이 내용은 영문 자료에 있습니다',
    terms: '주요 용어',
    values: '수치',
  },
  en: {
    according: 'According to a Korean-language source,',
    original: 'original',
    states: 'A Korean-language source states',
    terms: 'key terms',
    values: 'figures',
  },
} as const;
/** What an asked kind is called: in a value's label, a superlative's, and the kind a refusal says is missing. */
const KIND_NAME: Record<Lang, Partial<Record<AnswerType, string>>> = {
  ko: {
    money: '금액',
    count: '수량',
    date: '날짜',
    percent: '비율',
    duration: '기간',
    place: '장소',
    name: '이름',
    person: '인물',
  },
  en: {
    money: 'amount',
    count: 'number',
    date: 'date',
    percent: 'rate',
    duration: 'term',
    place: 'place',
    name: 'names',
    person: 'person',
  },
};
const kindName = (type: AnswerType, language: Lang) =>
  KIND_NAME[language][type] ?? (language === 'ko' ? '수치' : 'figure');
/** The ends of a superlative: amounts and counts are large and small, rates high and low. */
const END_WORDS = {
  ko: { max: ['큰', '높은'], min: ['작은', '낮은'] },
  en: { max: ['largest', 'highest'], min: ['smallest', 'lowest'] },
};
/** 금액은, 날짜는: the topic particle after a Korean word's last syllable. */
const topic = (word: string) => `${word}${finalOf(word) ? '은' : '는'}`;

/** Glossed terms beyond this many stop informing and start reading like a word list. */
const MAX_TERMS = 8;

/** A list item's bullet is layout, not part of the sentence. */
const plain = (s: ScoredSentence) => s.text.replace(/^[-•·*]\s*/, '');
/**
 * A sentence quoted: without its bullet, and with its own double quotes made single, so the
 * quotation the reader (and the grader) sees ends where the source's sentence ends.
 */
const quoted = (s: ScoredSentence) => `“${plain(s).replace(/“/g, '‘').replace(/”/g, '’')}”`;

/** "Estigen Bio will receive …" → "Estigen Bio": who an English sentence is about. */
function englishSubject(text: string): string | undefined {
  const match = /([A-Z][\w-]*(?: (?:of |and )?[A-Z][\w-]*)*)/.exec(
    text.replace(/^[-•·*]?\s*(The|A|An|This|These|It) /, ''),
  );
  return match?.[1];
}

/** The values a sentence gives for the question: the asked kind only. */
function askedValues(sentence: ScoredSentence, selection: Selection): Quantity[] {
  const { type } = selection.query;
  if (type === 'other' || type === 'name') return [];
  const keys = new Set(valueKeys(sentence, selection.query));
  return sentence.quantities.filter((q) => keys.has(`${q.kind}:${q.unit}:${q.value}`));
}

/** Every figure worth converting (dates, amounts, counts with a unit, percentages). */
function figures(sentence: ScoredSentence): Quantity[] {
  return sentence.quantities.filter((q) => q.kind !== 'count' || q.unit !== '');
}

/** 850 billion won → "8,500억 원(850 billion won)"; a value written the same way stays as it is. */
function converted(q: Quantity, language: Lang): string {
  const own = formatQuantity(q, language);
  if (own === q.text) return own;
  return language === 'ko' ? `${own}(${q.text})` : `${own} (${q.text})`;
}

/** "(key terms: …; figures: …)" for a quoted foreign sentence, or nothing. */
function aids(s: ScoredSentence, selection: Selection, language: Lang): string {
  const w = WRITTEN[language];
  const terms = glossSentence(s.text, s.source.lang, selection.glossary).slice(0, MAX_TERMS);
  const values = figures(s).map((q) => converted(q, language));
  const pieces = [
    ...(terms.length > 0 ? [`${w.terms}: ${terms.join(', ')}`] : []),
    ...(values.length > 0 ? [`${w.values}: ${values.join(', ')}`] : []),
  ];
  return pieces.length > 0 ? ` (${pieces.join('; ')})` : '';
}

/** A sentence in the other language: its language said, the asked values converted, the original quoted. */
function renderForeign(s: ScoredSentence, selection: Selection, language: Lang, named: boolean): string {
  const w = WRITTEN[language];
  const type = selection.query.type;
  const marker = `[${s.source.n}]`;
  const values = askedValues(s, selection);
  if (values.length > 0) {
    const list = values.map((q) => converted(q, language)).join(', ');
    const label = language === 'ko' ? topic(kindName(type, language)) : `the ${kindName(type, language)} is`;
    // In a list of several companies, say whose value this is: in the reader's spelling when
    // the context pairs the name (에스티젠바이오(Estigen Bio)), else in the source's.
    const english = named && s.source.lang === 'en' ? englishSubject(s.text) : undefined;
    const korean = english && selection.glossary.find((p) => p.en === english)?.ko;
    const subject = korean ? `${korean}(${english})` : english;
    const lead =
      language === 'ko'
        ? `${w.according} ${subject ? `${subject}의 ` : ''}${label} ${list}입니다 ${marker}.`
        : `${w.according} ${label} ${list} ${marker}.`;
    return `${lead} ${w.original}: ${quoted(s)}`;
  }
  return `${w.states} ${marker}: ${quoted(s)}${aids(s, selection, language)}`;
}

function renderSentence(s: ScoredSentence, selection: Selection, language: Lang, named: boolean): string {
  return s.source.lang === language ? `${plain(s)} [${s.source.n}]` : renderForeign(s, selection, language, named);
}

/** "가장 큰 금액은 2조5천억 원입니다: … [1]" — one end of a superlative answer. */
function renderExtreme(part: Extract<AnswerPart, { kind: 'extreme' }>, selection: Selection, language: Lang): string {
  const { sentence: s, value, end } = part;
  const type = value.kind === 'date' ? 'money' : value.kind;
  const adjective = END_WORDS[language][end][type === 'percent' ? 1 : 0];
  const label =
    language === 'ko'
      ? `가장 ${adjective} ${topic(kindName(type, 'ko'))}`
      : `The ${adjective} ${kindName(type, 'en')} is`;
  const marker = `[${s.source.n}]`;
  if (s.source.lang === language) {
    const lead = language === 'ko' ? `${label} ${formatQuantity(value, 'ko')}입니다` : `${label} ${value.text}`;
    return `${lead}: ${plain(s)} ${marker}`;
  }
  const amount = converted(value, language);
  return language === 'ko'
    ? `${label} ${amount}입니다. 영문 자료 ${marker}: ${quoted(s)}`
    : `${label} ${amount}, from a Korean-language source ${marker}: ${quoted(s)}`;
}

function renderMissing(words: string[], language: Lang): string {
  const what = words.join(' ');
  return language === 'ko'
    ? `${what}에 대한 내용은 제공된 자료에 없습니다.`
    : `The sources provided say nothing about ${what}.`;
}

/** "이전 공고(2026-03-02)에서는 1,200억 원이었습니다 [2]." — the figure an answer replaced with a newer one. */
function changeNote(old: ScoredSentence, selection: Selection, language: Lang): string {
  const values = askedValues(old, selection)
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
  const parts = selection.parts.map((part) => {
    switch (part.kind) {
      case 'sentence':
        return renderSentence(part.sentence, selection, language, named);
      case 'extreme':
        return renderExtreme(part, selection, language);
      case 'missing':
        return renderMissing(part.words, language);
    }
  });
  if (selection.superseded) parts.push(changeNote(selection.superseded, selection, language));
  return parts.join(' ');
}

/**
 * What the sources say instead of the value (or names) asked, after the refusal: "자료에는
 * 해당 금액이 나오지 않고 다음 내용만 있습니다 [1]: “…”".
 */
export function composeValueless(sentence: ScoredSentence, type: AnswerType, language: Lang): string {
  const kind = kindName(type, language);
  return language === 'ko'
    ? `자료에는 해당 ${kind}이(가) 나오지 않고 다음 내용만 있습니다 [${sentence.source.n}]: ${quoted(sentence)}`
    : `The sources give no ${kind} for this; they only say [${sentence.source.n}]: ${quoted(sentence)}`;
}

/** Documents named after the refusal of a question about a name no source mentions. */
const COVERED_DOCUMENTS = 2;

/**
 * After refusing a question about a name no source mentions: "자료에는 카카오에 대한 언급이
 * 없습니다. 자료가 다루는 내용: “…” [1], “…” [2]." The titles say what was found instead, so
 * the reader sees the answer is not hiding somewhere in them.
 */
export function composeAbsent(names: string[], sources: ContextSource[], language: Lang): string {
  const seen = new Set<string>();
  const inLanguage = [...sources].sort((a, b) => Number(b.lang === language) - Number(a.lang === language));
  const covered = inLanguage
    .filter((s) => s.title && !seen.has(s.title) && seen.add(s.title))
    .slice(0, COVERED_DOCUMENTS)
    .sort((a, b) => a.n - b.n)
    .map((s) => `“${s.title}” [${s.n}]`);
  if (language === 'ko') {
    const what = `자료에는 ${names.join(', ')}에 대한 언급이 없습니다.`;
    return covered.length > 0 ? `${what} 자료가 다루는 내용: ${covered.join(', ')}.` : what;
  }
  const what = `They do not mention ${names.join(' or ')}.`;
  return covered.length > 0 ? `${what} They cover: ${covered.join('; ')}.` : what;
}

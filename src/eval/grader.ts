/**
 * Grades one case: what a reader of the answer would check, made mechanical.
 *
 * - Facts are looked for in the answer text only (not in the cited snippets): a fact the
 *   user has to dig out of a source was not answered. Amounts, counts and dates go through
 *   the shared number module, so `5.6 trillion won` meets `5조6천억 원`.
 * - The answer language is read from the answer's own words, not from the response's
 *   `language` field, and not from the source text it quotes (see `answerLanguage`): an
 *   English question answered with a bare Korean sentence is a mismatch for the user,
 *   whatever the field says; one answered in English that quotes the Korean source is not.
 * - Retrieval is judged on the ranked documents the answer was built from (see `TargetReply.ranked`).
 */
import type { GoldenCase } from './golden.js';
import type { CaseResult, TargetReply } from './types.js';
import { detectLanguage, type DetectedLang } from '../text/language.js';
import { factMatches } from '../text/numbers.js';

/** Retrieval ranks beyond this count as misses (MRR@10). */
export const RANK_DEPTH = 10;
/** A case whose gold source is not among this many retrieved documents is reported as a retrieval miss (hit@5). */
export const HIT_DEPTH = 5;

const CITATION_MARKER = /\[\d+(?:\s*[,，]\s*\d+)*\]/g;

/** The answer as a reader sees it, without `[n]` markers (which would read as numbers). */
export function answerProse(answer: string): string {
  return answer.replace(CITATION_MARKER, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Quoted text: typographic double quotes, guillemets, corner brackets, or a pair of straight
 * double quotes on one line. What stands inside is the source speaking, not the answer.
 */
const QUOTED = /“[^”]*”|«[^»]*»|「[^」]*」|『[^』]*』|"[^"\n]*"/g;
/**
 * Own words weighing less than this (a Hangul syllable counts three letters, as in
 * `detectLanguage`) are too few to tell a language: a bare quote with a label is read whole.
 */
const MIN_OWN_LETTERS = 12;

/**
 * The language of an answer, read from its own words. Rule: text between quotation marks
 * (“…”, «…», 「…」, 『…』, "…") is what a source says and is left out, so an English answer
 * that quotes a Korean announcement is English; when the words outside the quotes are
 * too few to read (under 12 letters, a Hangul syllable counting three), the whole answer
 * is read, so a bare quote is judged by its own language.
 *
 * @example answerLanguage('A Korean-language source states [1]: “센터는 2028년 완공을 목표로 한다.”') // 'en'
 */
export function answerLanguage(answer: string): DetectedLang {
  const prose = answerProse(answer);
  const own = prose.replace(QUOTED, ' ');
  const letters = (own.match(/[\uac00-\ud7a3]/g)?.length ?? 0) * 3 + (own.match(/[A-Za-z]/g)?.length ?? 0);
  return detectLanguage(letters >= MIN_OWN_LETTERS ? own : prose);
}

export interface CaseOutcome {
  reply?: TargetReply;
  error?: string;
  latencyMs: number;
}

function goldRank(ranked: string[], sources: string[]): number | null {
  const gold = new Set(sources);
  const index = ranked.slice(0, RANK_DEPTH).findIndex((id) => gold.has(id));
  return index < 0 ? null : index + 1;
}

const list = (items: string[]) => items.map((s) => `"${s}"`).join(', ');

/** Grades a target's reply (or failure) against a golden case. */
export function gradeCase(golden: GoldenCase, outcome: CaseOutcome): CaseResult {
  const response = outcome.reply?.response;
  const answer = response?.answer ?? '';
  const prose = answerProse(answer);
  const refused = response?.refused ?? false;
  const retrieved = outcome.reply?.ranked ?? [];
  const citations = [...new Set(response?.citations.map((c) => c.id) ?? [])];
  const gold = new Set(golden.sources);

  const factsFound = refused ? [] : golden.facts.filter((fact) => factMatches(fact, prose));
  const factsMissing = golden.facts.filter((fact) => !factsFound.includes(fact));
  const written = answerLanguage(answer);
  const languageMatch = response !== undefined && written === golden.lang;
  const refusalCorrect = response !== undefined && refused === !golden.answerable;
  const rank = golden.answerable && golden.sources.length > 0 ? goldRank(retrieved, golden.sources) : null;
  const citedGold = citations.filter((id) => gold.has(id)).length;

  const problems: string[] = [];
  if (outcome.error) problems.push(`request failed: ${outcome.error}`);
  else {
    if (golden.answerable && refused) problems.push('refused a question the corpus answers');
    if (!golden.answerable && !refused) problems.push('answered a question the corpus cannot answer');
    if (!refused && factsMissing.length > 0) problems.push(`missing facts: ${list(factsMissing)}`);
    if (!languageMatch) problems.push(`answered in ${written} (asked in ${golden.lang})`);
    if (golden.answerable && golden.sources.length > 0 && (rank === null || rank > HIT_DEPTH))
      problems.push(`no gold source among the top ${HIT_DEPTH} retrieved documents`);
    const strays = golden.answerable ? citations.filter((id) => !gold.has(id)) : [];
    if (golden.sources.length > 0 && strays.length > 0)
      problems.push(`cites documents outside the gold sources: ${list(strays)}`);
  }

  return {
    id: golden.id,
    category: golden.category,
    lang: golden.lang,
    question: golden.question,
    ...(golden.history ? { history: golden.history } : {}),
    answerable: golden.answerable,
    sources: golden.sources,
    facts: golden.facts,
    ...(golden.reference ? { reference: golden.reference } : {}),
    answer,
    refused,
    answer_language: written,
    citations,
    retrieved,
    latency_ms: Math.round(outcome.latencyMs * 10) / 10,
    ...(outcome.error ? { error: outcome.error } : {}),
    gold_rank: rank,
    facts_found: factsFound,
    facts_missing: factsMissing,
    cited_gold: citedGold,
    refusal_correct: refusalCorrect,
    language_match: languageMatch,
    problems,
    passed: problems.length === 0,
  };
}

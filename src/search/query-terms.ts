/**
 * A query's weighted terms, built as the local index builds them (LocalIndex.search): each
 * term as often as the query asks for it, glossary and romanization translations at most
 * their translation weight, and the model's translation weighted against all of those.
 * Split in steps because an index that looks its vocabulary up over the network
 * (UpstashIndex) learns which candidate terms exist only after asking.
 */
import { analyzeWords, tokenize, wordTerms, type AnalyzedWord } from '../text/tokenize.js';
import { translationWeight, type QueryExpander } from './query-expansion.js';

export interface QueryCandidates {
  /** The query's own terms, weighted by how often it asks for each. */
  own: Map<string, number>;
  /** Glossary and romanization translations with their weights, before the vocabulary is known. */
  expanded: Map<string, number>;
  /** The model's translation of the query, as terms. */
  translated: string[];
}

export function queryCandidates(query: string, expander: QueryExpander, translation = ''): QueryCandidates {
  const analyzed: AnalyzedWord[] = [...analyzeWords(query, { query: true })];
  const own = new Map<string, number>();
  for (const word of analyzed) {
    const terms: string[] = [];
    wordTerms(word, terms);
    for (const term of terms) own.set(term, (own.get(term) ?? 0) + 1);
  }
  return {
    own,
    expanded: expander.expand(analyzed),
    translated: translation ? tokenize(translation, { query: true }) : [],
  };
}

/** The weights to search with, keeping only candidate translations the index holds. */
export function queryWeights(candidates: QueryCandidates, holds: (term: string) => boolean): Map<string, number> {
  const weights = new Map(candidates.own);
  for (const [term, weight] of candidates.expanded) {
    if (holds(term)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  }
  const translated = candidates.translated.filter(holds);
  const ownTerms = [...weights.values()].reduce((a, b) => a + b, 0);
  for (const term of translated) {
    weights.set(term, Math.max(weights.get(term) ?? 0, translationWeight(ownTerms, translated.length)));
  }
  return weights;
}

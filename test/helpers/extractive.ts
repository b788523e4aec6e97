/** Made-up passages and the offline answerer's reply to them, for the extractive tests. */
import type { ChatMessage, Lang, Passage } from '../../src/types.js';
import { buildPrompt } from '../../src/answer/prompts.js';
import { toContextSources } from '../../src/answer/context.js';
import { composeExtractiveAnswer } from '../../src/answer/extractive/extractive-model.js';

let ids = 0;

/** A one-chunk document with a fresh id; `meta` overrides title, lang, date, headings. */
export function passage(text: string, meta: Partial<Passage> = {}): Passage {
  const id = `doc-${++ids}`;
  return { id: `${id}#0`, docId: id, ordinal: 0, title: 'Announcement', lang: 'ko', text, ...meta };
}

/** The answer the offline model gives to the prompt `answer()` would build. */
export function ask(question: string, passages: Passage[], language: Lang, history: ChatMessage[] = []) {
  return composeExtractiveAnswer(buildPrompt({ question, history, sources: toContextSources(passages), language }));
}

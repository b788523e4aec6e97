/**
 * Questions asking what something is like ("루미나는 어떤 회사인가요?", "What kind of company is
 * Lumina?"): the sentence the sources write about it with it as the subject, and the
 * sentences that go on about it ("It develops …", "병원을 위한 … 모델을 만든다.").
 *
 * A sentence that only mentions the company on the way ("… invests in Lumina, a medical AI
 * company") answers less: announcements describe a company where they make it the subject.
 */
import { tokenize } from '../../text/tokenize.js';
import { leadSentence, type Ranking } from './ranking.js';
import type { ScoredSentence } from './score-sentences.js';

/** Sentences after the subject's own that may go on about it. */
const MAX_CONTINUATION = 2;

/** The first word of a sentence, without a list bullet. */
function firstWord(text: string): string {
  return /^[-•·*]?\s*([^\s,]+)/.exec(text)?.[1] ?? '';
}

/**
 * The description of the question's subject, or [] when no sentence has it as its subject
 * (the usual selection then answers).
 */
export function describeSubject(candidates: ScoredSentence[], ranking: Ranking): ScoredSentence[] {
  const { query, scores } = ranking;
  const topic = query.words.flatMap((w, i) =>
    w.kind === 'content' && w.required && w.factor > 0 && scores.weights[i]! > 0 ? [i] : [],
  );
  if (topic.length === 0) return [];
  // Opens with a spelling of a topic word: 업스테이지는 …, Upstage is …, Estigen Bio will …
  const opensWithTopic = (s: ScoredSentence) => {
    const terms = tokenize(firstWord(s.text));
    return (
      terms.length > 0 && topic.some((i) => scores.models[i]!.variants.some((v) => terms.every((t) => v.includes(t))))
    );
  };
  const names = (s: ScoredSentence) => topic.every((i) => s.coverage[i]! >= 0.99);
  const subjects = candidates.filter((s) => names(s) && opensWithTopic(s));
  // A sentence in the reader's language that names it on the way beats a quoted foreign description.
  const own = (s: ScoredSentence) => s.source.lang === ranking.language;
  if (!subjects.some(own) && candidates.some((s) => own(s) && names(s))) return [];
  const lead = leadSentence(subjects, (s) => s.support, ranking);
  if (!lead) return [];
  const chosen = [lead];
  for (let next = lead.position + 1; chosen.length <= MAX_CONTINUATION; next++) {
    const following = scores.sentences.find((s) => s.source === lead.source && s.position === next);
    // Only a sentence that refers back ("It …", a Korean sentence without a subject) goes on about it.
    if (!following?.antecedent) break;
    chosen.push(following);
  }
  return chosen;
}

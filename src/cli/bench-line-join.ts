/**
 * `npm run bench:line-join -- [--passages FILE]`
 * Measures how well wrapped Korean lines are joined back (src/ingest/line-join.ts).
 *
 * Ground truth comes from real text: every line of every page of a retrieval benchmark
 * (its spaces are as the authors typed them) is broken once at a random character, the
 * space at the break dropped as Hangul word processors do, and the joiner must tell
 * whether a space belongs there. Statistics come from the same document, as in ingest.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { joinWrappedLines, statsFrom } from '../ingest/line-join.js';

const { values } = parseArgs({
  options: { passages: { type: 'string', default: '../shared/data/allganize-ko/passages.jsonl' } },
});

interface Passage {
  text: string;
  source_file?: string;
  title: string;
}

const passages = readFileSync(values.passages!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Passage);
const byDocument = new Map<string, string[]>();
for (const p of passages) {
  const key = p.source_file ?? p.title;
  const lines = p.text.split('\n').map((l) => l.trim());
  byDocument.set(key, [...(byDocument.get(key) ?? []), ...lines]);
}

// A fixed-seed generator, so every run breaks the same places.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

let breaks = 0;
let correct = 0;
let spaceBreaks = 0;
let spaceCorrect = 0;
const started = performance.now();
for (const lines of byDocument.values()) {
  const cases: { parts: string[]; truthSpace: boolean }[] = [];
  for (const line of lines) {
    const chars = [...line];
    if (chars.length < 12 || !/[\uac00-\ud7a3]{2}/.test(line)) continue;
    // A break lands on a character; one that lands on a space is a break between words.
    const at = 2 + Math.floor(random() * (chars.length - 4));
    if (/\s/.test(chars[at]!)) continue;
    const before = chars.slice(0, at).join('');
    const after = chars.slice(at).join('');
    const truthSpace = /\s$/.test(before);
    if (!/[\uac00-\ud7a3]$/.test(before.trimEnd()) || !/^[\uac00-\ud7a3]/.test(after)) continue;
    cases.push({ parts: [before.trim(), after.trim()], truthSpace });
  }
  // The joiner learns from the broken lines themselves, as it does from a real file.
  const paragraphs = cases.map((c) => c.parts);
  const joined = joinWrappedLines(paragraphs, statsFrom(paragraphs));
  cases.forEach((c, i) => {
    const gotSpace = joined[i]!.length > c.parts[0]!.length + c.parts[1]!.length;
    breaks++;
    if (gotSpace === c.truthSpace) correct++;
    if (c.truthSpace) {
      spaceBreaks++;
      if (gotSpace) spaceCorrect++;
    }
  });
}
const result = {
  documents: byDocument.size,
  breaks,
  accuracy: Number((correct / breaks).toFixed(3)),
  space_recall: Number((spaceCorrect / spaceBreaks).toFixed(3)),
  join_recall: Number(((correct - spaceCorrect) / (breaks - spaceBreaks)).toFixed(3)),
  always_join_baseline: Number(((breaks - spaceBreaks) / breaks).toFixed(3)),
  ms: Math.round(performance.now() - started),
};
console.log(JSON.stringify(result));

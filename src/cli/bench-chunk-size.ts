/**
 * `npm run bench:chunk-size -- [--passages FILE] [--questions FILE] [--sizes 300,500,...]`
 * Chooses the chunk size: chunks the pages of a retrieval benchmark at each size, indexes
 * the chunks with LocalIndex, and measures page-level recall (a chunk's hit counts for its
 * page; repeated pages count once, in rank order). Prints one JSON line per size.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chunkSections } from '../ingest/chunker.js';
import { createIndexData, LocalIndex } from '../search/local-index.js';
import type { Chunk, DocumentMeta } from '../types.js';

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '../shared/data/allganize-ko/passages.jsonl' },
    questions: { type: 'string', default: '../shared/data/allganize-ko/questions.jsonl' },
    sizes: { type: 'string', default: '300,500,700,1000,1400,2000,100000' },
  },
});

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

const passages = readJsonl<{ id: string; title: string; text: string }>(values.passages!);
const questions = readJsonl<{ question: string; passage_id?: string; all_gold_passage_ids?: string[] }>(
  values.questions!,
);

for (const size of values.sizes!.split(',').map(Number)) {
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  for (const p of passages) {
    documents.push({ id: p.id, title: p.title, lang: 'ko' });
    chunks.push(...chunkSections(p.id, [{ text: p.text }], { maxChars: size }));
  }
  const index = new LocalIndex(createIndexData(documents, chunks));
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  for (const q of questions) {
    const gold = new Set(q.all_gold_passage_ids?.length ? q.all_gold_passage_ids : [q.passage_id]);
    const pages: string[] = [];
    for (const hit of await index.search(q.question, { limit: 100 })) {
      if (!pages.includes(hit.passage.docId)) pages.push(hit.passage.docId);
      if (pages.length === 10) break;
    }
    const rank = pages.findIndex((id) => gold.has(id));
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 5) r5++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  const n = questions.length;
  const round = (x: number) => Number(x.toFixed(3));
  console.log(
    JSON.stringify({
      chunk_chars: size,
      chunks: chunks.length,
      'R@1': round(r1 / n),
      'R@5': round(r5 / n),
      'MRR@10': round(mrr / n),
    }),
  );
}

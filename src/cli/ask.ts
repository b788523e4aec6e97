/**
 * `npm run ask -- [--corpus DIR | --index FILE] [--json] "question"`
 * Answers one question in process and prints the answer with its sources.
 */
import { formatWarning } from '../ingest/progress.js';
import { DEFAULT_ISOLATION_LIMITS } from './isolated-loader.js';
import { resolve } from 'node:path';
import { fail, parseCli } from './args.js';
import { loadCliConfig } from './dev-vars.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE } from './paths.js';
import { buildIndexFromCorpus, ensureIndex, readIndexFiles } from './index-store.js';
import { LocalIndex, type LocalIndexOptions } from '../search/local-index.js';
import { createServices } from '../services.js';
import { answerDeps } from '../answer/answer-deps.js';
import { answer } from '../answer/pipeline.js';
import type { ChatResponse } from '../types.js';

const USAGE = 'npm run ask -- [--corpus DIR | --index FILE] [--json] "question"';

async function loadIndex(
  corpus: string | undefined,
  index: string | undefined,
  options: LocalIndexOptions,
): Promise<LocalIndex> {
  if (corpus && index) fail('give --corpus or --index, not both');
  if (corpus) {
    const result = await buildIndexFromCorpus(resolve(corpus), {
      embedder: options.embedder,
      onWarning: (w) => process.stderr.write(`${formatWarning(w)}\n`),
      isolation: DEFAULT_ISOLATION_LIMITS,
    });
    return new LocalIndex(result.data, options);
  }
  const file = resolve(index ?? DEFAULT_INDEX_FILE);
  if (!index) await ensureIndex(DEFAULT_CORPUS_DIR, file);
  return readIndexFiles(file, options);
}

function formatSources(response: ChatResponse): string {
  return response.citations
    .map(
      (c) =>
        `[${c.n}] ${c.title}${c.date ? ` (${c.date})` : ''}${c.page !== undefined ? `, p. ${c.page}` : ''} — ${c.id}`,
    )
    .join('\n');
}

async function main() {
  const { values, positionals } = parseCli(USAGE, {
    corpus: { type: 'string' },
    index: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return console.log(`usage: ${USAGE}`);
  const question = positionals.join(' ').trim();
  if (!question) fail(`a question is required\nusage: ${USAGE}`);

  const config = loadCliConfig();
  // With UPSTASH_* set the question goes to Upstash: a local index named here would be ignored.
  if (config.upstash && (values.corpus || values.index)) {
    fail('UPSTASH_VECTOR_REST_URL is set, so questions go to Upstash; drop --corpus/--index or unset it');
  }
  const services = createServices(config, (options) => loadIndex(values.corpus, values.index, options));
  const events = answer({ messages: [{ role: 'user', content: question }] }, await answerDeps(services));
  for await (const event of events) {
    if (event.type === 'token' && !values.json) process.stdout.write(event.text);
    if (event.type !== 'done') continue;
    if (values.json) console.log(JSON.stringify(event.response, null, 2));
    else {
      process.stdout.write('\n');
      const sources = formatSources(event.response);
      if (sources) console.log(`\nSources:\n${sources}`);
    }
  }
}

main().catch((error) => fail((error as Error).message, 1));

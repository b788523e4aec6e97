/**
 * `npm run bench:load -- [--connections 50] [--duration 60] [--root DIR] [--json FILE]`
 *
 * Load against the worker in workerd (`wrangler dev`) answering with a zero-latency fake
 * model: `connections` clients each ask a streamed question, read the SSE to its end and
 * ask again, for `duration` seconds. Prints the errors (non-2xx, failed connections),
 * streams that ended without a `done` event, latency percentiles and workerd's memory at
 * the start and the end. `--root` serves another checkout (to compare builds). Not part of
 * `npm test`: it takes a minute and its figures depend on the machine.
 */
import { writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { fail, parseCli } from './args.js';
import { PROJECT_ROOT } from './paths.js';
import { startWranglerDev } from '../bench/wrangler-dev.js';
import { startFakeOpenAIServer } from '../../test/fakes/openai-server.js';

const USAGE = 'npm run bench:load -- [--connections 50] [--duration 60] [--root DIR] [--json FILE]';
const QUESTIONS = [
  'How much will the National Growth Fund invest in Upstage?',
  '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?',
  'How many AI chips will the Haenam center bring in?',
  '퓨처그래프 대출 규모는?',
];
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function main() {
  const { values } = parseCli(USAGE, {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    root: { type: 'string', default: PROJECT_ROOT },
    json: { type: 'string' },
  });
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  if (!(connections > 0) || !(duration > 0)) fail(`--connections and --duration must be positive\nusage: ${USAGE}`);

  const model = await startFakeOpenAIServer({
    chat: () => 'Upstage gets 5.6 trillion won (about 4.2 billion dollars) [1].',
  });
  const worker = await startWranglerDev({ root: values.root!, vars: { LLM_BASE_URL: model.url } });
  try {
    // One question first, so start-up and the index load are not measured as load.
    await fetch(`${worker.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: QUESTIONS[0] }] }),
    });
    const rssStart = worker.rssBytes();
    let streams = 0;
    let withoutDone = 0;
    const result = await autocannon({
      url: worker.url,
      connections,
      duration,
      requests: QUESTIONS.map((content) => ({
        method: 'POST',
        path: '/api/chat',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ messages: [{ role: 'user', content }], stream: true }),
        onResponse: (status: number, body: string) => {
          streams++;
          if (status === 200 && !/^event: done$/m.test(body)) withoutDone++;
        },
      })),
    });
    const rssEnd = worker.rssBytes();
    const figures = {
      connections,
      duration_s: duration,
      requests: result.requests.total,
      rps_mean: result.requests.average,
      errors: result.errors,
      timeouts: result.timeouts,
      non_2xx: result.non2xx,
      streams_read: streams,
      streams_without_done: withoutDone,
      latency_ms: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      workerd_rss_mib: { start: mib(rssStart), end: mib(rssEnd) },
      model_requests: model.chatRequests().length,
    };
    console.log(`bench:load against ${values.root} (${connections} streaming clients, ${duration} s)`);
    console.log(
      `  requests ${figures.requests} (${figures.rps_mean.toFixed(1)}/s), errors ${figures.errors}, timeouts ${figures.timeouts}, non-2xx ${figures.non_2xx}`,
    );
    console.log(`  streams read ${streams}, without a done event ${withoutDone}`);
    console.log(
      `  latency p50 ${figures.latency_ms.p50} ms, p90 ${figures.latency_ms.p90} ms, p99 ${figures.latency_ms.p99} ms, max ${figures.latency_ms.max} ms`,
    );
    console.log(
      `  workerd memory ${figures.workerd_rss_mib.start} MiB at start, ${figures.workerd_rss_mib.end} MiB at the end`,
    );
    if (values.json) await writeFile(values.json, JSON.stringify(figures, null, 2));
  } finally {
    worker.stop();
    await model.close();
  }
}

main().catch((error) => fail((error as Error).stack ?? String(error), 1));

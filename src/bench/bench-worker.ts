/**
 * The worker as `npm run bench` serves it: the production entry, plus two baselines built
 * from the same modules in the same bundle (issue 14), so their ratios measure our work:
 * - `GET /bench/hono`: a bare Hono route;
 * - `POST /bench/passthrough` `{"question","stream"?}`: the question straight to the
 *   configured ChatOpenAI, as JSON or as SSE `token` events, nothing else.
 * Not deployed: wrangler.toml's entry is src/worker.ts.
 */
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { HumanMessage } from '@langchain/core/messages';
import worker from '../worker.js';
import { parseConfig } from '../config.js';
import { createChatModel } from '../answer/model-factory.js';

export { RateLimiterObject } from '../worker.js';

const model = createChatModel(parseConfig(env as unknown as Record<string, unknown>));
const baselines = new Hono();

baselines.get('/bench/hono', (c) => c.json({ status: 'ok' }));

baselines.post('/bench/passthrough', async (c) => {
  const { question, stream } = (await c.req.json()) as { question: string; stream?: boolean };
  const messages = [new HumanMessage(question)];
  if (!stream) {
    const reply = await model.invoke(messages);
    return c.json({ answer: reply.content });
  }
  return streamSSE(c, async (sse) => {
    for await (const chunk of await model.stream(messages)) {
      if (typeof chunk.content === 'string' && chunk.content) {
        await sse.writeSSE({ event: 'token', data: JSON.stringify({ text: chunk.content }) });
      }
    }
    await sse.writeSSE({ event: 'done', data: '{}' });
  });
});

export default {
  fetch(request: Request, env: unknown, ctx: ExecutionContext) {
    const { pathname } = new URL(request.url);
    return pathname.startsWith('/bench/')
      ? baselines.fetch(request, env, ctx)
      : worker.fetch(request, env as never, ctx);
  },
} satisfies ExportedHandler;

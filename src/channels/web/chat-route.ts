import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppServices } from '../../services.js';
import { answer, answerToCompletion } from '../../answer/pipeline.js';
import { UpstreamError } from '../../answer/errors.js';
import { chatRequestSchema } from './chat-schema.js';
import { readJsonBody } from '../json-body.js';
import { errorBody } from '../../http-error.js';

function wantsStream(streamFlag: boolean | undefined, accept: string | undefined): boolean {
  return streamFlag ?? /\btext\/event-stream\b/i.test(accept ?? '');
}

/**
 * `POST /api/chat` (DESIGN.md, "HTTP"): JSON in, the answer as JSON, or as SSE events
 * `token`, `citations`, `done` (the whole response) and `error` when asked to stream.
 */
export function chatRoute(services: AppServices) {
  const app = new Hono();
  app.post('/api/chat', async (c) => {
    const body = await readJsonBody(c, chatRequestSchema);
    const request = { messages: body.messages, filters: body.filters, lang: body.lang, signal: c.req.raw.signal };
    const deps = { retriever: await services.retriever(), model: services.model };

    if (!wantsStream(body.stream, c.req.header('accept'))) {
      const { response } = await answerToCompletion(request, deps);
      return c.json(response);
    }

    return streamSSE(c, async (stream) => {
      try {
        for await (const event of answer(request, deps)) {
          if (event.type === 'token')
            await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: event.text }) });
          else if (event.type === 'citations') {
            await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: event.citations }) });
          } else await stream.writeSSE({ event: 'done', data: JSON.stringify(event.response) });
        }
      } catch (error) {
        // Headers are sent: the failure travels as an `error` event, then the stream ends.
        const e = error instanceof UpstreamError ? error : undefined;
        const body = errorBody(e?.code ?? 'internal_error', e?.message ?? 'the answer failed');
        if (!e) console.error('chat stream failed', error);
        await stream.writeSSE({ event: 'error', data: JSON.stringify(body) });
      }
    });
  });
  return app;
}

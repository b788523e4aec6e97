import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppServices } from '../../services.js';
import { answer, answerToCompletion, lastUserQuestion, type AnswerEvent } from '../../answer/pipeline.js';
import { answerDeps } from '../../answer/answer-deps.js';
import { UpstreamError, errorBody } from '../../errors.js';
import { chatRequestSchema } from './chat-schema.js';
import { readJsonBody } from '../json-body.js';
import { logAnswerInBackground } from '../../answer-log/record-answer.js';
import type { AnswerChannel } from '../../answer-log/types.js';

function wantsStream(streamFlag: boolean | undefined, accept: string | undefined): boolean {
  return streamFlag ?? /\btext\/event-stream\b/i.test(accept ?? '');
}

function toSse(event: AnswerEvent): { event: string; data: string } {
  switch (event.type) {
    case 'token':
      return { event: 'token', data: JSON.stringify({ text: event.text }) };
    case 'citations':
      return { event: 'citations', data: JSON.stringify({ citations: event.citations }) };
    case 'done':
      return { event: 'done', data: JSON.stringify(event.response) };
  }
}

/**
 * A browser always sends `Origin` on a POST (https://fetch.spec.whatwg.org/#origin-header),
 * and the API guard has already refused origins that are not ours or WIDGET_ORIGINS: so a
 * call with one comes from the chat page or the widget, and one without from a program.
 */
function channelOf(origin: string | undefined): AnswerChannel {
  return origin ? 'web' : 'api';
}

/**
 * `POST /api/chat` (DESIGN.md, "HTTP"): JSON in, the answer as JSON, or as SSE events
 * `token`, `citations`, `done` (the whole response) and `error` when asked to stream.
 */
export function chatRoute(services: AppServices) {
  const app = new Hono();
  app.post('/api/chat', async (c) => {
    const startedAt = Date.now();
    const body = await readJsonBody(c, chatRequestSchema);
    const request = { messages: body.messages, filters: body.filters, lang: body.lang, signal: c.req.raw.signal };
    const deps = await answerDeps(services);
    const logged = {
      channel: channelOf(c.req.header('origin')),
      question: lastUserQuestion(body.messages).question,
      startedAt,
    };

    if (!wantsStream(body.stream, c.req.header('accept'))) {
      const { response } = await answerToCompletion(request, deps);
      logAnswerInBackground(c, services, { ...logged, response });
      return c.json(response);
    }

    // Wait for the first event before answering: a model that fails before its first
    // token (rate limit, timeout, bad key) still gets an honest HTTP status and JSON error.
    const events = answer(request, deps);
    const first = await events.next();

    return streamSSE(c, async (stream) => {
      try {
        const send = async (event: AnswerEvent) => {
          await stream.writeSSE(toSse(event));
          if (event.type === 'done') logAnswerInBackground(c, services, { ...logged, response: event.response });
        };
        if (!first.done) await send(first.value);
        for await (const event of events) await send(event);
      } catch (error) {
        // Headers are sent: the failure travels as an `error` event, then the stream ends.
        const e = error instanceof UpstreamError ? error : undefined;
        if (e) console.warn(`POST /api/chat (stream): ${e.message}`);
        else console.error('chat stream failed', error);
        const data = errorBody(e?.code ?? 'internal_error', e?.message ?? 'the answer failed');
        await stream.writeSSE({ event: 'error', data: JSON.stringify(data) });
      }
    });
  });
  return app;
}

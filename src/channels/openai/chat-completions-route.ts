/**
 * `POST /v1/chat/completions` (https://platform.openai.com/docs/api-reference/chat/create):
 * the question goes through `answer()` like every channel's; the answer comes back in
 * OpenAI's shapes, as one `chat.completion` or as `chat.completion.chunk` SSE `data:`
 * lines ending with `data: [DONE]`.
 */
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { AppServices } from '../../services.js';
import { answer, answerToCompletion, lastUserQuestion } from '../../answer/pipeline.js';
import { answerDeps } from '../../answer/answer-deps.js';
import { newAnswerId } from '../../answer/answer-id.js';
import { AppError, UpstreamError } from '../../errors.js';
import { readChatCompletionRequest } from './request-schema.js';
import { toConversation } from './conversation.js';
import { sourcesList } from './sources-list.js';
import { openAIErrorBody } from './openai-error.js';
import { logAnswerInBackground } from '../../answer-log/record-answer.js';
import {
  chatCompletion,
  completionMeta,
  contentChunk,
  finishChunk,
  roleChunk,
  usageChunk,
  type CompletionMeta,
} from './completion.js';

const send = (stream: SSEStreamingApi, data: unknown) => stream.writeSSE({ data: JSON.stringify(data) });

/**
 * A failure after the stream started: OpenAI sends it as a last `data: {"error":…}` line,
 * on which the openai SDKs raise `APIError`.
 */
function streamFailure(error: unknown) {
  if (error instanceof UpstreamError) console.warn(`POST /v1/chat/completions (stream): ${error.message}`);
  else console.error('chat completion stream failed', error);
  return openAIErrorBody(
    error instanceof AppError ? error : { status: 500, code: 'internal_error', message: 'the answer failed' },
  );
}

export function chatCompletionsRoute(services: AppServices) {
  const app = new Hono();
  const modelId = services.config.openaiModelId;

  app.post('/v1/chat/completions', async (c) => {
    const startedAt = Date.now();
    const body = await readChatCompletionRequest(c);
    // Made here, not by answer(): a stream's first chunk carries it, before the answer ends.
    const id = newAnswerId();
    const messages = toConversation(body.messages);
    const request = { id, messages, signal: c.req.raw.signal };
    const deps = await answerDeps(services);
    const includeUsage = Boolean(body.stream && body.stream_options?.include_usage);
    const meta: CompletionMeta = completionMeta(modelId, includeUsage, id);
    const logged = { channel: 'openai' as const, question: lastUserQuestion(messages).question, startedAt };

    if (!body.stream) {
      const { response } = await answerToCompletion(request, deps);
      logAnswerInBackground(c, services, { ...logged, response });
      return c.json(chatCompletion(meta, response));
    }

    // Wait for the first event before answering: a model that fails before its first
    // token (rate limit, timeout, bad key) still gets an honest HTTP status and error body.
    const events = answer(request, deps);
    const first = await events.next();

    return streamSSE(c, async (stream) => {
      try {
        await send(stream, roleChunk(meta));
        for (let next = first; !next.done; next = await events.next()) {
          const event = next.value;
          if (event.type === 'token') await send(stream, contentChunk(meta, event.text));
          if (event.type !== 'done') continue;
          const { response } = event;
          logAnswerInBackground(c, services, { ...logged, response });
          const sources = sourcesList(response.citations, response.language);
          if (sources) await send(stream, contentChunk(meta, sources));
          await send(stream, finishChunk(meta, response));
          if (includeUsage) await send(stream, usageChunk(meta, response));
        }
      } catch (error) {
        await send(stream, streamFailure(error));
      }
      await stream.writeSSE({ data: '[DONE]' });
    });
  });
  return app;
}

/**
 * A fake OpenAI-compatible server on loopback HTTP, speaking the real wire format
 * (https://platform.openai.com/docs/api-reference/chat): `POST /v1/chat/completions` as JSON
 * or as SSE `data:` chunks ending with `data: [DONE]` (with a usage chunk when
 * `stream_options.include_usage` asks for it), `POST /v1/embeddings` (float arrays, or
 * base64 Float32 when asked `encoding_format: "base64"`, as the openai SDK does) and
 * `GET /v1/models`. Errors use OpenAI's `{"error":{"message","type","code"}}` body.
 *
 * Tests script replies per request (a 429 with Retry-After, a 500, a hang, a malformed
 * chunk…) and read back every request the server received.
 *
 * @example
 * const fake = await startFakeOpenAIServer({ chat: () => 'The answer [1].' });
 * const model = createChatModel(parseConfig({ LLM_BASE_URL: fake.url }));
 * fake.enqueue({ type: 'status', status: 429, headers: { 'retry-after': '1' } });
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatCompletionRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** `performance.now()` when the request arrived: lets tests measure waits between retries. */
  receivedAt: number;
  /** `performance.now()` when the client hung up before the reply ended, if it did. */
  abortedAt?: number;
}

export type FakeReply =
  /** A normal completion: JSON, or SSE chunks of `chunkChars` characters when streamed. */
  | { type: 'answer'; content: string; chunkChars?: number; usage?: FakeUsage; finishReason?: 'stop' | 'length' }
  /** An HTTP error with OpenAI's error body (or `body` as given). */
  | { type: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Accepts the request and never answers. */
  | { type: 'hang' }
  /** Closes the connection without any response, as a crashed or restarting server does. */
  | { type: 'reset' }
  /** Streams `content`, then stops sending without ending the response. */
  | { type: 'stall'; content: string }
  /** Streams `content`, then a chunk that is not JSON. */
  | { type: 'malformed'; content?: string }
  /** Streams `content`, then an `{"error":…}` chunk, as OpenAI does when a stream fails. */
  | { type: 'stream-error'; content?: string; message: string }
  /** Streams `content`, then drops the connection. */
  | { type: 'drop'; content: string }
  /** A runaway model: streams `piece` again and again (or sends it repeated as one JSON answer of `jsonBytes`) until the client hangs up. */
  | { type: 'endless'; piece: string; jsonBytes?: number };

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface FakeOpenAIServerOptions {
  /** The reply to a chat request nothing was enqueued for. Default: a fixed sentence. */
  chat?: (request: ChatCompletionRequest) => FakeReply | string;
  /** Embedding of one input text. Default: hashed character bigrams, unit length. */
  embed?: (text: string, dimensions: number) => number[];
  /** Embedding size when the request names none. */
  dimensions?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Test-only GET routes outside `/v1` (e.g. counters for tests that cannot reach this object). */
  control?: (path: string) => unknown;
}

export interface FakeOpenAIServer {
  /** Base URL including `/v1`, as `LLM_BASE_URL` takes it. */
  url: string;
  requests: RecordedRequest[];
  /** Chat completion requests only, with their parsed bodies. */
  chatRequests(): ChatCompletionRequest[];
  /** Replies used, in order, by the next chat requests (before falling back to `chat`). */
  enqueue(...replies: FakeReply[]): void;
  /** Forgets recorded requests and replies not yet used, between tests. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_ANSWER = 'This is a fake answer.';
const DEFAULT_DIMENSIONS = 64;

/** Rough token count for the usage block: about four characters a token, as OpenAI's docs estimate. */
const countTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function usageFor(request: ChatCompletionRequest, content: string): FakeUsage {
  const prompt = countTokens(request.messages.map((m) => m.content).join('\n'));
  const completion = countTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function errorJson(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function chunkText(text: string, size: number): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

/** Deterministic bag-of-bigrams vector: similar texts get similar vectors, which is enough for retrieval tests. */
export function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const chars = [...text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ')];
  for (let i = 0; i + 1 < chars.length; i++) {
    let hash = 2166136261;
    for (const ch of chars[i]! + chars[i + 1]!) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619);
    vector[(hash >>> 0) % dimensions]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

function toBase64Float32(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let ids = 0;

  function streamChat(res: ServerResponse, request: ChatCompletionRequest, reply: FakeReply) {
    const id = `chatcmpl-fake-${++ids}`;
    const created = Math.floor(Date.now() / 1000);
    const frame = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices, ...extra })}\n\n`;
    const delta = (content: string) => frame([{ index: 0, delta: { content }, logprobs: null, finish_reason: null }]);

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(frame([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]));
    const content = 'content' in reply && reply.content ? reply.content : '';
    const size = reply.type === 'answer' ? (reply.chunkChars ?? 8) : 8;
    for (const piece of chunkText(content, size)) res.write(delta(piece));

    switch (reply.type) {
      case 'endless': {
        // Write while the client reads (respecting backpressure) until it goes away.
        const more = () => {
          while (!res.destroyed && res.write(delta(reply.piece)));
          if (!res.destroyed) res.once('drain', more);
        };
        more();
        return;
      }
      case 'answer': {
        res.write(frame([{ index: 0, delta: {}, logprobs: null, finish_reason: reply.finishReason ?? 'stop' }]));
        if (request.stream_options?.include_usage) {
          res.write(frame([], { usage: reply.usage ?? usageFor(request, content) }));
        }
        res.end('data: [DONE]\n\n');
        return;
      }
      case 'stall':
        return; // headers and some chunks sent; nothing more, ever
      case 'malformed':
        res.end('data: {"id":"broken","choices":[{"delta":{"content":"x"\n\ndata: [DONE]\n\n');
        return;
      case 'stream-error':
        res.end(`data: ${JSON.stringify(errorJson(reply.message, 'server_error', null))}\n\n`);
        return;
      case 'drop':
        // Let the chunks reach the client first, or it sees a failed connection instead.
        setTimeout(() => res.socket?.destroy(), 20);
        return;
    }
  }

  function answerChat(res: ServerResponse, request: ChatCompletionRequest) {
    const fallback = options.chat?.(request) ?? DEFAULT_ANSWER;
    const reply: FakeReply =
      queue.shift() ?? (typeof fallback === 'string' ? { type: 'answer', content: fallback } : fallback);

    if (reply.type === 'hang') return;
    if (reply.type === 'reset') return void res.socket?.destroy();
    if (reply.type === 'status') {
      const body =
        reply.body ??
        errorJson(
          `fake upstream error ${reply.status}`,
          reply.status === 429 ? 'rate_limit_exceeded' : 'server_error',
          reply.status === 429 ? 'rate_limit_exceeded' : null,
        );
      sendJson(res, reply.status, body, reply.headers);
      return;
    }
    if (request.stream) return streamChat(res, request, reply);
    if (reply.type === 'endless') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const content = reply.piece.repeat(Math.ceil((reply.jsonBytes ?? 20e6) / reply.piece.length));
      res.end(
        JSON.stringify({
          id: 'chatcmpl-huge',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        }),
      );
      return;
    }
    if (reply.type !== 'answer') {
      // Stream-only failures on a JSON request: send headers, then misbehave the same way.
      if (reply.type === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"broken","choices":[');
      } else if (reply.type === 'drop') {
        // Headers and half a body, then the connection goes: cut mid-answer, as in a stream.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"id":"chatcmpl-cut","choices":[{"message":{"content":${JSON.stringify(reply.content)}`);
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (reply.type === 'stream-error') sendJson(res, 500, errorJson(reply.message, 'server_error', null));
      return;
    }
    sendJson(res, 200, {
      id: `chatcmpl-fake-${++ids}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.content, refusal: null },
          logprobs: null,
          finish_reason: reply.finishReason ?? 'stop',
        },
      ],
      usage: reply.usage ?? usageFor(request, reply.content),
    });
  }

  function answerEmbeddings(res: ServerResponse, body: Record<string, unknown>) {
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    if (inputs.length === 0 || inputs.some((i) => typeof i !== 'string')) {
      return sendJson(
        res,
        400,
        errorJson('input must be a string or an array of strings', 'invalid_request_error', null),
      );
    }
    const dimensions =
      typeof body.dimensions === 'number' ? body.dimensions : (options.dimensions ?? DEFAULT_DIMENSIONS);
    const embed = options.embed ?? hashedEmbedding;
    const base64 = body.encoding_format === 'base64';
    sendJson(res, 200, {
      object: 'list',
      data: (inputs as string[]).map((text, index) => {
        const vector = embed(text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? toBase64Float32(vector) : vector };
      }),
      model: body.model,
      usage: { prompt_tokens: countTokens(inputs.join(' ')), total_tokens: countTokens(inputs.join(' ')) },
    });
  }

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return sendJson(res, 400, errorJson('request body is not valid JSON', 'invalid_request_error', null));
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      receivedAt: performance.now(),
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.abortedAt = performance.now();
    });

    const controlled = req.method === 'GET' ? options.control?.(path) : undefined;
    if (controlled !== undefined) return sendJson(res, 200, controlled);
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, errorJson('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'));
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      return answerChat(res, body as ChatCompletionRequest);
    }
    if (req.method === 'POST' && path === '/v1/embeddings')
      return answerEmbeddings(res, body as Record<string, unknown>);
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'fake' }] });
    }
    sendJson(res, 404, errorJson(`Unknown request URL: ${req.method} ${path}`, 'invalid_request_error', 'unknown_url'));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () =>
      requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatCompletionRequest),
    enqueue: (...replies) => void queue.push(...replies),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging and stalled replies keep sockets open; close them so the test run can end.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

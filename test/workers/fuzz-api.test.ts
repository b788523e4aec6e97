/**
 * The HTTP API under random requests, in workerd (issue 10): whatever arrives, the worker
 * answers within a bound, never with a 5xx, and every error is the JSON error of
 * DESIGN.md (OpenAI's shape on /v1). Replay a failure with FUZZ_SEED (see test/helpers/fuzz.ts).
 */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzParameters } from '../helpers/fuzz.js';

const worker = exports.default as { fetch(request: Request): Promise<Response> };
const BASE = 'http://127.0.0.1:8787';
/** An answer over the sample corpus takes milliseconds; this only catches a hang. */
const MAX_RESPONSE_MS = 10_000;

const PATHS = [
  '/api/chat',
  '/api/chat/',
  '/api/feedback',
  '/v1/chat/completions',
  '/v1/models',
  '/health',
  '/',
  '/widget.js',
  '/sources/x',
  '/nope',
  '/api/%ZZ',
  '/api/chat?stream=1',
];
const questionText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '업스테이지 투자 금액은?',
    'How many AI chips in Haenam?',
    '<img src=x onerror=alert(1)>',
    '[1] [2]',
    '\u0000',
    '  ',
  ),
);
const message = fc.record(
  {
    role: fc.oneof(fc.constantFrom('user', 'assistant', 'system', 'tool'), fc.string()),
    content: fc.oneof(
      questionText,
      fc.integer(),
      fc.constant(null),
      fc.array(fc.record({ type: fc.constant('text'), text: questionText })),
    ),
  },
  { requiredKeys: [] },
);
const chatBody = fc.record(
  {
    messages: fc.oneof(fc.array(message, { maxLength: 6 }), fc.string(), fc.constant(null)),
    stream: fc.oneof(fc.boolean(), fc.string()),
    lang: fc.oneof(fc.constantFrom('ko', 'en', 'fr'), fc.integer()),
    filters: fc.oneof(
      fc.record(
        {
          dateFrom: fc.constantFrom('2026-01-01', '2026-02-31', 'x', '9999-99-99'),
          lang: fc.constantFrom('ko', 'en', 'zz'),
          tags: fc.array(fc.string(), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    model: fc.string(),
    n: fc.integer({ min: -1, max: 3 }),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { arbitrary: chatBody.map((b) => JSON.stringify(b)), weight: 4 },
  fc.json(),
  fc.string({ maxLength: 500 }),
  fc.uint8Array({ maxLength: 500 }).map((bytes) => new TextDecoder().decode(bytes)),
  fc.nat({ max: 64 }).map((depth) => '['.repeat(depth * 100) + ']'.repeat(depth * 100)),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  path: fc.oneof({ arbitrary: fc.constantFrom(...PATHS), weight: 8 }, { arbitrary: fc.webPath(), weight: 1 }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
    'application/vnd.api+json',
  ),
  accept: fc.constantFrom('*/*', 'text/event-stream', 'application/json'),
  body,
});

/** Well-formed questions with odd text: these reach the answer pipeline itself. */
const chatRequest = fc.record({
  method: fc.constant('POST'),
  path: fc.constantFrom('/api/chat', '/v1/chat/completions'),
  contentType: fc.constant('application/json'),
  accept: fc.constantFrom('application/json', 'text/event-stream'),
  body: fc
    .record({ content: questionText, stream: fc.boolean(), history: fc.array(questionText, { maxLength: 3 }) })
    .map(({ content, stream, history }) =>
      JSON.stringify({
        messages: [
          ...history.flatMap((h) => [
            { role: 'user', content: h },
            { role: 'assistant', content: h },
          ]),
          { role: 'user', content },
        ],
        stream,
      }),
    ),
});

describe('the API under random requests', () => {
  // The first request loads the worker's modules and index in the test pool: not the fuzzer's to time.
  beforeAll(() => worker.fetch(new Request(`${BASE}/health`)), 60_000);

  it('never answers 5xx, always a JSON error, never hangs', async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(request, chatRequest), async (r) => {
        sent++;
        const headers: Record<string, string> = { accept: r.accept };
        if (r.contentType) headers['content-type'] = r.contentType;
        const init: RequestInit = { method: r.method, headers };
        if (!['GET', 'HEAD', 'OPTIONS'].includes(r.method)) init.body = r.body;
        let url: string;
        try {
          url = new URL(r.path, BASE).href;
        } catch {
          return; // not a URL any client could send
        }
        if (!url.startsWith(`${BASE}/`)) return; // '//host' paths name another server
        const res = await Promise.race([
          worker.fetch(new Request(url, init)).then(async (res) => ({ res, text: await res.text() })),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no answer in ${MAX_RESPONSE_MS} ms`)), MAX_RESPONSE_MS),
          ),
        ]);
        statuses.set(res.res.status, (statuses.get(res.res.status) ?? 0) + 1);
        expect(res.res.status, `${r.method} ${r.path}`).toBeLessThan(500);
        if (res.res.status >= 400) {
          expect(res.res.headers.get('content-type'), `${r.method} ${r.path}`).toContain('application/json');
          const error = (JSON.parse(res.text) as { error: Record<string, unknown> }).error;
          expect(typeof error.message).toBe('string');
          expect(typeof error.code).toBe('string');
        }
      }),
      fuzzParameters('HTTP API', 250),
    );
    // Most requests must reach the handlers, or the run says little about them.
    console.log(`HTTP API: ${sent} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

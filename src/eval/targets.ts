/**
 * What an eval run asks: the `answer()` pipeline in this process, or a deployment's
 * `POST /api/chat`. Both return the response plus the ranked documents the answer was
 * built from, so one grader serves both.
 */
import * as z from 'zod';
import { answerToCompletion, type AnswerDeps } from '../answer/pipeline.js';
import type { ChatMessage, Passage } from '../types.js';
import type { GoldenCase } from './golden.js';
import type { ContextDocument, TargetReply } from './types.js';

/** What hit@k and MRR are measured on: see `inProcessTarget` and `endpointTarget`. */
export type Ranking = 'retrieved passages' | 'cited documents';

export interface EvalTarget {
  /** Shown in reports: `corpus …` or `endpoint …`. */
  describe: string;
  ranking: Ranking;
  ask(golden: GoldenCase, signal?: AbortSignal): Promise<TargetReply>;
}

function messagesOf(golden: GoldenCase): ChatMessage[] {
  return [...(golden.history ?? []), { role: 'user', content: golden.question }];
}

const unique = (ids: string[]) => [...new Set(ids)];

function contextOf(passages: Passage[]): ContextDocument[] {
  return passages.map((p) => ({ id: p.docId, title: p.title, text: p.text }));
}

/**
 * The pipeline in process. Ranking: the pipeline's passages in retrieval order, reduced
 * to documents (the first passage of a document gives its rank).
 */
export function inProcessTarget(deps: AnswerDeps, describe: string): EvalTarget {
  return {
    describe,
    ranking: 'retrieved passages',
    async ask(golden, signal) {
      const { response, passages } = await answerToCompletion({ messages: messagesOf(golden), signal }, deps);
      return { response, ranked: unique(passages.map((p) => p.docId)), context: contextOf(passages) };
    },
  };
}

const citationSchema = z.object({
  n: z.number(),
  id: z.string(),
  title: z.string(),
  date: z.string().optional(),
  url: z.string().optional(),
  page: z.number().optional(),
  snippet: z.string(),
});

const chatResponseSchema = z.object({
  answer: z.string(),
  language: z.enum(['ko', 'en']),
  citations: z.array(citationSchema),
  refused: z.boolean(),
});

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class EndpointError extends Error {
  override name = 'EndpointError';
}

export interface EndpointTargetOptions {
  /** Base URL of a running deployment, e.g. http://127.0.0.1:8787. */
  url: string;
  /** Sent as `Authorization: Bearer …` (the first of API_KEYS). */
  apiKey?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A slow hosted model answers within tens of seconds; beyond this the case is a failure. */
export const DEFAULT_ENDPOINT_TIMEOUT_MS = 60_000;

/**
 * A running deployment's `POST /api/chat`. Over HTTP the retrieved passages are not
 * visible, so the ranking is the cited documents in citation order (`n` follows the
 * retrieval order): hit@k then measures whether a gold source was cited.
 */
export function endpointTarget(options: EndpointTargetOptions): EvalTarget {
  const doFetch = options.fetch ?? fetch;
  const endpoint = new URL('/api/chat', options.url).toString();
  const timeoutMs = options.timeoutMs ?? DEFAULT_ENDPOINT_TIMEOUT_MS;
  return {
    describe: `endpoint ${options.url}`,
    ranking: 'cited documents',
    async ask(golden, signal) {
      const timeout = AbortSignal.timeout(timeoutMs);
      let res: Response;
      try {
        res = await doFetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({ messages: messagesOf(golden) }),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        const reason = timeout.aborted ? `no response within ${timeoutMs} ms` : (error as Error).message;
        throw new EndpointError(`POST ${endpoint}: ${reason}`);
      }
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new EndpointError(`POST ${endpoint}: HTTP ${res.status}, not JSON`);
      }
      if (!res.ok) {
        const parsed = errorBodySchema.safeParse(body);
        const detail = parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : 'no error body';
        throw new EndpointError(`POST ${endpoint}: HTTP ${res.status} (${detail})`);
      }
      const parsed = chatResponseSchema.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        throw new EndpointError(`POST ${endpoint}: response ${first.path.join('.') || 'body'} ${first.message}`);
      }
      const response: TargetReply['response'] = parsed.data;
      const ordered = [...response.citations].sort((a, b) => a.n - b.n);
      return {
        response,
        ranked: unique(ordered.map((c) => c.id)),
        context: ordered.map((c) => ({ id: c.id, title: c.title, text: c.snippet })),
      };
    },
  };
}

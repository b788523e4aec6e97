/**
 * The channels' hook into the answer log: one call after an answer is complete. The write
 * runs after the response (`waitUntil`), and a failed write is a log line, never a failed
 * or delayed answer (issue 16).
 */
import type { Context } from 'hono';
import type { AppServices } from '../services.js';
import { describeMode } from '../config.js';
import type { ChatResponse } from '../types.js';
import type { AnswerChannel, LoggedAnswer } from './types.js';

export interface AnswerRecord {
  channel: AnswerChannel;
  question: string;
  /** `Date.now()` when the request came in: latency is counted from there. */
  startedAt: number;
  response: ChatResponse;
  /** Slack: the asker's hashed user id. */
  asker?: string;
}

export function toLoggedAnswer(
  services: Pick<AppServices, 'config'>,
  record: AnswerRecord,
  now = Date.now(),
): LoggedAnswer {
  const { response, channel, question, startedAt, asker } = record;
  const model = services.config.llm?.model;
  return {
    id: response.id,
    askedAt: startedAt,
    channel,
    question,
    language: response.language,
    refused: response.refused,
    documents: [...new Set(response.citations.map((c) => c.id))],
    latencyMs: now - startedAt,
    modelMode: describeMode(services.config).llm,
    ...(model ? { model } : {}),
    ...(asker ? { asker } : {}),
  };
}

/**
 * Writes one answer to the log when there is one (the worker's D1; none in the Node CLI
 * and most Node tests, where answers are not logged). Never rejects.
 */
export async function recordAnswer(
  services: Pick<AppServices, 'config' | 'answerLog'>,
  record: AnswerRecord,
): Promise<void> {
  if (!services.answerLog) return;
  try {
    await services.answerLog.record(toLoggedAnswer(services, record));
  } catch (error) {
    // The name and message of a D1 error say what broke (a missing table, a full database);
    // the question stays out of the log line.
    const e = error as Error;
    console.warn(`answer log: answer ${record.response.id} not recorded: ${e?.name ?? 'error'}: ${e?.message ?? ''}`);
  }
}

/**
 * Runs `work` after the response is sent: under `waitUntil` in workerd; in Node without an
 * execution context (app.request in tests) the promise simply runs on, since the process
 * outlives it.
 */
export function afterResponse(c: Context, work: Promise<void>): void {
  let executionCtx;
  try {
    executionCtx = c.executionCtx;
  } catch {
    return; // Hono throws when the runtime gave no execution context.
  }
  executionCtx.waitUntil(work);
}

/** `recordAnswer` after the response: what the HTTP channels call. */
export function logAnswerInBackground(
  c: Context,
  services: Pick<AppServices, 'config' | 'answerLog'>,
  record: AnswerRecord,
): void {
  afterResponse(c, recordAnswer(services, record));
}

import { beforeAll } from 'vitest';

/** How long the worker may take to start and load its index on a busy machine. */
const START_TIMEOUT_MS = 60_000;

/**
 * Sends the worker its first request before a file's tests: that request starts the worker
 * and loads the index, which can take longer than one test may on a loaded machine.
 */
export function startWorkerFirst(worker: { fetch(request: Request): Promise<Response> }) {
  beforeAll(() => worker.fetch(new Request('http://127.0.0.1:8787/health')), START_TIMEOUT_MS);
}

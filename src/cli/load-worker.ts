/**
 * The worker thread behind IsolatedLoader: loads the files it is sent, one at a time, and
 * answers with the document or the reason it was skipped.
 */
import { parentPort } from 'node:worker_threads';
import { getResolvedPDFJS } from 'unpdf';
import { loadDocument } from '../ingest/loaders.js';
import { SkipFileError } from '../ingest/types.js';

export type LoadRequest = { id: number; path: string; bytes: Uint8Array };
export type LoadReply =
  | { ready: true }
  | { id: number; document: Awaited<ReturnType<typeof loadDocument>> }
  | { id: number; skipped: string }
  | { id: number; failed: string };

parentPort!.on('message', async ({ id, path, bytes }: LoadRequest) => {
  let reply: LoadReply;
  try {
    reply = { id, document: await loadDocument({ path, bytes }) };
  } catch (error) {
    const message = String((error as Error)?.message ?? error).split('\n')[0]!;
    reply = error instanceof SkipFileError ? { id, skipped: message } : { id, failed: message };
  }
  parentPort!.postMessage(reply);
});

// Loading the loaders takes a while, pdf.js above all (unpdf imports its 1.4 MB bundle on
// first use: seconds and ~200 MB): a file's clock and memory baseline start after it.
await getResolvedPDFJS();
parentPort!.postMessage({ ready: true } satisfies LoadReply);

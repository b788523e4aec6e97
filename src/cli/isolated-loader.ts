import { Worker } from 'node:worker_threads';
import type { LoadedDocument, SourceFile } from '../ingest/types.js';
import { SkipFileError } from '../ingest/types.js';
import type { LoadReply } from './load-worker.js';

export interface IsolationLimits {
  /** The worker's V8 heap (old generation), in MB. */
  heapMb: number;
  /**
   * How much the process's resident memory may grow while one file loads, in MB: typed
   * arrays (pdf.js's decoded streams) live outside the V8 heap and its limit.
   */
  rssGrowthMb: number;
  /** Wall-clock time one file may take, in ms. */
  timeoutMs: number;
}

/**
 * Generous for real documents (a shared 7-page FSC PDF takes 2-3 s and about 30 MB):
 * a limit is a backstop against files that make pdf.js work without end, not a budget.
 */
export const DEFAULT_ISOLATION_LIMITS: IsolationLimits = { heapMb: 1024, rssGrowthMb: 1536, timeoutMs: 120_000 };

/** How often the main thread looks at the process's memory while a file loads. */
const WATCH_EVERY_MS = 100;
const WORKER_ENTRY = new URL('./load-worker-entry.mjs', import.meta.url);

/**
 * Loads files in a worker thread that can be stopped: pdf.js (unpdf) runs its parser in
 * the thread that calls it and yields only to microtasks, so a hostile PDF (a content
 * stream inflating to gigabytes of operators) can neither be timed out nor limited in
 * place (issue 10). Here the worker's heap is capped (`resourceLimits`), and the main
 * thread, idle meanwhile, stops the worker when a file takes too long or the process's
 * memory grows too much; the file is then skipped with the reason, and the next file gets
 * a fresh worker. Node-only, so it lives in cli/ and is handed to ingest as its loader.
 */
export class IsolatedLoader {
  private running: { worker: Worker; ready: Promise<void> } | undefined;
  private nextId = 0;

  constructor(private readonly limits: IsolationLimits = DEFAULT_ISOLATION_LIMITS) {}

  async load(file: SourceFile): Promise<LoadedDocument> {
    const { worker, ready } = (this.running ??= this.start());
    worker.ref();
    await ready;
    const id = ++this.nextId;
    const { heapMb, rssGrowthMb, timeoutMs } = this.limits;
    const baseline = process.memoryUsage.rss();
    return new Promise<LoadedDocument>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        clearInterval(watch);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const stop = (reason: string) => {
        finish();
        void this.discard(worker);
        reject(new SkipFileError(reason));
      };
      const timer = setTimeout(
        () => stop(`reading took longer than ${Math.round(timeoutMs / 1000)} s; stopped`),
        timeoutMs,
      );
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > rssGrowthMb * 1024 * 1024) {
          stop(`reading needed more than ${rssGrowthMb} MB of memory; stopped`);
        }
      }, WATCH_EVERY_MS);
      const onMessage = (reply: LoadReply) => {
        if ('ready' in reply || reply.id !== id) return;
        finish();
        if ('document' in reply) resolve(reply.document);
        else if ('skipped' in reply) reject(new SkipFileError(reply.skipped));
        else reject(new Error(reply.failed));
      };
      const onError = (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        stop(
          outOfMemory ? `reading needed more than ${heapMb} MB of heap; stopped` : `reader failed (${error.message})`,
        );
      };
      const onExit = () => stop('reader stopped unexpectedly');
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, path: file.path, bytes: file.bytes });
    });
  }

  /** Stops the worker; the loader can still be used (it starts another). */
  async close(): Promise<void> {
    if (this.running) await this.discard(this.running.worker);
  }

  /** A worker, and when it has loaded the loaders; a worker that dies starting fails `ready`. */
  private start(): { worker: Worker; ready: Promise<void> } {
    const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb } });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: LoadReply) => {
        if (!('ready' in reply)) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    const running = { worker, ready };
    ready.catch(() => {
      if (this.running === running) this.running = undefined;
    });
    return running;
  }

  private async discard(worker: Worker): Promise<void> {
    if (this.running?.worker === worker) this.running = undefined;
    await worker.terminate();
  }
}

/**
 * The worker as a real process (`npm start`, or `wrangler dev` with settings), for tests
 * that talk to workerd over loopback HTTP as a browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { WRANGLER_OFFLINE_ENV } from '../../src/cli/wrangler-env.js';

/** workerd starts in seconds, but the machine is shared: wait long before calling it a failure. */
export const STARTUP_TIMEOUT_MS = 120_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface WorkerProcess {
  base: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Stops the process and its children (npm, tsx, wrangler and workerd share one group). */
  stop(): void;
}

async function waitForHealth(worker: WorkerProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (worker.child.exitCode !== null) {
      throw new Error(`the worker exited with ${worker.child.exitCode}:\n${worker.output()}`);
    }
    try {
      if ((await fetch(`${worker.base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the worker did not serve /health within ${STARTUP_TIMEOUT_MS} ms:\n${worker.output()}`);
}

/** Spawns `command` (serving on `port`) in its own process group and waits until /health answers. */
export async function startWorker(
  command: string,
  args: string[],
  options: { port: number; env?: Record<string, string> },
): Promise<WorkerProcess> {
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...WRANGLER_OFFLINE_ENV, ...options.env },
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const worker: WorkerProcess = {
    base: `http://127.0.0.1:${options.port}`,
    child,
    output: () => log,
    stop: () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    },
  };
  try {
    await waitForHealth(worker);
  } catch (error) {
    worker.stop();
    throw error;
  }
  return worker;
}

/**
 * `wrangler dev` on `port` with settings as `--var NAME:value` (what `.dev.vars` would hold).
 *
 * @example await startWranglerDev(port, { WIDGET_ORIGINS: 'http://127.0.0.1:5000' })
 */
export function startWranglerDev(port: number, vars: Record<string, string> = {}): Promise<WorkerProcess> {
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false'];
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  return startWorker('node_modules/.bin/wrangler', args, { port });
}

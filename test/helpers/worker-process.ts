/**
 * `npm start` as a real process, for tests that talk to the worker in workerd over loopback
 * HTTP as a browser would (`wrangler dev` with settings: src/bench/wrangler-dev.ts).
 */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/cli/paths.js';
import { freePort } from '../../src/bench/wrangler-dev.js';

/** workerd starts in seconds, but the machine is shared: wait long before calling it a failure. */
export const STARTUP_TIMEOUT_MS = 120_000;

export interface NpmStart {
  url: string;
  /** What npm start printed so far. */
  output(): string;
  /** Stops npm start and everything it started; resolves once npm has exited. */
  stop(): Promise<void>;
}

export interface NpmStartOptions {
  /** The checkout to start (its .dev.vars, index and local D1): this one by default. */
  root?: string;
}

/** Runs `npm start` on a free port (PORT) and resolves once `/health` answers. */
export async function startNpmStart(options: NpmStartOptions = {}): Promise<NpmStart> {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: options.root ?? PROJECT_ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  // npm, tsx, wrangler and workerd form one process group: stop them all.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + STARTUP_TIMEOUT_MS; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false, // not listening yet
    );
    if (healthy) return { url, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`npm start did not serve /health within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
}

/**
 * Serves a checkout's worker in workerd with `wrangler dev` on a free loopback port, for
 * benchmarks and end-to-end tests, and reads workerd's resident memory.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRANGLER_OFFLINE_ENV } from '../cli/wrangler-env.js';

export interface WranglerDev {
  url: string;
  /** workerd's resident set size in bytes (the isolate's process). */
  rssBytes(): number;
  stop(): void;
}

export interface WranglerDevOptions {
  /** The checkout whose wrangler.toml and src/ are served. */
  root: string;
  /** Worker variables (`--var NAME:value`). */
  vars?: Record<string, string>;
  /** Another entry than wrangler.toml's `main` (the bench worker). */
  script?: string;
  startupTimeoutMs?: number;
}

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

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Starts `wrangler dev` and resolves once `/health` answers. */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  const wrangler = join(options.root, 'node_modules', '.bin', 'wrangler');
  // Local state (D1, Durable Objects) of its own, migrated as a deployment is: answers are
  // logged as in production, and the developer's local database is never touched.
  const state = mkdtempSync(join(tmpdir(), 'fund-wrangler-state-'));
  if (existsSync(join(options.root, 'migrations'))) {
    execFileSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], {
      cwd: options.root,
      env: { ...process.env, ...WRANGLER_OFFLINE_ENV, CI: 'true' },
      stdio: 'pipe',
    });
  }
  const port = await freePort();
  // Wranglers started together all find the default inspector port 9229 free, then all but
  // one fail to bind it ("Address already in use"): each gets its own.
  const inspectorPort = await freePort();
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  const child: ChildProcess = spawn(
    wrangler,
    [
      'dev',
      '--persist-to',
      state,
      ...(options.script ? [options.script] : []),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
      ...vars,
    ],
    {
      cwd: options.root,
      env: { ...process.env, ...WRANGLER_OFFLINE_ENV },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startupTimeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGTERM');
      throw new Error(`wrangler dev did not serve /health in time:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    rssBytes: () =>
      descendants(child.pid!)
        .filter((pid) => /workerd/.test(commandOf(pid)))
        .reduce((sum, pid) => sum + rssOf(pid), 0),
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      // Once workerd has let go of its files.
      const forget = () => rmSync(state, { recursive: true, force: true });
      if (child.exitCode !== null) forget();
      else child.once('exit', forget);
    },
  };
}

/**
 * `npm start`: checks the configuration, builds the index of `corpus/` when it is missing
 * or stale, applies the D1 migrations to the local database, then serves the worker in
 * workerd with `wrangler dev` on 127.0.0.1:8787 (`PORT` overrides). Offline and keyless by
 * default.
 */
import { formatWarning } from '../ingest/progress.js';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, describeMode, parseConfig } from '../config.js';
import { fail } from './args.js';
import { readDevVars } from './dev-vars.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE, PROJECT_ROOT } from './paths.js';
import { ensureIndex } from './index-store.js';
import { WRANGLER_OFFLINE_ENV } from './wrangler-env.js';

/**
 * Brings the local D1 database (binding DB: the Slack event ledger and the answer log,
 * migrations/) up to date, as `wrangler d1 migrations apply` does before a deploy;
 * wrangler's table goes to the terminal only when it fails.
 */
async function applyLocalMigrations(wrangler: string): Promise<void> {
  const child = spawn(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...WRANGLER_OFFLINE_ENV, CI: 'true' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) fail(`applying the D1 migrations to the local database failed:\n${output}`, 1);
  console.log('local D1 database is up to date');
}

async function main() {
  const port = process.env.PORT ?? '8787';
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    fail(`PORT must be a port number (got "${port}")`);

  // The worker reads .dev.vars; check it here too, so a bad value stops us before wrangler starts.
  let mode;
  try {
    mode = describeMode(parseConfig(readDevVars()));
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message} (in .dev.vars)`, 1);
    throw error;
  }

  const built = await ensureIndex(DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE, {
    onWarning: (w) => process.stderr.write(`${formatWarning(w)}\n`),
  });
  if (built.rebuilt && built.result) {
    const { documents, chunks } = built.result.data;
    console.log(`index rebuilt (${built.reason}): ${documents.length} documents, ${chunks.length} chunks`);
  } else console.log('index is up to date');
  const wrangler = join(PROJECT_ROOT, 'node_modules', '.bin', 'wrangler');
  await applyLocalMigrations(wrangler);
  console.log(`mode: index ${mode.index}, llm ${mode.llm}; serving on http://127.0.0.1:${port}`);

  const child = spawn(
    wrangler,
    ['dev', '--ip', '127.0.0.1', '--port', port, '--log-level', 'warn', '--show-interactive-dev-session=false'],
    {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...WRANGLER_OFFLINE_ENV },
    },
  );
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => fail((error as Error).message, 1));

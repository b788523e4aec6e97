/**
 * Reads the local D1 database (binding DB, wrangler's state in `.wrangler/`) that `npm start`
 * serves, through `wrangler d1 execute --local`: the one tool that knows where wrangler
 * keeps it, and which reads it as the worker does.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Statement } from '../answer-log/report-sql.js';
import { PROJECT_ROOT } from './paths.js';
import { WRANGLER_OFFLINE_ENV } from './wrangler-env.js';

export class LocalD1Error extends Error {
  override name = 'LocalD1Error';
}

/**
 * A statement with its numbered parameters (`?1`) written in. Only numbers are accepted,
 * so nothing a user typed can become SQL.
 */
export function inlineStatement({ sql, params }: Statement): string {
  for (const value of params) {
    if (!Number.isFinite(value)) throw new LocalD1Error(`not a number to put in SQL: ${value}`);
  }
  return sql.replace(/\?(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value === undefined) throw new LocalD1Error(`the statement has no parameter ?${n}`);
    return String(value);
  });
}

/**
 * Runs the statements in one `wrangler d1 execute` and returns each one's rows, in order.
 *
 * @throws LocalD1Error with SQLite's message (e.g. "no such table: answers") when one fails.
 */
export async function queryLocalD1(statements: Statement[], root = PROJECT_ROOT): Promise<unknown[][]> {
  const command = statements.map(inlineStatement).join(';\n');
  const child = spawn(
    join(root, 'node_modules', '.bin', 'wrangler'),
    ['d1', 'execute', 'DB', '--local', '--json', '--command', command],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...WRANGLER_OFFLINE_ENV, CI: 'true' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new LocalD1Error(`wrangler d1 execute exited with ${code}: ${(stderr || stdout).trim().slice(0, 500)}`);
  }
  const failure = (parsed as { error?: { text?: string } }).error;
  if (code !== 0 || failure) throw new LocalD1Error(failure?.text ?? `wrangler d1 execute exited with ${code}`);
  return (parsed as { results: unknown[] }[]).map((r) => r.results);
}

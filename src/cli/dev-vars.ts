import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_NAMES, parseConfig, type Config } from '../config.js';
import { PROJECT_ROOT } from './paths.js';

/** Parses a dotenv-style file (`.dev.vars`): NAME=value, optional quotes, # comments. */
export function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? quoted[2]!.replace(/\\n/g, '\n') : quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    vars[match[1]!] = value;
  }
  return vars;
}

export function readDevVars(root = PROJECT_ROOT): Record<string, string> {
  const file = join(root, '.dev.vars');
  return existsSync(file) ? parseDotenv(readFileSync(file, 'utf8')) : {};
}

/**
 * The CLI's configuration: `.dev.vars` (as the worker sees it under `wrangler dev`), then
 * the process environment on top, so `LLM_API_KEY=… npm run ask` works as expected.
 */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const merged: Record<string, string> = { ...readDevVars() };
  for (const name of CONFIG_NAMES) {
    const value = env[name];
    if (value !== undefined) merged[name] = value;
  }
  return parseConfig(merged);
}

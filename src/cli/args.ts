import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses flags with node:util, turning its errors into a one-line usage message. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  usage: string,
  options: T,
  argv = process.argv.slice(2),
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\nusage: ${usage}`);
  }
}

/** Prints a message to stderr and exits 2 (bad usage) or the given code. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

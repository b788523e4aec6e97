/**
 * Imports that decide the worker's bundle size (issue 14, docs/performance.md): zod's named
 * `z` export is a namespace object that keeps every zod locale in the bundle (about 65 KiB
 * gzip); `import * as z` lets the bundler keep only what is used. `npm run bench` measures
 * the bundle itself; this names the file that regresses it, without a build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat().filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

describe('worker bundle imports', () => {
  it("imports zod as a namespace (import * as z from 'zod'), never its named z export", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(PROJECT_ROOT, 'src'))) {
      if (/import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod['"]/.test(await readFile(file, 'utf8'))) {
        offenders.push(relative(PROJECT_ROOT, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});

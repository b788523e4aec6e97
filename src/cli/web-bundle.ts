/**
 * Bundles the chat UI (`src/channels/web/ui/widget.ts`) with esbuild into the script the
 * worker serves as `/widget.js`, and writes it as a module the worker imports
 * (`src/channels/web/generated/ui-bundle.js`, git-ignored). A build step rather than
 * bundling at import time: workerd cannot run esbuild, and the worker should serve bytes
 * that were measured (`npm run bench:widget`).
 */
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from './paths.js';

export const WIDGET_ENTRY = join(PROJECT_ROOT, 'src', 'channels', 'web', 'ui', 'widget.ts');
export const UI_BUNDLE_MODULE = join(PROJECT_ROOT, 'src', 'channels', 'web', 'generated', 'ui-bundle.js');
/** The bubble loads on every intranet page: its script stays under this, gzipped (issue 11). */
export const WIDGET_GZIP_BUDGET_BYTES = 30 * 1024;
/** Browsers with `findLastIndex`, constructable stylesheets and `:focus-visible` (2022 on). */
const BROWSER_TARGETS = ['chrome110', 'firefox115', 'safari16.4', 'edge110'];

/** The minified widget script. */
export async function bundleWidget(): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: BROWSER_TARGETS,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Bytes of the script as a browser downloads it: gzip, as the worker's platform serves it. */
export function gzipSize(script: string): number {
  return gzipSync(script, { level: 9 }).length;
}

/** The module text that hands the script to the worker. */
export function bundleModule(script: string): string {
  return (
    '// Written by `npm run build:web` from src/channels/web/ui/ (src/cli/web-bundle.ts). Do not edit.\n' +
    `export const WIDGET_SCRIPT = ${JSON.stringify(script)};\n`
  );
}

/**
 * Bundles the UI and writes the module when its text changed, so a watcher of `src/`
 * (wrangler dev) is not woken by an identical rewrite. Returns the script.
 */
export async function writeUiBundle(): Promise<{ script: string; written: boolean }> {
  const script = await bundleWidget();
  const text = bundleModule(script);
  const previous = await readFile(UI_BUNDLE_MODULE, 'utf8').catch(() => undefined);
  if (previous === text) return { script, written: false };
  await writeFile(UI_BUNDLE_MODULE, text);
  return { script, written: true };
}

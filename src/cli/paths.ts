import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { LOCAL_INDEX_FILE_NAME } from '../search/local-index.js';

/** The project root (two levels above src/cli). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
/** wrangler.toml serves `.index/assets` to the worker; the manifest stays outside it. */
export const DEFAULT_INDEX_FILE = join(PROJECT_ROOT, '.index', 'assets', LOCAL_INDEX_FILE_NAME);
export const manifestPathFor = (indexFile: string) => join(resolve(indexFile, '..', '..'), 'manifest.json');

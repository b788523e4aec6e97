import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../ingest/types.js';

export interface CorpusEntry {
  /** Relative to the corpus root, `/`-separated, NFC. */
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

const IGNORED = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

/** Lists the files of a corpus folder tree, skipping hidden and OS files; sorted by path. */
export async function listCorpus(root: string): Promise<CorpusEntry[]> {
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch {
    throw new Error(`corpus folder not found: ${root}`);
  }
  if (!rootStat.isDirectory()) throw new Error(`corpus is not a folder: ${root}`);
  const entries: CorpusEntry[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (IGNORED.test(entry.name)) continue;
      const absolutePath = join(dir, entry.name);
      if (entry.isDirectory()) await walk(absolutePath);
      else if (entry.isFile()) {
        const info = await stat(absolutePath);
        const path = relative(root, absolutePath).split(sep).join('/').normalize('NFC');
        entries.push({ path, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  await walk(root);
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function readSourceFile(entry: CorpusEntry): Promise<SourceFile> {
  return { path: entry.path, bytes: new Uint8Array(await readFile(entry.absolutePath)) };
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../ingest/types.js';

export interface CorpusEntry {
  /** Relative to the corpus root, `/`-separated, NFC: what the document id is made from. */
  path: string;
  /**
   * The same path as the file system spells it. Differs from `path` for names in NFD
   * (as macOS writes them); two files whose names differ only so are one document.
   */
  name: string;
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
        const name = relative(root, absolutePath).split(sep).join('/');
        entries.push({ path: name.normalize('NFC'), name, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  await walk(root);
  // By NFC path; of two spellings of one name the NFC one comes first and is the document.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const nfcFirst = (e: CorpusEntry) => (e.name === e.path ? 0 : 1);
  return entries.sort((a, b) => compare(a.path, b.path) || nfcFirst(a) - nfcFirst(b) || compare(a.name, b.name));
}

export async function readSourceFile(entry: CorpusEntry): Promise<SourceFile> {
  return { path: entry.path, bytes: new Uint8Array(await readFile(entry.absolutePath)) };
}

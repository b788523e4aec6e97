import { readdir, readFile, stat } from 'node:fs/promises';
import type { SourceFile, IngestWarning } from '../ingest/types.js';
import { decodeCp949 } from '../ingest/cp949.js';

export interface CorpusEntry {
  /** Relative to the corpus root, `/`-separated, NFC: what the document id is made from. */
  path: string;
  /**
   * The same path as the file system spells it: the key of the manifest and cache. Differs
   * from `path` for names in NFD (as macOS writes them), and for names that are not UTF-8
   * (see `nameKey`); two files whose names differ only so are one document.
   */
  name: string;
  /** The path as bytes, so a name in CP949 opens as it is on disk. */
  absolutePath: Buffer;
  size: number;
  mtimeMs: number;
}

export interface CorpusListing {
  files: CorpusEntry[];
  /** Files and folders whose names could not be decoded: skipped, each with a warning. */
  unreadable: IngestWarning[];
}

const IGNORED = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;
const SEPARATOR = Buffer.from('/');

/**
 * Lists the files of a corpus folder tree, skipping hidden and OS files; sorted by path.
 * Names are read as bytes: Linux keeps whatever bytes a zip from a Korean Windows wrote
 * (CP949), which Node's string API would turn into U+FFFD and then fail to open (issue 10).
 * A name that is UTF-8 or else CP949 is decoded; one that is neither is skipped with a
 * warning showing its bytes, and the run goes on.
 */
export async function listCorpus(root: string): Promise<CorpusListing> {
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch {
    throw new Error(`corpus folder not found: ${root}`);
  }
  if (!rootStat.isDirectory()) throw new Error(`corpus is not a folder: ${root}`);
  const files: CorpusEntry[] = [];
  const unreadable: IngestWarning[] = [];
  const walk = async (dir: Buffer, relative: { path: string; name: string }) => {
    for (const entry of await readdir(dir, { withFileTypes: true, encoding: 'buffer' })) {
      const raw = entry.name as unknown as Buffer;
      if (IGNORED.test(raw.toString('latin1'))) continue;
      const absolutePath = Buffer.concat([dir, SEPARATOR, raw]);
      const decoded = decodeFileName(raw);
      const join = (parent: string, child: string) => (parent ? `${parent}/${child}` : child);
      if (decoded === undefined) {
        const kind = entry.isDirectory() ? 'folder' : 'file';
        unreadable.push({
          file: join(relative.path, escapeBytes(raw)),
          reason: `the ${kind} name is neither UTF-8 nor CP949; rename the ${kind} to read it`,
        });
        continue;
      }
      const here = { path: join(relative.path, decoded.text), name: join(relative.name, nameKey(raw, decoded)) };
      if (entry.isDirectory()) await walk(absolutePath, here);
      else if (entry.isFile()) {
        const info = await stat(absolutePath);
        files.push({
          path: here.path.normalize('NFC'),
          name: here.name,
          absolutePath,
          size: info.size,
          mtimeMs: info.mtimeMs,
        });
      }
    }
  };
  await walk(Buffer.from(root), { path: '', name: '' });
  // By NFC path; of two spellings of one name the NFC one comes first and is the document.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const nfcFirst = (e: CorpusEntry) => (e.name === e.path ? 0 : 1);
  files.sort((a, b) => compare(a.path, b.path) || nfcFirst(a) - nfcFirst(b) || compare(a.name, b.name));
  return { files, unreadable };
}

export async function readSourceFile(entry: CorpusEntry): Promise<SourceFile> {
  return { path: entry.path, bytes: new Uint8Array(await readFile(entry.absolutePath)) };
}

interface DecodedName {
  text: string;
  encoding: 'utf-8' | 'cp949';
}

/** A name's text: UTF-8 if its bytes are, else CP949 if every pair decodes; undefined otherwise. */
export function decodeFileName(bytes: Uint8Array): DecodedName | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = decodeCp949(bytes);
    // Undecodable pairs become U+FFFD; a lone 0x80 passes through as the C1 control U+0080.
    return /[\u0080-\u009f\ufffd]/.test(text) ? undefined : { text, encoding: 'cp949' };
  }
}

/**
 * The manifest key of one name: the name itself when UTF-8; otherwise its decoded text,
 * a NUL (which no file name can hold, so no UTF-8 name collides with it) and its bytes in
 * hex, so that `가.txt` in CP949 and `가.txt` in UTF-8 beside it stay two files.
 */
function nameKey(raw: Buffer, decoded: DecodedName): string {
  return decoded.encoding === 'utf-8' ? decoded.text : `${decoded.text}\u0000${raw.toString('hex')}`;
}

/** Printable ASCII as itself, every other byte as \xHH: an undecodable name, shown as what it is. */
function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

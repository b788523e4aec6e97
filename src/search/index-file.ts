/**
 * The local index on disk and in the worker's assets: a small JSON manifest
 * (`local-index.json`) and binary shards beside it (`local-index-0.bin`, …), each under
 * Workers' 25 MiB per-asset limit. A shard is a run of self-contained records (documents,
 * terms, postings of a range of terms, chunks with their text and word positions, vectors),
 * so the worker parses shard after shard into typed arrays and drops each one: loading needs
 * the index plus one shard of memory, and no JSON of big arrays is ever parsed. This file
 * writes them; index-file-reader.ts reads them.
 */
import type { DocumentMeta } from '../types.js';
import type { Bm25Postings } from './bm25.js';
import { ByteWriter } from './codec.js';
import type { DenseData } from './dense.js';
import type { GlossaryEntry } from './glossary.js';
import { LOCAL_INDEX_FORMAT, LOCAL_INDEX_VERSION, type LocalIndexData } from './local-index.js';

/** Workers serve assets up to 25 MiB; a shard stays a MiB below. */
export const MAX_SHARD_BYTES = 24 * 2 ** 20;
/** Records are cut about this small (a quarter of a shard at most), so shards fill evenly. */
const RECORD_BYTES = 2 ** 20;
/** A shard's first bytes. */
export const SHARD_MAGIC = 'FAIX';

/** What the manifest says about the shards, to preallocate and to check them. */
export interface IndexFileCounts {
  documents: number;
  chunks: number;
  terms: number;
  postings: number;
  words: number;
  positionBytes: number;
  /** Bytes the chunk texts take as JS strings (two a character once any is beyond Latin-1). */
  textHeapBytes: number;
}

export interface IndexFileManifest {
  format: typeof LOCAL_INDEX_FORMAT;
  version: number;
  builtAt: string;
  /** Shared by the manifest and its shards: a shard from another build is refused. */
  buildId: string;
  counts: IndexFileCounts;
  dense?: { model: string; dimensions: number };
  /** File names relative to the manifest, in reading order. */
  shards: { file: string; bytes: number }[];
}

export interface IndexFiles {
  manifest: IndexFileManifest;
  shards: { file: string; bytes: Uint8Array }[];
}

export interface EncodeOptions {
  /** Shard names are `${stem}-N.bin` (default `local-index`). */
  stem?: string;
  maxShardBytes?: number;
}

/** What a record holds (its first varint). */
export const RecordKind = { Meta: 1, Terms: 2, Words: 3, Postings: 4, Chunks: 5, Dense: 6 } as const;
type Kind = (typeof RecordKind)[keyof typeof RecordKind];

/** The meta record's JSON. */
export interface IndexMeta {
  documents: DocumentMeta[];
  glossary: GlossaryEntry[];
  /** Distinct heading lists; chunks name them by position. */
  headings: string[][];
}

/** Cuts records into shards of at most `maxBytes`. */
class ShardPacker {
  readonly shards: Uint8Array[] = [];
  /** Where the record builders cut. */
  readonly recordBytes: number;
  private current: ByteWriter | undefined;

  constructor(
    private readonly buildId: string,
    private readonly maxBytes: number,
  ) {
    this.recordBytes = Math.min(RECORD_BYTES, Math.floor(maxBytes / 4));
  }

  add(kind: Kind, payload: Uint8Array): void {
    const header = 10;
    if (this.current && this.current.length + header + payload.length > this.maxBytes) this.close();
    if (!this.current) {
      this.current = new ByteWriter(Math.min(this.maxBytes, 1 << 20));
      this.current.raw(new TextEncoder().encode(SHARD_MAGIC));
      this.current.string(this.buildId);
      this.current.varint(this.shards.length);
      if (this.current.length + header + payload.length > this.maxBytes)
        throw new RangeError(`an index record of ${payload.length} bytes does not fit a ${this.maxBytes}-byte shard`);
    }
    this.current.varint(kind);
    this.current.varint(payload.length);
    this.current.raw(payload);
  }

  close(): void {
    if (this.current) this.shards.push(this.current.toArray());
    this.current = undefined;
  }
}

/** Writers for the parts of one record, concatenated when the record is cut. */
function recordParts(count: number) {
  return Array.from({ length: count }, () => new ByteWriter(1 << 12));
}

function joinParts(items: number, parts: ByteWriter[]): Uint8Array {
  const out = new ByteWriter(parts.reduce((sum, p) => sum + p.length, 8));
  out.varint(items);
  for (const part of parts) out.raw(part.view());
  return out.view();
}

const partsLength = (parts: ByteWriter[]) => parts.reduce((sum, p) => sum + p.length, 0);

/**
 * Strings without newlines (terms, word keys), joined by '\n' into records cut at the
 * packer's record size: one UTF-8 decode per record, not one per string.
 */
function addStrings(packer: ShardPacker, kind: Kind, strings: readonly string[]): void {
  let batch: string[] = [];
  let chars = 0;
  const flush = () => {
    const part = recordParts(1);
    part[0]!.string(batch.join('\n'));
    packer.add(kind, joinParts(batch.length, part));
    batch = [];
    chars = 0;
  };
  for (const s of strings) {
    if (s.includes('\n')) throw new RangeError(`an index term holds a newline: ${JSON.stringify(s)}`);
    batch.push(s);
    chars += s.length + 1;
    // Three UTF-8 bytes a character at most.
    if (chars * 3 >= packer.recordBytes) flush();
  }
  if (batch.length > 0) flush();
}

/** Postings, a range of terms a record: counts, chunk gaps, body and title frequencies. */
function addPostings(packer: ShardPacker, postings: Bm25Postings): void {
  const { offsets, docs, bodyTf, titleTf } = postings;
  let parts = recordParts(4);
  let terms = 0;
  for (let t = 0; t + 1 < offsets.length; t++) {
    const [counts, gaps, body, title] = parts as [ByteWriter, ByteWriter, ByteWriter, ByteWriter];
    const from = offsets[t]!;
    const to = offsets[t + 1]!;
    counts.varint(to - from);
    let previous = 0;
    for (let i = from; i < to; i++) {
      gaps.varint(docs[i]! - previous);
      previous = docs[i]!;
    }
    body.raw(bodyTf.subarray(from, to));
    title.raw(titleTf.subarray(from, to));
    terms++;
    if (partsLength(parts) >= packer.recordBytes) {
      packer.add(RecordKind.Postings, joinParts(terms, parts));
      parts = recordParts(4);
      terms = 0;
    }
  }
  if (terms > 0) packer.add(RecordKind.Postings, joinParts(terms, parts));
}

/**
 * Chunks, a range a record: per chunk its document, ordinal, page, headings, field lengths,
 * word count, position bytes and the lengths of its id (0 when it is `docId#ordinal`) and
 * text; then the ids and the texts, each run as one string; then the word ids.
 */
function addChunks(packer: ShardPacker, data: LocalIndexData, headingIndex: Map<string[], number>): void {
  const docIndex = new Map(data.documents.map((d, i) => [d.id, i]));
  const { bodyLengths, titleLengths } = data.lexical;
  const { counts, starts, bytes } = data.positions;
  let meta = new ByteWriter(1 << 12);
  let positions = new ByteWriter(1 << 12);
  let ids: string[] = [];
  let texts: string[] = [];
  let chars = 0;
  const flush = () => {
    const strings = recordParts(2);
    strings[0]!.string(ids.join(''));
    strings[1]!.string(texts.join(''));
    packer.add(RecordKind.Chunks, joinParts(texts.length, [meta, ...strings, positions]));
    meta = new ByteWriter(1 << 12);
    positions = new ByteWriter(1 << 12);
    ids = [];
    texts = [];
    chars = 0;
  };
  data.chunks.forEach((chunk, c) => {
    const id = chunk.id === `${chunk.docId}#${chunk.ordinal}` ? '' : chunk.id;
    meta.varint(docIndex.get(chunk.docId)!);
    meta.varint(chunk.ordinal);
    meta.varint(chunk.page ?? 0);
    meta.varint(chunk.headings ? headingIndex.get(chunk.headings)! + 1 : 0);
    meta.varint(bodyLengths[c]!);
    meta.varint(titleLengths[c]!);
    meta.varint(counts[c]!);
    meta.varint(starts[c + 1]! - starts[c]!);
    meta.varint(id.length);
    meta.varint(chunk.text.length);
    ids.push(id);
    texts.push(chunk.text);
    chars += id.length + chunk.text.length;
    positions.raw(bytes.subarray(starts[c]!, starts[c + 1]!));
    if (meta.length + positions.length + chars * 3 >= packer.recordBytes) flush();
  });
  if (texts.length > 0) flush();
}

function addDense(packer: ShardPacker, dense: DenseData): void {
  const perRecord = Math.max(1, Math.floor(packer.recordBytes / (dense.dimensions + 4)));
  for (let from = 0; from < dense.scales.length; from += perRecord) {
    const to = Math.min(dense.scales.length, from + perRecord);
    const scales = dense.scales.slice(from, to);
    const vectors = dense.vectors.subarray(from * dense.dimensions, to * dense.dimensions);
    const parts = recordParts(2);
    parts[0]!.raw(new Uint8Array(scales.buffer));
    parts[1]!.raw(new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.length));
    packer.add(RecordKind.Dense, joinParts(to - from, parts));
  }
}

const stringHeapBytes = (text: string) => (/[^\u0000-\u00ff]/.test(text) ? 2 : 1) * text.length;

/** The manifest and shards of an index (what `npm run ingest` writes). */
export function encodeIndexFiles(data: LocalIndexData, options: EncodeOptions = {}): IndexFiles {
  const buildId = `${data.builtAt}/${Math.random().toString(36).slice(2, 10)}`;
  const packer = new ShardPacker(buildId, options.maxShardBytes ?? MAX_SHARD_BYTES);
  const headingIndex = new Map<string[], number>();
  const headings: string[][] = [];
  const headingsSeen = new Map<string, number>();
  for (const chunk of data.chunks) {
    if (!chunk.headings) continue;
    const key = chunk.headings.join('\n');
    let at = headingsSeen.get(key);
    if (at === undefined) headingsSeen.set(key, (at = headings.push(chunk.headings) - 1));
    headingIndex.set(chunk.headings, at);
  }
  const meta: IndexMeta = { documents: data.documents, glossary: data.glossary, headings };
  const metaPart = recordParts(1);
  metaPart[0]!.string(JSON.stringify(meta));
  packer.add(RecordKind.Meta, joinParts(1, metaPart));
  addStrings(packer, RecordKind.Terms, data.lexical.vocabulary);
  addStrings(packer, RecordKind.Words, data.positions.words);
  addPostings(packer, data.lexical);
  addChunks(packer, data, headingIndex);
  if (data.dense) addDense(packer, data.dense);
  packer.close();

  const stem = options.stem ?? 'local-index';
  const shards = packer.shards.map((bytes, i) => ({ file: `${stem}-${i}.bin`, bytes }));
  return {
    manifest: {
      format: LOCAL_INDEX_FORMAT,
      version: LOCAL_INDEX_VERSION,
      builtAt: data.builtAt,
      buildId,
      counts: {
        documents: data.documents.length,
        chunks: data.chunks.length,
        terms: data.lexical.vocabulary.length,
        postings: data.lexical.docs.length,
        words: data.positions.words.length,
        positionBytes: data.positions.bytes.length,
        textHeapBytes: data.chunks.reduce((sum, c) => sum + stringHeapBytes(c.text), 0),
      },
      ...(data.dense ? { dense: { model: data.dense.model, dimensions: data.dense.dimensions } } : {}),
      shards: shards.map((s) => ({ file: s.file, bytes: s.bytes.length })),
    },
    shards,
  };
}

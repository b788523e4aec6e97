/**
 * The local index on disk and in the worker's assets: a small JSON manifest
 * (`local-index.json`) and binary shards beside it (`local-index-0.bin`, …), each under
 * Workers' 25 MiB per-asset limit. A shard is a run of self-contained records (documents,
 * terms, postings of a range of terms, chunks with their text and word positions, vectors),
 * so the worker parses shard after shard into typed arrays and drops each one: loading needs
 * the index plus one shard of memory, and no JSON of big arrays is ever parsed.
 */
import type { Chunk, DocumentMeta } from '../types.js';
import { checkPostings, type Bm25Postings } from './bm25.js';
import { ByteReader, ByteWriter } from './codec.js';
import type { DenseData } from './dense.js';
import type { GlossaryEntry } from './glossary.js';
import {
  IndexFormatError,
  LOCAL_INDEX_FORMAT,
  LOCAL_INDEX_VERSION,
  LocalIndex,
  type LocalIndexData,
  type LocalIndexOptions,
} from './local-index.js';
import { WordPositions } from './word-positions.js';

/** Workers serve assets up to 25 MiB; a shard stays a MiB below. */
export const MAX_SHARD_BYTES = 24 * 2 ** 20;
/** Records are cut about this small (a quarter of a shard at most), so shards fill evenly. */
const RECORD_BYTES = 2 ** 20;
const MAGIC = 'FAIX';

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

const enum Kind {
  Meta = 1,
  Terms = 2,
  Words = 3,
  Postings = 4,
  Chunks = 5,
  Dense = 6,
}

interface Meta {
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
      this.current.raw(new TextEncoder().encode(MAGIC));
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
      packer.add(Kind.Postings, joinParts(terms, parts));
      parts = recordParts(4);
      terms = 0;
    }
  }
  if (terms > 0) packer.add(Kind.Postings, joinParts(terms, parts));
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
    packer.add(Kind.Chunks, joinParts(texts.length, [meta, ...strings, positions]));
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
    packer.add(Kind.Dense, joinParts(to - from, parts));
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
  const meta: Meta = { documents: data.documents, glossary: data.glossary, headings };
  const metaPart = recordParts(1);
  metaPart[0]!.string(JSON.stringify(meta));
  packer.add(Kind.Meta, joinParts(1, metaPart));
  addStrings(packer, Kind.Terms, data.lexical.vocabulary);
  addStrings(packer, Kind.Words, data.positions.words);
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

/** Checks a manifest's shape and version; the message says what to run. */
export function parseManifest(text: string): IndexFileManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new IndexFormatError('the index file is not valid JSON; run `npm run ingest` to rebuild it');
  }
  const m = value as Partial<IndexFileManifest> | null;
  if (m?.format !== LOCAL_INDEX_FORMAT) {
    throw new IndexFormatError('the file is not a fund-assistant index; run `npm run ingest` to rebuild it');
  }
  if (m.version !== LOCAL_INDEX_VERSION) {
    throw new IndexFormatError(
      `the index has format version ${m.version}, this build reads ${LOCAL_INDEX_VERSION}; run \`npm run ingest\``,
    );
  }
  if (!Array.isArray(m.shards) || typeof m.counts !== 'object' || m.counts === null || typeof m.buildId !== 'string') {
    throw new IndexFormatError('the index manifest lists no shards; run `npm run ingest` to rebuild it');
  }
  return m as IndexFileManifest;
}

/** Fills preallocated arrays from the records of shard after shard. */
class IndexFileReader {
  private meta: Meta | undefined;
  private readonly terms: string[] = [];
  private readonly words: string[] = [];
  private readonly offsets: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly bodyTf: Uint8Array;
  private readonly titleTf: Uint8Array;
  private readonly bodyLengths: Uint32Array;
  private readonly titleLengths: Uint32Array;
  private readonly wordCounts: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly positionBytes: Uint8Array;
  private readonly chunks: Chunk[] = [];
  private readonly dense: DenseData | undefined;
  private termsRead = 0;
  private postingsRead = 0;
  private denseRead = 0;

  constructor(private readonly manifest: IndexFileManifest) {
    const { counts, dense } = manifest;
    this.offsets = new Uint32Array(counts.terms + 1);
    this.docs = new Uint32Array(counts.postings);
    this.bodyTf = new Uint8Array(counts.postings);
    this.titleTf = new Uint8Array(counts.postings);
    this.bodyLengths = new Uint32Array(counts.chunks);
    this.titleLengths = new Uint32Array(counts.chunks);
    this.wordCounts = new Uint32Array(counts.chunks);
    this.starts = new Uint32Array(counts.chunks + 1);
    this.positionBytes = new Uint8Array(counts.positionBytes);
    this.dense = dense && {
      model: dense.model,
      dimensions: dense.dimensions,
      vectors: new Int8Array(counts.chunks * dense.dimensions),
      scales: new Float32Array(counts.chunks),
    };
  }

  read(shard: Uint8Array, index: number): void {
    const reader = new ByteReader(shard);
    const magic = new TextDecoder().decode(reader.raw(MAGIC.length));
    if (magic !== MAGIC) throw new RangeError(`shard ${index} is not an index shard`);
    if (reader.string() !== this.manifest.buildId || reader.varint() !== index) {
      throw new RangeError(`shard ${index} belongs to another build of the index`);
    }
    while (!reader.done) {
      const kind = reader.varint();
      const record = new ByteReader(reader.raw(reader.varint()));
      const items = record.varint();
      if (kind === Kind.Meta) this.meta = JSON.parse(record.string()) as Meta;
      else if (kind === Kind.Terms) this.terms.push(...splitStrings(record.string(), items));
      else if (kind === Kind.Words) this.words.push(...splitStrings(record.string(), items));
      else if (kind === Kind.Postings) this.readPostings(record, items);
      else if (kind === Kind.Chunks) this.readChunks(record, items);
      else if (kind === Kind.Dense) this.readDense(record, items);
      else throw new RangeError(`unknown record kind ${kind}`);
    }
  }

  private readPostings(record: ByteReader, terms: number): void {
    const first = this.termsRead;
    if (first + terms > this.manifest.counts.terms) throw new RangeError('more postings than terms');
    const { offsets, docs } = this;
    for (let t = first; t < first + terms; t++) offsets[t + 1] = offsets[t]! + record.varint();
    const from = offsets[first]!;
    const to = offsets[first + terms]!;
    if (to > docs.length) throw new RangeError('more postings than the manifest counts');
    for (let t = first; t < first + terms; t++) {
      let previous = 0;
      for (let i = offsets[t]!; i < offsets[t + 1]!; i++) docs[i] = previous += record.varint();
    }
    this.bodyTf.set(record.raw(to - from), from);
    this.titleTf.set(record.raw(to - from), from);
    this.termsRead += terms;
    this.postingsRead = to;
  }

  private readChunks(record: ByteReader, items: number): void {
    const first = this.chunks.length;
    if (first + items > this.manifest.counts.chunks) throw new RangeError('more chunks than the manifest counts');
    const meta = this.meta;
    if (!meta) throw new RangeError('chunks come before the documents');
    const rows = [];
    for (let c = first; c < first + items; c++) {
      const doc = meta.documents[record.varint()];
      if (!doc) throw new RangeError('a chunk names a missing document');
      const ordinal = record.varint();
      const page = record.varint();
      const headings = record.varint();
      this.bodyLengths[c] = record.varint();
      this.titleLengths[c] = record.varint();
      this.wordCounts[c] = record.varint();
      rows.push({
        doc,
        ordinal,
        page,
        headings,
        positionBytes: record.varint(),
        id: record.varint(),
        text: record.varint(),
      });
    }
    const ids = record.string();
    const texts = record.string();
    let idAt = 0;
    let textAt = 0;
    let positionAt = this.starts[first]!;
    for (const [i, row] of rows.entries()) {
      const id = ids.slice(idAt, (idAt += row.id)) || `${row.doc.id}#${row.ordinal}`;
      const chunk: Chunk = {
        id,
        docId: row.doc.id,
        ordinal: row.ordinal,
        text: texts.slice(textAt, (textAt += row.text)),
      };
      if (row.page) chunk.page = row.page;
      if (row.headings) chunk.headings = meta.headings[row.headings - 1] ?? [];
      this.chunks.push(chunk);
      if (positionAt + row.positionBytes > this.positionBytes.length)
        throw new RangeError('more word positions than the manifest counts');
      this.positionBytes.set(record.raw(row.positionBytes), positionAt);
      this.starts[first + i + 1] = positionAt += row.positionBytes;
    }
    if (idAt !== ids.length || textAt !== texts.length) throw new RangeError('chunk texts do not match their lengths');
  }

  private readDense(record: ByteReader, items: number): void {
    const dense = this.dense;
    if (!dense) throw new RangeError('vectors in an index without a model');
    const from = this.denseRead;
    if (from + items > dense.scales.length) throw new RangeError('more vectors than chunks');
    // Copied out of the shard: a Float32Array view needs 4-byte alignment the shard does not promise.
    dense.scales.set(new Float32Array(record.raw(items * 4).slice().buffer), from);
    const vectors = record.raw(items * dense.dimensions);
    dense.vectors.set(new Int8Array(vectors.buffer, vectors.byteOffset, vectors.length), from * dense.dimensions);
    this.denseRead += items;
  }

  finish(): LocalIndexData {
    const { counts } = this.manifest;
    const meta = this.meta;
    if (
      !meta ||
      this.terms.length !== counts.terms ||
      this.termsRead !== counts.terms ||
      this.postingsRead !== counts.postings ||
      this.words.length !== counts.words ||
      this.chunks.length !== counts.chunks ||
      meta.documents.length !== counts.documents ||
      (this.dense && this.denseRead !== counts.chunks)
    ) {
      throw new RangeError('the shards hold less than the manifest counts');
    }
    const postings = {
      vocabulary: this.terms,
      offsets: this.offsets,
      docs: this.docs,
      bodyTf: this.bodyTf,
      titleTf: this.titleTf,
      bodyLengths: this.bodyLengths,
      titleLengths: this.titleLengths,
    };
    checkPostings(postings, counts.chunks);
    return {
      format: LOCAL_INDEX_FORMAT,
      version: LOCAL_INDEX_VERSION,
      builtAt: this.manifest.builtAt,
      documents: meta.documents,
      chunks: this.chunks,
      lexical: postings,
      positions: WordPositions.checked(this.words, this.wordCounts, this.starts, this.positionBytes, counts.chunks),
      glossary: meta.glossary,
      ...(this.dense ? { dense: this.dense } : {}),
    };
  }
}

/** `count` strings joined by '\n'. */
function splitStrings(joined: string, count: number): string[] {
  const strings = count === 0 ? [] : joined.split('\n');
  if (strings.length !== count) throw new RangeError('a string record does not hold its count');
  return strings;
}

/** Reads shard after shard (each can be dropped once read) into the index's data. */
export async function decodeIndexFiles(
  manifest: IndexFileManifest,
  readShard: (file: string) => Promise<Uint8Array>,
): Promise<LocalIndexData> {
  try {
    const reader = new IndexFileReader(manifest);
    for (const [i, shard] of manifest.shards.entries()) reader.read(await readShard(shard.file), i);
    return reader.finish();
  } catch (error) {
    if (!(error instanceof RangeError || error instanceof SyntaxError)) throw error;
    throw new IndexFormatError(`the index files are damaged (${error.message}); run \`npm run ingest\``);
  }
}

/**
 * Loads an index from its manifest text and a way to read its shards (the worker's ASSETS
 * binding, or the file system).
 */
export async function loadLocalIndex(
  manifestText: string,
  readShard: (file: string) => Promise<Uint8Array>,
  options: LocalIndexOptions = {},
): Promise<LocalIndex> {
  return new LocalIndex(await decodeIndexFiles(parseManifest(manifestText), readShard), options);
}

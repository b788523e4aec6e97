/**
 * Reads the index files that index-file.ts writes: checks the manifest, then fills arrays
 * preallocated from its counts with the records of shard after shard, so each shard can be
 * let go once read.
 */
import type { Chunk } from '../types.js';
import { checkPostings } from './bm25.js';
import { ByteReader } from './codec.js';
import type { DenseData } from './dense.js';
import { RecordKind, SHARD_MAGIC, type IndexFileManifest, type IndexMeta } from './index-file.js';
import {
  IndexFormatError,
  LOCAL_INDEX_FORMAT,
  LOCAL_INDEX_VERSION,
  LocalIndex,
  type LocalIndexData,
  type LocalIndexOptions,
} from './local-index.js';
import { WordPositions } from './word-positions.js';

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
  private meta: IndexMeta | undefined;
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
    const magic = new TextDecoder().decode(reader.raw(SHARD_MAGIC.length));
    if (magic !== SHARD_MAGIC) throw new RangeError(`shard ${index} is not an index shard`);
    if (reader.string() !== this.manifest.buildId || reader.varint() !== index) {
      throw new RangeError(`shard ${index} belongs to another build of the index`);
    }
    while (!reader.done) {
      const kind = reader.varint();
      const record = new ByteReader(reader.raw(reader.varint()));
      const items = record.varint();
      if (kind === RecordKind.Meta) this.meta = JSON.parse(record.string()) as IndexMeta;
      else if (kind === RecordKind.Terms) this.terms.push(...splitStrings(record.string(), items));
      else if (kind === RecordKind.Words) this.words.push(...splitStrings(record.string(), items));
      else if (kind === RecordKind.Postings) this.readPostings(record, items);
      else if (kind === RecordKind.Chunks) this.readChunks(record, items);
      else if (kind === RecordKind.Dense) this.readDense(record, items);
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

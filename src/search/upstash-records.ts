/**
 * How a chunk is stored in Upstash Vector: its id is `${docId}#${ordinal}` (the chunk id, so
 * re-ingesting the same chunk overwrites it), its metadata carries the passage (text and
 * document fields, for answers and citations) plus the fields filters read, and its sparse
 * vector is built from the same terms the local index would index.
 */
import type { Chunk, DocumentMeta, Passage } from '../types.js';
import { tokenize } from '../text/tokenize.js';
import { dayNumber } from './upstash-filter.js';

/** Metadata of a chunk record. Field names filters use are in FILTER_FIELDS. */
export interface ChunkMetadata {
  docId: string;
  ordinal: number;
  title: string;
  lang: Passage['lang'];
  text: string;
  date?: string;
  /** `date` as YYYYMMDD: Upstash compares only numbers with < and >. */
  day?: number;
  url?: string;
  tags?: string[];
  /** Lower-cased tags: filters match tags case-insensitively. */
  tagKeys?: string[];
  page?: number;
  headings?: string[];
  [key: string]: unknown;
}

export interface ChunkRecord {
  id: string;
  metadata: ChunkMetadata;
  /** Terms of the chunk's body and of its title field (document title and headings). */
  bodyTerms: string[];
  titleTerms: string[];
  /** What the dense model embeds: title and headings, then the text (as the local index). */
  embedText: string;
}

/** Upstash allows 48 KB of metadata per vector (https://upstash.com/docs/vector/help/faq). */
export const MAX_METADATA_BYTES = 48 * 1024;

const titleFieldText = (doc: DocumentMeta, chunk: Chunk) => [doc.title, ...(chunk.headings ?? [])].join(' ');

export function chunkRecord(doc: DocumentMeta, chunk: Chunk): ChunkRecord {
  const day = doc.date ? dayNumber(doc.date) : undefined;
  const metadata: ChunkMetadata = {
    docId: doc.id,
    ordinal: chunk.ordinal,
    title: doc.title,
    lang: doc.lang,
    text: chunk.text,
    ...(doc.date ? { date: doc.date } : {}),
    ...(day !== undefined ? { day } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.tags?.length ? { tags: doc.tags, tagKeys: doc.tags.map((t) => t.toLowerCase()) } : {}),
    ...(chunk.page !== undefined ? { page: chunk.page } : {}),
    ...(chunk.headings?.length ? { headings: chunk.headings } : {}),
  };
  const title = titleFieldText(doc, chunk);
  return {
    id: chunk.id,
    metadata,
    bodyTerms: tokenize(chunk.text),
    titleTerms: tokenize(title),
    embedText: `${title}\n${chunk.text}`,
  };
}

/** The passage a query result's metadata holds, or undefined when it is not one of our chunk records. */
export function passageOf(id: string, metadata: unknown): Passage | undefined {
  const m = metadata as Partial<ChunkMetadata> | undefined;
  if (!m || typeof m.docId !== 'string' || typeof m.text !== 'string' || typeof m.title !== 'string') return undefined;
  if (typeof m.ordinal !== 'number' || (m.lang !== 'ko' && m.lang !== 'en')) return undefined;
  return {
    id,
    docId: m.docId,
    ordinal: m.ordinal,
    text: m.text,
    title: m.title,
    lang: m.lang,
    ...(typeof m.date === 'string' ? { date: m.date } : {}),
    ...(typeof m.url === 'string' ? { url: m.url } : {}),
    ...(Array.isArray(m.tags) ? { tags: m.tags } : {}),
    ...(typeof m.page === 'number' ? { page: m.page } : {}),
    ...(Array.isArray(m.headings) ? { headings: m.headings } : {}),
  };
}

import type { DocumentMeta } from '../types.js';

/** A corpus file as the runtime hands it over: the path relative to the corpus root. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

/** A stretch of a document's text with its place: page and heading path. */
export interface Section {
  text: string;
  page?: number;
  headings?: string[];
}

export interface LoadedDocument {
  meta: DocumentMeta;
  sections: Section[];
  /** What was wrong with a file that is indexed anyway (a front-matter date that is no calendar day). */
  warnings?: string[];
}

/**
 * Why a file was not indexed, or (`indexed: true`) what was wrong with one indexed anyway;
 * the run goes on. `file` and `reason` are printable: control and bidi characters escaped.
 */
export interface IngestWarning {
  file: string;
  reason: string;
  indexed?: true;
}

/** A file that cannot be indexed, with the reason in words a user can act on. */
export class SkipFileError extends Error {
  override name = 'SkipFileError';
}

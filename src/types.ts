/**
 * Domain types shared by ingestion, search, answering and the channels.
 * They are plain data so they serialize into the index and across the wire unchanged.
 */

export type Lang = 'ko' | 'en';

/** One document of a corpus: a file, identified by its path without extension. */
export interface DocumentMeta {
  /** Path relative to the corpus root, without extension, `/`-separated, NFC. */
  id: string;
  title: string;
  /** YYYY-MM-DD when known. */
  date?: string;
  lang: Lang;
  /** URL or free text, from front matter. */
  source?: string;
  /** `source` when it is a URL: what a citation links to. */
  url?: string;
  tags?: string[];
  /** Pages for paged formats (PDF). */
  pages?: number;
}

/** A retrievable passage of a document. */
export interface Chunk {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  /** Ordinal of this chunk within its document, from 0. */
  ordinal: number;
  text: string;
  /** 1-based page for paged formats. */
  page?: number;
  /** Headings above this chunk, outermost first. */
  headings?: string[];
}

/** A chunk joined with the metadata of its document, as search returns it. */
export interface Passage extends Chunk {
  title: string;
  date?: string;
  lang: Lang;
  url?: string;
  tags?: string[];
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A numbered source in an answer; `n` matches the `[n]` markers in the answer text. */
export interface Citation {
  n: number;
  id: string;
  title: string;
  date?: string;
  url?: string;
  page?: number;
  snippet: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** The `/api/chat` response body (DESIGN.md, "HTTP"). */
export interface ChatResponse {
  /** Names the answer for feedback (`POST /api/feedback`) and the answer log (issue 16). */
  id: string;
  answer: string;
  language: Lang;
  citations: Citation[];
  refused: boolean;
  /** Set when the model's answer ran past its length cap and was cut there (LLM_MAX_TOKENS). */
  truncated?: boolean;
  usage?: TokenUsage;
  /** Set when a groundedness check ran. */
  grounded?: boolean;
}

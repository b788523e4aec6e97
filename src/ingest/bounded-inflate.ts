import { Inflate } from 'fflate';
import { SkipFileError } from './types.js';

/**
 * How much one compressed part (an HWPX zip entry, an HWP stream) may expand to. A
 * six-page ministry release is 0.3 MB of section XML (HWPX) or 0.1 MB of HWP records, so
 * 64 MB is over a thousand pages; a zip bomb of a few MB expands to gigabytes (issue 10).
 */
export const MAX_INFLATED_PART_BYTES = 64 * 1024 * 1024;
/** How much all parts of one file may expand to together. */
export const MAX_INFLATED_FILE_BYTES = 128 * 1024 * 1024;

/**
 * Compressed bytes handed to the inflater at a time. DEFLATE expands at most 1032:1
 * (RFC 1951's longest match per bit), so one step makes at most ~4 MB before the limit is
 * checked again.
 */
const INPUT_STEP_BYTES = 4096;

/** Thrown when inflating would pass a limit; a SkipFileError, so ingest names the file and moves on. */
export class InflateLimitError extends SkipFileError {
  override name = 'InflateLimitError';
}

/**
 * Counts inflated bytes across the parts of one file, so that many parts of 60 MB each
 * cannot add up to what one part may not be.
 */
export class InflateBudget {
  private used = 0;

  constructor(
    readonly maxPartBytes = MAX_INFLATED_PART_BYTES,
    readonly maxFileBytes = MAX_INFLATED_FILE_BYTES,
  ) {}

  /** Bytes inflated so far. */
  get total(): number {
    return this.used;
  }

  /** Counts `bytes` more; throws InflateLimitError naming `part` when the file's limit is passed. */
  spend(bytes: number, part: string): void {
    this.used += bytes;
    if (this.used > this.maxFileBytes) {
      throw new InflateLimitError(
        `expands to more than ${megabytes(this.maxFileBytes)} (at ${part}); refused as a decompression bomb`,
      );
    }
  }
}

/**
 * Inflates raw DEFLATE data (RFC 1951, no zlib header: HWP streams and zip entries),
 * checking the output size as it arrives, so a bomb is refused after at most the limit
 * (plus one step) has been made, never after it has filled memory. `part` names what is
 * inflated, for the message.
 *
 * @example inflateRawBounded(section, { part: 'BodyText/Section0', budget: new InflateBudget() })
 */
export function inflateRawBounded(data: Uint8Array, options: { part: string; budget: InflateBudget }): Uint8Array {
  const { part, budget } = options;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget.maxPartBytes) {
      throw new InflateLimitError(
        `${part} expands to more than ${megabytes(budget.maxPartBytes)}; refused as a decompression bomb`,
      );
    }
    budget.spend(chunk.length, part);
    if (chunk.length) chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INPUT_STEP_BYTES) {
      const end = Math.min(at + INPUT_STEP_BYTES, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof SkipFileError) throw error;
    throw new SkipFileError(`${part} is not valid compressed data (${(error as Error).message || 'inflate failed'})`);
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

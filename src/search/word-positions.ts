/**
 * Each chunk's words in order, as ids into a shared word list, so the proximity rerank can
 * see which query words stand close together without re-analyzing text at query time.
 * Stored as varints (most ids take one or two bytes) and decoded per candidate on demand.
 */
import { Growable } from './growable.js';
import { VarintWriter, fromBase64, readVarints, toBase64 } from './codec.js';

export interface WordPositionsData {
  /** Word keys in id order, joined by '\n'. */
  words: string;
  /** Varints: the number of words of each chunk. */
  counts: string;
  /** Varints: every chunk's word ids, chunk after chunk. */
  ids: string;
}

export class WordPositionsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly writer = new VarintWriter();
  private readonly counts = new Growable(Uint32Array);

  /** Adds the next chunk's word keys. */
  add(keys: readonly string[]): void {
    for (const key of keys) {
      let id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
      this.writer.write(id);
    }
    this.counts.push(keys.length);
  }

  toData(): WordPositionsData {
    const counts = new VarintWriter();
    for (const c of this.counts.view()) counts.write(c);
    return {
      words: [...this.ids.keys()].join('\n'),
      counts: toBase64(counts.finish()),
      ids: toBase64(this.writer.finish()),
    };
  }
}

export class WordPositions {
  private readonly idOfWord: Map<string, number>;
  /** Byte offset of each chunk's ids (one extra entry at the end). */
  private readonly starts: Uint32Array;

  private constructor(
    words: string[],
    private readonly counts: Uint32Array,
    private readonly bytes: Uint8Array,
  ) {
    this.idOfWord = new Map(words.map((w, i) => [w, i]));
    this.starts = new Uint32Array(counts.length + 1);
    // One pass over the varints finds where each chunk starts: a byte below 0x80 ends a value.
    let at = 0;
    for (let chunk = 0; chunk < counts.length; chunk++) {
      this.starts[chunk] = at;
      let remaining = counts[chunk]!;
      while (remaining > 0) {
        if (at >= bytes.length) throw new RangeError('word positions end early');
        if (bytes[at++]! < 0x80) remaining--;
      }
    }
    this.starts[counts.length] = at;
  }

  static fromData(data: WordPositionsData, chunks: number): WordPositions {
    const counts = new Uint32Array(chunks);
    readVarints(fromBase64(data.counts), chunks, counts);
    return new WordPositions(data.words === '' ? [] : data.words.split('\n'), counts, fromBase64(data.ids));
  }

  idOf(word: string): number | undefined {
    return this.idOfWord.get(word);
  }

  /** The word ids of a chunk, in order. */
  sequence(chunk: number): Uint32Array {
    const out = new Uint32Array(this.counts[chunk]!);
    readVarints(this.bytes, out.length, out, { at: this.starts[chunk]! });
    return out;
  }
}

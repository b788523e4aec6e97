/**
 * Each chunk's words in order, as ids into a shared word list, so the proximity rerank can
 * see which query words stand close together without re-analyzing text at query time.
 * Kept as varints (most ids take one or two bytes: about 1.5 bytes a word) and decoded only
 * for the few candidates the rerank looks at.
 */
import { ByteWriter } from './codec.js';
import { Growable } from './growable.js';

export class WordPositionsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly bytes = new ByteWriter(1 << 16);
  private readonly starts = new Growable(Uint32Array);
  private readonly counts = new Growable(Uint32Array);

  constructor() {
    this.starts.push(0);
  }

  /** Adds the next chunk's word keys. */
  add(keys: readonly string[]): void {
    for (const key of keys) {
      let id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
      this.bytes.varint(id);
    }
    this.counts.push(keys.length);
    this.starts.push(this.bytes.length);
  }

  build(): WordPositions {
    return new WordPositions([...this.ids.keys()], this.counts.toArray(), this.starts.toArray(), this.bytes.toArray());
  }
}

export class WordPositions {
  private readonly idOfWord: Map<string, number>;
  /** Per word id: its place among the ids `positionsOf` was asked for, else -1 (reused between calls). */
  private slots: Int32Array | undefined;

  /**
   * `counts[c]`: how many words chunk c has; `starts[c]`: the byte offset of its ids in
   * `bytes` (one extra entry at the end).
   */
  constructor(
    readonly words: readonly string[],
    readonly counts: Uint32Array,
    readonly starts: Uint32Array,
    readonly bytes: Uint8Array,
  ) {
    this.idOfWord = new Map(words.map((w, i) => [w, i]));
  }

  /** Positions read from a file, checked against `chunks`; throws RangeError on damaged data. */
  static checked(
    words: readonly string[],
    counts: Uint32Array,
    starts: Uint32Array,
    bytes: Uint8Array,
    chunks: number,
  ) {
    if (counts.length !== chunks || starts.length !== chunks + 1 || starts[chunks] !== bytes.length)
      throw new RangeError('word positions do not match the chunks');
    for (let c = 0; c < chunks; c++)
      if (starts[c + 1]! < starts[c]!) throw new RangeError('word positions go backwards');
    return new WordPositions(words, counts, starts, bytes);
  }

  idOf(word: string): number | undefined {
    return this.idOfWord.get(word);
  }

  /**
   * Where each of `ids` stands in a chunk: per id, its ascending word positions. Decodes the
   * chunk's varints in place, without materializing its sequence.
   */
  positionsOf(chunk: number, ids: readonly number[]): number[][] {
    const slots = (this.slots ??= new Int32Array(this.words.length).fill(-1));
    ids.forEach((id, i) => (slots[id] = i));
    const out: number[][] = ids.map(() => []);
    const { bytes } = this;
    const end = this.starts[chunk + 1]!;
    let position = 0;
    for (let at = this.starts[chunk]!; at < end; position++) {
      let id = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[at++]!;
        id |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      const slot = slots[id]!;
      if (slot >= 0) out[slot]!.push(position);
    }
    for (const id of ids) slots[id] = -1;
    return out;
  }
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** An append-only typed array that doubles when full: index building without boxed numbers. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly Type: TypedArrayConstructor<T>,
    initial = 1024,
  ) {
    this.data = new Type(initial);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.Type(this.data.length * 2);
      grown.set(this.data as never);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  /** Overwrites an element already pushed. */
  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The filled part, as a view (no copy): for reading while building. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** The filled part, copied: what an index keeps, without the up to 2× slack of doubling. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

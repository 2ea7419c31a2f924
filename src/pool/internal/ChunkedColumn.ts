/** log2 of the values per chunk. */
export const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * An append-only column of numbers in fixed-size chunks of plain JS arrays, for what a pool
 * builder collects while it reads (keys, weights, person hashes).
 *
 * Why not typed arrays: V8 counts every ArrayBuffer as "external memory" and starts a full garbage
 * collection for about every 64 MB of it allocated, which marks the whole heap — with 3 million
 * records held in memory by the caller, ~1 GB, 2–4 s per collection on a 2-core machine. Arrays on
 * the JS heap are governed by the heap's own (proportional) limits instead. Chunks are never
 * copied as the column grows, and hold unboxed doubles, which the collector does not scan.
 * (TextColumn is the same for strings; two classes, so that each one's element accesses see one
 * kind of array and stay fast.)
 */
export class NumberColumn {
  /** The chunks; value i is chunks[i >>> CHUNK_BITS][i & (2^CHUNK_BITS − 1)]. */
  readonly chunks: number[][] = [];
  private current: number[] = [];
  private count = 0;

  /** Values in the column. */
  get length(): number {
    return this.count;
  }

  /** Appends a value. */
  push(value: number): void {
    const at = this.count & MASK;
    if (at === 0) {
      this.current = new Array<number>(CHUNK).fill(0.5);
      this.chunks.push(this.current);
    }
    this.current[at] = value;
    this.count++;
  }

  /** Value i (0 ≤ i < length). */
  at(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  /** Replaces value i (0 ≤ i < length). */
  set(i: number, value: number): void {
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = value;
  }

  /** Keeps the first `length` values. */
  truncate(length: number): void {
    this.count = Math.min(this.count, length);
    this.chunks.length = (this.count + MASK) >>> CHUNK_BITS;
    this.current = this.chunks[this.chunks.length - 1] ?? [];
  }
}

/** NumberColumn for strings. */
export class TextColumn {
  private readonly chunks: string[][] = [];
  private current: string[] = [];
  private count = 0;

  /** Values in the column. */
  get length(): number {
    return this.count;
  }

  /** Appends a value. */
  push(value: string): void {
    const at = this.count & MASK;
    if (at === 0) {
      this.current = new Array<string>(CHUNK).fill('');
      this.chunks.push(this.current);
    }
    this.current[at] = value;
    this.count++;
  }

  /** Value i (0 ≤ i < length). */
  at(i: number): string {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }
}

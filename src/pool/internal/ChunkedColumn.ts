/** log2 of the values per chunk. */
export const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * Where a pool builder keeps what it collects while it reads (keys, weights, person hashes):
 *
 * - `heap`: chunks of plain JS arrays on the JS heap, for records given as objects (and a large pool
 *   built from them keeps its keys and weights in plain arrays too: see sortColumns). V8 counts every
 *   ArrayBuffer as "external memory" and starts a full garbage collection for about every 64 MB of
 *   it allocated, which marks the whole heap — with 3 million records held by the caller, ~1 GB,
 *   2–4 s per collection on a 2-core machine. Arrays on the heap are governed by the heap's own
 *   (proportional) limits instead, and number chunks hold unboxed doubles the collector does not scan.
 * - `typed`: one typed array (Float64Array, or Uint32Array for values below 2^32), sized from the
 *   expected count and grown by doubling, for readers of bytes (JSON Lines), whose records are never
 *   all in memory: the cheapest to write and to read (heap chunks are filled once when created, and
 *   read through one more index), and half the memory for 32-bit values.
 */
export type ColumnStorage = 'heap' | 'typed';

/** An append-only column of numbers, in chunks. */
export interface NumberColumn {
  /** The chunks; value i is chunks[i >>> chunkBits][i & (2^chunkBits − 1)]. */
  readonly chunks: readonly ArrayLike<number>[];
  /** log2 of the values per chunk. */
  readonly chunkBits: number;
  /** Values in the column. */
  readonly length: number;
  /** Appends a value. */
  push(value: number): void;
  /** Appends the first `count` values of `values`. */
  pushAll(values: Float64Array | Uint32Array, count: number): void;
  /** Value i (0 ≤ i < length). */
  at(i: number): number;
  /** Replaces value i (0 ≤ i < length). */
  set(i: number, value: number): void;
  /** Keeps the first `length` values. */
  truncate(length: number): void;
}

/**
 * A NumberColumn kept as `storage` says, for `values` that are any safe integers (`doubles`) or
 * below 2^32 (`uint32`); `expected`: how many to make room for at once (typed storage only).
 */
export function numberColumn(
  storage: ColumnStorage,
  values: 'doubles' | 'uint32',
  expected: number = 1 << 12,
): NumberColumn {
  if (storage === 'heap') return new HeapColumn();
  return values === 'doubles' ? new DoubleColumn(expected) : new Uint32Column(expected);
}

// One class per kind of array rather than one class for all: each one's element accesses then see
// one kind of array and stay fast.
class HeapColumn implements NumberColumn {
  readonly chunks: number[][] = [];
  readonly chunkBits: number = CHUNK_BITS;
  private current: number[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    const at = this.count & MASK;
    if (at === 0) {
      // A double array from the start (filling an empty array would allocate it twice).
      this.current = [0.5];
      this.current.length = CHUNK;
      this.chunks.push(this.current);
    }
    this.current[at] = value;
    this.count++;
  }

  pushAll(values: Float64Array | Uint32Array, count: number): void {
    for (let k = 0; k < count; k++) this.push(values[k]!);
  }

  at(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  set(i: number, value: number): void {
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = value;
  }

  truncate(length: number): void {
    this.count = Math.min(this.count, length);
    this.chunks.length = (this.count + MASK) >>> CHUNK_BITS;
    this.current = this.chunks[this.chunks.length - 1] ?? [];
  }
}

class DoubleColumn implements NumberColumn {
  // One chunk as long as the column can be: i >>> 31 is 0 and i & (2^31 − 1) is i.
  readonly chunkBits: number = 31;
  private values: Float64Array;
  private count = 0;

  constructor(expected: number) {
    this.values = new Float64Array(Math.max(16, expected));
  }

  get chunks(): readonly ArrayLike<number>[] {
    return [this.values];
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.values.length) this.values = withRoom(this.values, this.count + 1);
    this.values[this.count++] = value;
  }

  pushAll(values: Float64Array | Uint32Array, count: number): void {
    this.values = withRoom(this.values, this.count + count);
    this.values.set(values.subarray(0, count), this.count);
    this.count += count;
  }

  at(i: number): number {
    return this.values[i]!;
  }

  set(i: number, value: number): void {
    this.values[i] = value;
  }

  truncate(length: number): void {
    this.count = Math.min(this.count, length);
  }
}

class Uint32Column implements NumberColumn {
  readonly chunkBits: number = 31;
  private values: Uint32Array;
  private count = 0;

  constructor(expected: number) {
    this.values = new Uint32Array(Math.max(16, expected));
  }

  get chunks(): readonly ArrayLike<number>[] {
    return [this.values];
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.values.length) this.values = withRoom(this.values, this.count + 1);
    this.values[this.count++] = value;
  }

  pushAll(values: Float64Array | Uint32Array, count: number): void {
    this.values = withRoom(this.values, this.count + count);
    this.values.set(values.subarray(0, count), this.count);
    this.count += count;
  }

  at(i: number): number {
    return this.values[i]!;
  }

  set(i: number, value: number): void {
    this.values[i] = value;
  }

  truncate(length: number): void {
    this.count = Math.min(this.count, length);
  }
}

// `values`, or a copy of them in an array at least twice as long with room for `needed` values.
function withRoom<T extends Float64Array | Uint32Array>(values: T, needed: number): T {
  if (needed <= values.length) return values;
  let length = values.length * 2;
  while (length < needed) length *= 2;
  const grown = new (values.constructor as new (length: number) => T)(length);
  grown.set(values);
  return grown;
}

/** An append-only column of strings in chunks on the JS heap (person ids given as strings). */
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
      this.current = [''];
      this.current.length = CHUNK;
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

import { hashOf } from './PersistentMap';

/**
 * A mutable map from code values to row numbers: open addressing with linear probing over typed
 * arrays, so millions of codes cost two arrays and no object each (a Map keyed by numbers above
 * 2^31 boxes every key).
 */
export class CodeIndex {
  private keys: Float64Array;
  private rows: Int32Array;
  private mask: number;
  /** Number of codes. */
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The row of `code`, or −1. */
  get(code: number): number {
    let slot = hashOf(code) & this.mask;
    for (;;) {
      const key = this.keys[slot]!;
      if (key === code) return this.rows[slot]!;
      if (key === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Sets the row of `code`. */
  set(code: number, row: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let slot = hashOf(code) & this.mask;
    for (;;) {
      const key = this.keys[slot]!;
      if (key === code) {
        this.rows[slot] = row;
        return;
      }
      if (key === -1) {
        this.keys[slot] = code;
        this.rows[slot] = row;
        this.size++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.rows = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== -1) this.set(keys[slot]!, rows[slot]!);
  }
}

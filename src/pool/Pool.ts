import { argumentError } from '../errors/arguments';
import { describeValue } from '../errors/fromZod';
import type { PathSegment } from '../errors/Issue';
import { YaohaoError } from '../errors/YaohaoError';
import { APPLICANT_KINDS, type ApplicantKind } from './ApplicantKind';
import { codeToNumber, isApplicationCode, numberToCode } from './applicationCode';
import { EntryLayout } from './EntryLayout';

/**
 * The columns of a pool, in ascending code order. Internal: never handed to users. A key is
 * code × 4 + kind id (exact below 2^53): one array holds both, ordered by code.
 */
export interface PoolColumns {
  readonly keys: KeyColumn;
  readonly weights: WeightColumn;
  readonly layout: EntryLayout;
}

/**
 * A pool's sort keys: a typed array, or a plain array of numbers kept on the JS heap (large pools
 * built from records held in memory: see sortColumns). Read by index only.
 */
export type KeyColumn = Float64Array | readonly number[];
/** A pool's weights (integers 1 to 2^32 − 1), kept like its keys. */
export type WeightColumn = Uint32Array | readonly number[];

/** The code value in a key (dividing by 4 is exact in floating point). */
export function codeOfKey(key: number): number {
  return Math.floor(key / 4);
}

/** The kind id in a key. */
export function kindIdOfKey(key: number): number {
  return key - Math.floor(key / 4) * 4;
}

/** The code value of the application at `index`. */
export function codeValueAt(columns: PoolColumns, index: number): number {
  return codeOfKey(columns.keys[index]!);
}

/** The kind id of the application at `index`. */
export function kindIdAt(columns: PoolColumns, index: number): number {
  return kindIdOfKey(columns.keys[index]!);
}

/** One application as the pool holds it. */
export interface PoolApplication {
  /** 13-digit application code. */
  readonly code: string;
  /** Entries (摇号基数) of this application. */
  readonly weight: number;
  /** Individual, family or unit. */
  readonly kind: ApplicantKind;
}

// A registered symbol rather than a #private field, so a pool built by one copy of the library
// (the ESM build, say) still works with another (the CJS build, or the CLI bundle).
const COLUMNS: unique symbol = Symbol.for('yaohao/pool-columns') as never;

/**
 * A validated, canonical lottery pool: applications in ascending code order with their weights,
 * laid out in the official passes. Immutable; stored in columns — typed arrays (about 17 bytes per
 * application), or plain arrays of numbers for large pools built from records held in memory (about
 * 21 bytes; see sortColumns) — never as one object per applicant.
 */
export class Pool {
  /** Number of applications (codes). */
  readonly size: number;
  /** Total entries T = Σ weights (摇号基数序号总数). */
  readonly totalEntries: number;
  /** Id of the policy that weighed the records. */
  readonly policyId: string;

  /** @internal Use createPool: this constructor takes the pool's internal columns, already validated. */
  constructor(columns: PoolColumns, policyId: string) {
    const c = columns as Partial<PoolColumns> | null;
    if (
      typeof c !== 'object' ||
      c === null ||
      !(c.keys instanceof Float64Array || Array.isArray(c.keys)) ||
      !(c.weights instanceof Uint32Array || Array.isArray(c.weights)) ||
      c.keys.length !== c.weights.length ||
      !(c.layout instanceof EntryLayout) ||
      typeof policyId !== 'string'
    )
      throw argumentError(['columns'], 'the columns of a pool (build pools with createPool)', columns);
    Object.defineProperty(this, COLUMNS, { value: columns, enumerable: false, writable: false });
    this.size = columns.keys.length;
    this.totalEntries = columns.layout.totalEntries;
    this.policyId = policyId;
  }

  /** The largest weight in the pool (the number of passes of the layout); 0 for an empty pool. */
  get maxWeight(): number {
    return poolColumns(this).layout.passes;
  }

  /** The code at a 1-based entry number (摇号基数序号), as published. Throws for 0, T + 1, …. */
  codeAt(entry: number): string {
    return numberToCode(codeValueAt(poolColumns(this), this.indexAtEntry(entry)));
  }

  /** 0-based index (in code order) of the application that owns 1-based `entry`. */
  indexAtEntry(entry: number): number {
    if (!Number.isSafeInteger(entry) || entry < 1 || entry > this.totalEntries) {
      throw new YaohaoError([
        {
          code: 'entry_out_of_range',
          path: ['entry'],
          message: `entry ${describeValue(entry)} is outside 1..${this.totalEntries}`,
          expected: `an integer from 1 to ${this.totalEntries}`,
          received: describeValue(entry),
        },
      ]);
    }
    return poolColumns(this).layout.indexAt(entry - 1);
  }

  /** 0-based index of `code` in code order, or −1 when it is not in the pool. */
  indexOf(code: string): number {
    if (!isApplicationCode(code)) return -1;
    // Keys of this code lie in [code × 4, code × 4 + 4): find the first key ≥ code × 4.
    const lowest = codeToNumber(code) * 4;
    const keys = poolColumns(this).keys;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid]! < lowest) low = mid + 1;
      else high = mid;
    }
    return low < keys.length && keys[low]! < lowest + 4 ? low : -1;
  }

  /** True when the pool holds `code`. */
  has(code: string): boolean {
    return this.indexOf(code) >= 0;
  }

  /** Entries of `code`, or undefined when it is not in the pool. */
  weightOf(code: string): number | undefined {
    const index = this.indexOf(code);
    return index < 0 ? undefined : poolColumns(this).weights[index];
  }

  /** Kind of `code`, or undefined when it is not in the pool. */
  kindOf(code: string): ApplicantKind | undefined {
    const index = this.indexOf(code);
    return index < 0 ? undefined : APPLICANT_KINDS[kindIdAt(poolColumns(this), index)];
  }

  /** The application at 0-based `index` in code order. */
  at(index: number): PoolApplication {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size)
      throw new YaohaoError([
        {
          code: 'entry_out_of_range',
          path: ['index'],
          message: `there is no application at index ${describeValue(index)}: the pool has ${this.size}`,
        },
      ]);
    const columns = poolColumns(this);
    return {
      code: numberToCode(codeValueAt(columns, index)),
      weight: columns.weights[index]!,
      kind: APPLICANT_KINDS[kindIdAt(columns, index)]!,
    };
  }

  /** The entry number of `code` in pass 1 (its rank in code order, 1-based), or undefined. */
  firstEntryOf(code: string): number | undefined {
    const index = this.indexOf(code);
    return index < 0 ? undefined : index + 1;
  }

  /** Every application, in ascending code order. */
  *applications(): IterableIterator<PoolApplication> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }
}

/** `value` as a Pool (of this or another copy of the library), or a YaohaoError naming `path`. */
export function requirePool(value: unknown, path: readonly PathSegment[]): Pool {
  if (typeof value !== 'object' || value === null || !(COLUMNS in value))
    throw argumentError(path, 'a Pool (built by createPool)', value);
  return value as unknown as Pool;
}

/** Internal: the typed columns of a pool (for commitment, drawing and writers). */
export function poolColumns(pool: Pool): PoolColumns {
  return (pool as unknown as { [COLUMNS]: PoolColumns })[COLUMNS];
}

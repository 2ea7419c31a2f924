import type { Issue } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { kindId, type ApplicantKind } from './ApplicantKind';
import { numberToCode, parseApplicationCode } from './applicationCode';
import { finishPool } from './internal/finishPool';
import { sortedRun } from './internal/PoolRun';
import type { Pool } from './Pool';

/** Where an entry came from, for messages: a file name and a 1-based line. */
export interface EntrySource {
  readonly file: string;
  readonly line: number;
}

/**
 * Rebuilds a pool from its entries in entry order (摇号基数序号 1, 2, …), as the official pool
 * files list them: each code's weight is the number of its entries, and the sequence must be
 * exactly the official pass layout (docs/spec.md §3) — pass 1 every code strictly ascending, each
 * later pass strictly ascending and contained in the one before. A new pass begins where a code
 * is not above the previous one. Streams: memory is a few arrays of the number of codes, never of
 * the entries. Isomorphic; the official zip reader (src/formats) feeds it.
 */
export class EntrySequenceReader {
  private readonly issues = new IssueCollector();
  private readonly kind: number;
  private entries = 0;
  private pass = 1;
  // Pass 1 (all codes, ascending) and, from pass 2 on, their weights.
  private codes: Float64Array = new Float64Array(1 << 16);
  private weights: Uint32Array = new Uint32Array(0);
  private size = 0;
  // From pass 2 on: the previous pass (as pass-1 indexes, ascending) and the pass being read.
  private previous: Uint32Array = new Uint32Array(0);
  private current: Uint32Array = new Uint32Array(0);
  private currentLength = 0;
  private cursor = 0;
  private last = -1;
  private readonly one = new Float64Array(1);
  private readonly oneLine = new Uint32Array(1);

  constructor(options: { readonly kind?: ApplicantKind } = {}) {
    this.kind = kindId(options.kind ?? 'individual');
  }

  /** Entries read so far. */
  get count(): number {
    return this.entries;
  }

  /** Reads the next entry's code; false once the sequence is known to be broken (stop reading then). */
  push(code: string, source: EntrySource): boolean {
    const value = parseApplicationCode(code);
    if (value < 0)
      return this.problem(
        source.file,
        source.line,
        `entry ${++this.entries}: code ${JSON.stringify(code)} is not 13 digits`,
      );
    return this.pushValue(value, source.file, source.line);
  }

  /**
   * Reads the next entry's code given as its numeric value (a reader that parses the 13 digits
   * straight from bytes); `file` and `line` locate it for messages. False once the sequence is broken.
   */
  pushValue(value: number, file: string, line: number): boolean {
    this.one[0] = value;
    this.oneLine[0] = line;
    return this.pushValues(this.one, this.oneLine, 1, file);
  }

  /**
   * Reads the next `count` entries' code values (a batch: the hot loop of the official zip
   * reader); `lines` holds each one's line in `file`, for messages. False once the sequence is broken.
   */
  pushValues(values: Float64Array, lines: Uint32Array, count: number, file: string): boolean {
    for (let j = 0; j < count;) {
      j = this.pass === 1 ? this.passOne(values, count, j) : this.laterPass(values, lines, count, j, file);
      if (j < 0) return false;
    }
    return true;
  }

  /** Ends the sequence; returns the pool (explicit weights), or throws every problem found. */
  finish(policyId = 'official-pool'): Pool {
    this.issues.throwIfAny();
    const size = this.size;
    const weights = this.pass === 1 ? new Uint32Array(size).fill(1) : this.weights;
    // Pass 1 is strictly ascending: the columns are already in canonical order, one row per code.
    const keys = new Float64Array(size);
    for (let i = 0; i < size; i++) keys[i] = this.codes[i]! * 4 + this.kind;
    return finishPool(sortedRun(keys, weights.length === size ? weights : weights.slice(0, size)), policyId);
  }

  /** The problems found so far. */
  get problems(): readonly Issue[] {
    return this.issues.issues;
  }

  // Pass 1: every code, strictly ascending (a code not above the previous one starts pass 2).
  private passOne(values: Float64Array, count: number, from: number): number {
    let codes = this.codes;
    let size = this.size;
    let last = this.last;
    let j = from;
    for (; j < count; j++) {
      const value = values[j]!;
      if (value <= last) break;
      if (size === codes.length) {
        codes = new Float64Array(codes.length * 2);
        codes.set(this.codes);
        this.codes = codes;
      }
      codes[size++] = value;
      last = value;
    }
    this.size = size;
    this.last = last;
    this.entries += j - from;
    if (j < count) this.startPass();
    return j;
  }

  // Later passes walk the previous pass in step: each code must be there, at or after the cursor.
  private laterPass(values: Float64Array, lines: Uint32Array, count: number, from: number, file: string): number {
    const codes = this.codes;
    const weights = this.weights;
    const previous = this.previous;
    const current = this.current;
    const previousLength = previous.length;
    let cursor = this.cursor;
    let length = this.currentLength;
    let last = this.last;
    let j = from;
    let broken = false;
    for (; j < count; j++) {
      const value = values[j]!;
      if (value <= last) break;
      while (cursor < previousLength && codes[previous[cursor]!]! < value) cursor++;
      if (cursor === previousLength || codes[previous[cursor]!] !== value) {
        broken = true;
        break;
      }
      const index = previous[cursor++]!;
      weights[index]!++;
      current[length++] = index;
      last = value;
    }
    this.cursor = cursor;
    this.currentLength = length;
    this.last = last;
    this.entries += j - from;
    if (broken) {
      const entry = ++this.entries;
      this.problem(
        file,
        lines[j]!,
        `entry ${entry}: code ${numberToCode(values[j]!)} in pass ${this.pass} is not in pass ${this.pass - 1}: not the official pass layout`,
      );
      return -1;
    }
    if (j < count) this.startPass();
    return j;
  }

  // A new pass: the pass just read becomes the one to walk; its buffer is reused (passes shrink).
  private startPass(): void {
    if (this.pass === 1) {
      this.weights = new Uint32Array(this.size).fill(1);
      this.previous = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) this.previous[i] = i;
      this.current = new Uint32Array(this.size);
    } else {
      const spare = this.previous;
      this.previous = this.current.subarray(0, this.currentLength);
      this.current = spare;
    }
    this.pass++;
    this.currentLength = 0;
    this.cursor = 0;
    this.last = -1;
  }

  private problem(file: string, line: number, message: string): false {
    this.issues.add({ code: 'invalid_record', path: [file], line, message });
    return false;
  }
}

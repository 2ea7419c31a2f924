import type { Issue } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { kindId, type ApplicantKind } from './ApplicantKind';
import { parseApplicationCode } from './applicationCode';
import { GrowableColumns } from './internal/GrowableColumns';
import { finishPool } from './internal/finishPool';
import { sortIntoRun } from './internal/PoolRun';
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
 * the entries. Isomorphic; the Node zip reader feeds it.
 */
export class EntrySequenceReader {
  private readonly issues = new IssueCollector();
  private readonly kind: number;
  private entries = 0;
  private pass = 1;
  // Pass 1 (all codes, ascending) and their weights.
  private codes: Float64Array = new Float64Array(1 << 16);
  private weights: Uint32Array = new Uint32Array(1 << 16);
  private size = 0;
  // The previous pass (as pass-1 indexes, ascending) and the pass being read.
  private previous: Uint32Array = new Uint32Array(0);
  private current: Uint32Array = new Uint32Array(1 << 16);
  private currentLength = 0;
  private cursor = 0;
  private last = -1;

  constructor(options: { readonly kind?: ApplicantKind } = {}) {
    this.kind = kindId(options.kind ?? 'individual');
  }

  /** Entries read so far. */
  get count(): number {
    return this.entries;
  }

  /** Reads the next entry's code; false once the sequence is known to be broken (stop reading then). */
  push(code: string, source: EntrySource): boolean {
    const entry = ++this.entries;
    const value = parseApplicationCode(code);
    if (value < 0) return this.problem(source, `entry ${entry}: code ${JSON.stringify(code)} is not 13 digits`);
    if (value <= this.last) this.startPass();
    this.last = value;
    if (this.pass === 1) {
      if (this.size === this.codes.length) this.growPassOne();
      this.codes[this.size] = value;
      this.weights[this.size] = 1;
      this.addToCurrent(this.size++);
      return true;
    }
    // Later passes walk the previous pass in step: the code must be there, at or after the cursor.
    const previous = this.previous;
    while (this.cursor < previous.length && this.codes[previous[this.cursor]!]! < value) this.cursor++;
    const index = previous[this.cursor];
    if (index === undefined || this.codes[index] !== value) {
      return this.problem(
        source,
        `entry ${entry}: code ${code} in pass ${this.pass} is not in pass ${this.pass - 1}: not the official pass layout`,
      );
    }
    this.cursor++;
    this.weights[index]!++;
    this.addToCurrent(index);
    return true;
  }

  /** Ends the sequence; returns the pool (explicit weights), or throws every problem found. */
  finish(policyId = 'official-pool'): Pool {
    this.issues.throwIfAny();
    const columns = new GrowableColumns(this.size);
    for (let i = 0; i < this.size; i++) columns.push(this.codes[i]!, this.weights[i]!, this.kind, i);
    return finishPool(sortIntoRun(columns, new IssueCollector()), policyId);
  }

  /** The problems found so far. */
  get problems(): readonly Issue[] {
    return this.issues.issues;
  }

  private startPass(): void {
    this.pass++;
    this.previous = this.current.slice(0, this.currentLength);
    this.currentLength = 0;
    this.cursor = 0;
  }

  private addToCurrent(index: number): void {
    if (this.currentLength === this.current.length) {
      const grown = new Uint32Array(this.current.length * 2);
      grown.set(this.current);
      this.current = grown;
    }
    this.current[this.currentLength++] = index;
  }

  private growPassOne(): void {
    const codes = new Float64Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
    const weights = new Uint32Array(this.weights.length * 2);
    weights.set(this.weights);
    this.weights = weights;
  }

  private problem(source: EntrySource, message: string): false {
    this.issues.add({ code: 'invalid_record', path: [source.file], line: source.line, message });
    return false;
  }
}

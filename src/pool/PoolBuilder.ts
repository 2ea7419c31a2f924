import type { Issue, IssueCode } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { GrowableColumns } from './internal/GrowableColumns';
import { finishPool } from './internal/finishPool';
import { sortIntoRun } from './internal/PoolRun';
import type { Pool } from './Pool';
import { recordReaderFor, type RecordReader } from './recordReader';

/** Options of PoolBuilder. */
export interface PoolBuilderOptions {
  /** The policy that turns records into entries. */
  readonly policy: Policy;
  /** Expected number of records, to size buffers once. */
  readonly expectedRecords?: number;
}

/**
 * Builds a pool one record at a time, for readers that stream (CSV, JSON Lines, your own): each
 * record is validated as it arrives and stored in typed columns, no object kept; `finish` reports
 * every problem (with record indexes and, when given, file lines) or returns the canonical pool.
 * createPool is this with an iterable.
 */
export class PoolBuilder {
  /** The policy, checked. */
  readonly policy: Policy;
  private readonly read: RecordReader;
  private readonly columns: GrowableColumns;
  private readonly issues = new IssueCollector();
  private index = 0;

  constructor(options: PoolBuilderOptions) {
    this.policy = checkPolicy(options.policy);
    this.read = recordReaderFor(this.policy);
    this.columns = new GrowableColumns(options.expectedRecords ?? 1 << 12, true);
  }

  /** Records seen so far (valid or not). */
  get records(): number {
    return this.index;
  }

  /** Adds a record; `line` is its 1-based line when it comes from a file. False when it was refused. */
  add(record: unknown, line?: number): boolean {
    const index = this.index++;
    const result = this.read(record, line === undefined ? { path: [index] } : { path: [index], line });
    if (Array.isArray(result)) {
      this.issues.addAll(result);
      return false;
    }
    this.columns.push(result.code, result.weight, result.kind, index, line ?? 0);
    return true;
  }

  /** Counts a record that could not be read at all (bad syntax) and records why. */
  reject(code: IssueCode, message: string, line?: number): void {
    const issue: Issue = { code, path: [this.index++], message, ...(line === undefined ? {} : { line }) };
    this.issues.add(issue);
  }

  /** @internal A record already validated by a fast reader (code value, entries, kind id). */
  addWeighed(code: number, weight: number, kind: number, line: number): void {
    this.columns.push(code, weight, kind, this.index++, line);
  }

  /** The canonical pool, or a YaohaoError listing every problem (bad records, then duplicates, in input order). */
  finish(): Pool {
    const columns = this.columns;
    // Lines are kept only when some record came with one.
    if (columns.lines !== undefined && !columns.lines.subarray(0, columns.count).some((line) => line > 0))
      columns.lines = undefined;
    return finishPool(sortIntoRun(columns, this.issues), this.policy.id);
  }
}

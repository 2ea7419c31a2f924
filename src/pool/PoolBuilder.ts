import type { Issue, IssueCode } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { GrowableColumns } from './internal/GrowableColumns';
import { finishPool } from './internal/finishPool';
import { sortIntoRun } from './internal/PoolRun';
import type { Pool } from './Pool';
import { recordReaderFor, type RecordReader } from './recordReader';

/**
 * When the first this-many records are all refused for the same unknown field, reading stops:
 * every record would be refused alike (the wrong policy for the file, most often), and collecting
 * millions of identical issues helps no one (docs/spec.md §14.4).
 */
export const SAME_REFUSAL_LIMIT = 20;

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
  // The unknown field every record so far was refused for; null once a record breaks the pattern.
  private refusedField: string | null | undefined;
  private stop = false;

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
    if (this.stop) return false;
    const result = this.read(record, line === undefined ? { path: [index] } : { path: [index], line });
    if (Array.isArray(result)) {
      this.issues.addAll(result);
      if (this.refusedField !== null) this.watchRefusals(result, index, line);
      return false;
    }
    this.refusedField = null;
    this.columns.push(result.code, result.weight, result.kind, index, line ?? 0);
    return true;
  }

  /**
   * True once the first SAME_REFUSAL_LIMIT records were all refused for the same unknown field:
   * the builder then ignores further records (stop reading) and `finish` reports those records
   * and one more issue saying why it stopped.
   */
  get stopped(): boolean {
    return this.stop;
  }

  private watchRefusals(issues: readonly Issue[], index: number, line: number | undefined): void {
    const unknown = issues.filter((issue) => issue.code === 'unknown_field').map((issue) => issue.path.at(-1));
    const field = this.refusedField ?? unknown[0];
    if (typeof field !== 'string' || !unknown.includes(field)) {
      this.refusedField = null;
      return;
    }
    this.refusedField = field;
    if (index + 1 < SAME_REFUSAL_LIMIT) return;
    this.stop = true;
    // On no record (so it sorts first: the reason the others follow), at the line where reading stopped.
    this.issues.add({
      code: 'unknown_field',
      path: [],
      message: `the first ${SAME_REFUSAL_LIMIT} records all have the field "${field}", which policy ${this.policy.id} does not take: reading stopped here (is it the right policy?)`,
      ...(line === undefined ? {} : { line }),
    });
  }

  /** Counts a record that could not be read at all (bad syntax) and records why. */
  reject(code: IssueCode, message: string, line?: number): void {
    this.refusedField = null;
    const issue: Issue = { code, path: [this.index++], message, ...(line === undefined ? {} : { line }) };
    this.issues.add(issue);
  }

  /** @internal A record already validated by a fast reader (code value, entries, kind id). */
  addWeighed(code: number, weight: number, kind: number, line: number): void {
    this.refusedField = null;
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

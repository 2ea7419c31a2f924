import type { Issue, IssueCode } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import type { PersonRepeats } from '../family/PersonRegistry';
import { Reader2021 } from '../family/read2021Record';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { kindId } from './ApplicantKind';
import type { ColumnStorage } from './internal/ChunkedColumn';
import { GrowableColumns } from './internal/GrowableColumns';
import { finishPool } from './internal/finishPool';
import { sortIntoRun } from './internal/PoolRun';
import type { TemplateRun } from './internal/readTemplateRun';
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
  /** Expected number of records, to size buffers once (typed storage; heap chunks need no hint). */
  readonly expectedRecords?: number;
  /**
   * @internal False: every record takes the general path (the schemas; persons checked record by
   * record) — the definition the fast paths are tested against.
   */
  readonly fastPath?: boolean;
  /** @internal Where collected columns are kept: on the JS heap (default; records may be in memory) or in typed arrays (readers of bytes). */
  readonly storage?: ColumnStorage;
  /** @internal Heap storage: the pool keeps plain arrays beyond this many records (see sortColumns; for tests). */
  readonly heapColumnsAbove?: number;
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
  /** @internal The reader of a 2021– policy (families and persons), whose fields fast readers fill. */
  readonly reader2021: Reader2021 | undefined;
  private readonly read: RecordReader | undefined;
  private readonly fastObjects: boolean;
  private readonly columns: GrowableColumns;
  private readonly heapColumnsAbove: number | undefined;
  private readonly issues = new IssueCollector();
  private index = 0;
  // The unknown field every record so far was refused for; null once a record breaks the pattern.
  private refusedField: string | null | undefined;
  private stop = false;

  constructor(options: PoolBuilderOptions) {
    this.policy = checkPolicy(options.policy);
    const is2021 = this.policy.weights.rule === 'beijing2021';
    const storage = options.storage ?? 'heap';
    this.reader2021 = is2021
      ? new Reader2021(this.policy, options.fastPath === false, storage, options.expectedRecords)
      : undefined;
    this.read = is2021 ? undefined : recordReaderFor(this.policy, options.fastPath ?? true);
    this.fastObjects = is2021 && options.fastPath !== false;
    this.columns = new GrowableColumns(options.expectedRecords, storage);
    this.heapColumnsAbove = options.heapColumnsAbove;
  }

  /** Records seen so far (valid or not). */
  get records(): number {
    return this.index;
  }

  /** Adds a record; `line` is its 1-based line when it comes from a file. False when it was refused. */
  add(record: unknown, line?: number): boolean {
    const reader = this.reader2021;
    if (this.fastObjects && !this.stop && reader!.fields.fromObject(record) && this.addFields(line ?? 0)) return true;
    const index = this.index++;
    if (this.stop) return false;
    const at = line === undefined ? { path: [index] } : { path: [index], line };
    const result = reader === undefined ? this.read!(record, at) : reader.read(record, at);
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

  /**
   * @internal Records already validated by a fast reader, in a run of consecutive lines from
   * `firstLine` (see readTemplateRun): addWeighed for each, at once.
   */
  addRun(run: TemplateRun, firstLine: number): void {
    if (run.count === 0) return;
    this.refusedField = null;
    this.columns.pushRun(run.keys, run.weights, run.count, this.index, firstLine);
    this.index += run.count;
  }

  /**
   * @internal Adds the 2021– record a fast reader put in reader2021.fields, when the fast path
   * accepts it (line 0: not from a file); false, with nothing changed, when the general path must read it.
   */
  addFields(line: number): boolean {
    const reader = this.reader2021!;
    const weight = reader.accept();
    if (weight < 0) return false;
    this.refusedField = null;
    const fields = reader.fields;
    this.columns.push(fields.code, weight, fields.isFamily ? FAMILY : INDIVIDUAL, this.index++, line);
    return true;
  }

  /** The canonical pool, or a YaohaoError listing every problem (bad records, then duplicates, in input order). */
  finish(): Pool {
    const columns = this.columns;
    let issues = this.issues;
    const repeats = this.reader2021?.persons.repeats({
      recordOf: (row) => columns.recordAt(row),
      lineOf: (row) => columns.lineAt(row),
      isFamily: (row) => columns.keyAt(row) % 4 === FAMILY,
    });
    if (repeats !== undefined && repeats.records.length > 0) {
      columns.removeRecords(repeats.records);
      issues = withRepeats(issues, repeats);
    }
    return finishPool(sortIntoRun(columns, issues, this.heapColumnsAbove), this.policy.id);
  }
}

const INDIVIDUAL = kindId('individual');
const FAMILY = kindId('family');

// The issues as a check of persons at each record would have collected them: both lists are in
// record order, so merging them by record keeps the same first issues and the same count.
function withRepeats(found: IssueCollector, repeats: PersonRepeats): IssueCollector {
  const merged = new IssueCollector();
  merged.omitted = found.omitted + repeats.omitted;
  const a = found.issues;
  const b = repeats.issues;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i]!.path[0] as number) <= (b[j]!.path[0] as number))) merged.add(a[i++]!);
    else merged.add(b[j++]!);
  }
  return merged;
}

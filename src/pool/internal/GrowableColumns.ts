import { numberColumn, type ColumnStorage, type NumberColumn } from './ChunkedColumn';

/**
 * Column storage for records as they arrive (no object per record), in chunks (see ColumnStorage). A row's sort key is code × 4 + kind id: exact (< 4·10^13 < 2^53), ordered by
 * code, one array to move. Record indexes and lines are stored only once they are needed: while
 * every record is accepted, row i is record i; while no record comes with a line, lines are 0.
 */
export class GrowableColumns {
  readonly keys: NumberColumn;
  readonly weights: NumberColumn;
  /** Record index of each row, once some record was not stored (bad records are not). */
  private records: NumberColumn | undefined;
  /** 1-based source line of each row, once lines stop following the record indexes. */
  private lines: NumberColumn | undefined;
  /** While `lines` is not kept: line − record index of every row, null when rows have no lines (undefined: no row yet). */
  private lineOffset: number | null | undefined;

  /** `expectedRows`: how many rows to make room for at once (typed storage; heap chunks need no hint). */
  constructor(
    private readonly expectedRows?: number,
    private readonly storage: ColumnStorage = 'heap',
  ) {
    this.keys = numberColumn(storage, 'doubles', expectedRows);
    this.weights = numberColumn(storage, 'uint32', expectedRows);
  }

  /** Rows stored. */
  get count(): number {
    return this.keys.length;
  }

  push(code: number, weight: number, kind: number, record: number, line = 0): void {
    this.pushKey(code * 4 + kind, weight, record, line);
  }

  /**
   * Appends `count` rows at once: sort keys (code × 4 + kind) and weights, of the consecutive
   * records firstRecord, firstRecord + 1, … on consecutive lines from firstLine (0: none) — the
   * same rows as pushing them one by one.
   */
  pushRun(keys: Float64Array, weights: Uint32Array, count: number, firstRecord: number, firstLine: number): void {
    if (count === 0) return;
    // Every row of the run has the same record − row and line − record as its first: when the first
    // needs no record index or line kept, none does.
    this.pushKey(keys[0]!, weights[0]!, firstRecord, firstLine);
    // Short runs (individuals between families) one by one: copying views costs more than it saves.
    if (this.records !== undefined || this.lines !== undefined || count < 64) {
      for (let k = 1; k < count; k++)
        this.pushKey(keys[k]!, weights[k]!, firstRecord + k, firstLine === 0 ? 0 : firstLine + k);
      return;
    }
    this.keys.pushAll(keys.subarray(1), count - 1);
    this.weights.pushAll(weights.subarray(1), count - 1);
  }

  private pushKey(key: number, weight: number, record: number, line: number): void {
    const row = this.keys.length;
    this.keys.push(key);
    this.weights.push(weight);
    if (this.records !== undefined) this.records.push(record);
    else if (record !== row) this.records = this.filled(row, (i) => i, record);
    // A file's lines usually run with its records (no blank lines): kept only when they stop doing so.
    if (this.lines !== undefined) this.lines.push(line);
    else if (this.lineOffset === undefined) this.lineOffset = line === 0 ? null : line - record;
    else if (this.lineOffset === null ? line !== 0 : line - record !== this.lineOffset)
      this.lines = this.filled(row, (i) => this.lineAt(i), line);
  }

  /** The sort key of a row. */
  keyAt(row: number): number {
    return this.keys.at(row);
  }

  /** The record index of a row. */
  recordAt(row: number): number {
    return this.records === undefined ? row : this.records.at(row);
  }

  /** The 1-based line of a row, or 0. */
  lineAt(row: number): number {
    if (this.lines !== undefined) return this.lines.at(row);
    return this.lineOffset === null || this.lineOffset === undefined ? 0 : this.recordAt(row) + this.lineOffset;
  }

  /** Removes the rows of the given records (record indexes, ascending), keeping the others in order. */
  removeRecords(records: readonly number[]): void {
    if (records.length === 0) return;
    this.records ??= this.filled(this.count, (i) => i);
    const kept = this.records;
    let rows = 0;
    let next = 0;
    for (let row = 0; row < this.count; row++) {
      const record = kept.at(row);
      while (next < records.length && records[next]! < record) next++;
      if (next < records.length && records[next] === record) continue;
      this.keys.set(rows, this.keys.at(row));
      this.weights.set(rows, this.weights.at(row));
      kept.set(rows, record);
      this.lines?.set(rows, this.lines.at(row));
      rows++;
    }
    for (const column of [this.keys, this.weights, kept, this.lines]) column?.truncate(rows);
  }

  // A column holding value(i) for the first `rows` rows, then `next`.
  private filled(rows: number, value: (i: number) => number, next?: number): NumberColumn {
    const column = numberColumn(this.storage, 'uint32', Math.max(rows + 1, this.expectedRows ?? 0));
    for (let i = 0; i < rows; i++) column.push(value(i));
    if (next !== undefined) column.push(next);
    return column;
  }
}

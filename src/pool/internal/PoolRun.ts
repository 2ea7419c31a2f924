import type { Issue } from '../../errors/Issue';
import type { IssueCollector } from '../../errors/IssueCollector';
import type { KeyColumn, WeightColumn } from '../Pool';
import type { GrowableColumns } from './GrowableColumns';
import { sortColumns } from './sortKeys';

/** The unsorted rows of a run, in input order (GrowableColumns, or a run that was never unsorted). */
export interface RunInput {
  /** Rows. */
  readonly count: number;
  /** The sort key of a row. */
  keyAt(row: number): number;
  /** The record index of a row. */
  recordAt(row: number): number;
  /** The 1-based line of a row, or 0. */
  lineAt(row: number): number;
}

/** Validated records sorted by code, with what is needed to report problems: what every reader hands to finishPool. */
export interface PoolRun {
  /** Sort keys (code × 4 + kind), ascending. */
  readonly keys: KeyColumn;
  /** Weights, in the same order. */
  readonly weights: WeightColumn;
  /** The unsorted rows, in input order, with their record indexes and lines (to find where duplicates came from). */
  readonly input: RunInput;
  /** Problems found while reading, in input order (capped). */
  readonly issues: readonly Issue[];
  /** Problems found but not kept. */
  readonly omittedIssues: number;
}

/** Sorts collected columns (and the issues found while collecting them) into a run (`heapAbove`: see sortColumns). */
export function sortIntoRun(columns: GrowableColumns, issues: IssueCollector, heapAbove?: number): PoolRun {
  const sorted = sortColumns(columns.keys, columns.weights, heapAbove);
  return {
    keys: sorted.keys,
    weights: sorted.weights,
    input: columns,
    issues: issues.issues,
    omittedIssues: issues.omitted,
  };
}

/**
 * The run of keys already in canonical order (ascending, one row per record, record i at row i,
 * no lines) and their weights: nothing to sort, and the input is the run itself.
 */
export function sortedRun(keys: Float64Array, weights: Uint32Array): PoolRun {
  return {
    keys,
    weights,
    input: { count: keys.length, keyAt: (row) => keys[row]!, recordAt: (row) => row, lineAt: () => 0 },
    issues: [],
    omittedIssues: 0,
  };
}

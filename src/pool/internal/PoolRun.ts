import type { Issue } from '../../errors/Issue';
import type { IssueCollector } from '../../errors/IssueCollector';
import type { GrowableColumns } from './GrowableColumns';
import { sortColumns } from './sortKeys';

/** Validated records sorted by code, with what is needed to report problems: what every reader hands to finishPool. */
export interface PoolRun {
  /** Sort keys (code × 4 + kind), ascending. */
  readonly keys: Float64Array;
  /** Weights, in the same order. */
  readonly weights: Uint32Array;
  /** The unsorted rows, in input order, with their record indexes and lines (to find where duplicates came from). */
  readonly input: GrowableColumns;
  /** Problems found while reading, in input order (capped). */
  readonly issues: readonly Issue[];
  /** Problems found but not kept. */
  readonly omittedIssues: number;
}

/** Sorts collected columns (and the issues found while collecting them) into a run. */
export function sortIntoRun(columns: GrowableColumns, issues: IssueCollector): PoolRun {
  const sorted = sortColumns(columns.keys, columns.weights);
  return {
    keys: sorted.keys,
    weights: sorted.weights,
    input: columns,
    issues: issues.issues,
    omittedIssues: issues.omitted,
  };
}

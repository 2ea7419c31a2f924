import type { Issue } from '../../errors/Issue';
import type { IssueCollector } from '../../errors/IssueCollector';
import type { GrowableColumns } from './GrowableColumns';
import { sortKeys } from './sortKeys';

/** Validated records sorted by code, with what is needed to report problems: what every reader hands to finishPool. */
export interface PoolRun {
  /** Sort keys (code × 4 + kind), ascending. */
  readonly keys: Float64Array;
  /** Weights, in the same order. */
  readonly weights: Uint32Array;
  /** The unsorted keys, in input order (to find where duplicates came from). */
  readonly inputKeys: Float64Array;
  /** Record index of each unsorted row. */
  readonly records: Uint32Array;
  /** 1-based line of each unsorted row (file input only). */
  readonly lines: Uint32Array | undefined;
  /** Problems found while reading, in input order (capped). */
  readonly issues: readonly Issue[];
  /** Problems found but not kept. */
  readonly omittedIssues: number;
}

/** Sorts collected columns (and the issues found while collecting them) into a run. */
export function sortIntoRun(columns: GrowableColumns, issues: IssueCollector): PoolRun {
  const count = columns.count;
  const sorted = sortKeys(columns.keys, columns.weights, count);
  return {
    keys: sorted.keys,
    weights: sorted.weights,
    inputKeys: columns.keys.subarray(0, count),
    records: columns.records.subarray(0, count),
    lines: columns.lines?.subarray(0, count),
    issues: issues.issues,
    omittedIssues: issues.omitted,
  };
}

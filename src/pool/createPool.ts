import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { checkPolicy } from '../policy/checkPolicy';
import type { Policy } from '../policy/Policy';
import { GrowableColumns } from './internal/GrowableColumns';
import { finishPool } from './internal/finishPool';
import { sortIntoRun } from './internal/PoolRun';
import type { Pool } from './Pool';
import { recordReaderFor } from './recordReader';

/** Options of createPool. */
export interface CreatePoolOptions {
  /** The policy that turns records into entries (e.g. `presets.beijing2016`). */
  readonly policy: Policy;
}

/**
 * Builds the canonical pool from application records (any iterable, any order). Every record is
 * validated first; if any is bad, a YaohaoError lists each problem with its record index and field,
 * and no pool is built. The result does not depend on the input order.
 */
export function createPool(records: Iterable<unknown>, options: CreatePoolOptions): Pool {
  const policy = checkPolicy(options.policy);
  const read = recordReaderFor(policy);
  const issues = new IssueCollector();
  const columns = new GrowableColumns(Array.isArray(records) ? records.length : 1024);
  let index = 0;
  for (const record of records) {
    const result = read(record, { path: [index] });
    if (Array.isArray(result)) issues.addAll(result);
    else columns.push(result.code, result.weight, result.kind, index);
    index++;
  }
  // Bad records are left out of the columns; finishPool still reports duplicates among the rest, then throws all.
  return finishPool(sortIntoRun(columns, issues), policy.id);
}

/** createPool that returns `{ success, value | issues }` instead of throwing. */
export function safeCreatePool(records: Iterable<unknown>, options: CreatePoolOptions): SafeResult<Pool> {
  return safely(() => createPool(records, options));
}

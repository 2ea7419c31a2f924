import { argumentError, requireObject } from '../errors/arguments';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import type { Policy } from '../policy/Policy';
import type { Pool } from './Pool';
import { PoolBuilder } from './PoolBuilder';

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
  const { policy } = requireObject(options, ['options'], 'options with a policy');
  if (typeof (records as Partial<Iterable<unknown>> | null | undefined)?.[Symbol.iterator] !== 'function')
    throw argumentError(['records'], 'an iterable of records (an array, say)', records);
  const builder = new PoolBuilder({
    policy: policy as Policy,
    ...(Array.isArray(records) ? { expectedRecords: records.length } : {}),
  });
  for (const record of records) builder.add(record);
  return builder.finish();
}

/** createPool that returns `{ success, value | issues }` instead of throwing. */
export function safeCreatePool(records: Iterable<unknown>, options: CreatePoolOptions): SafeResult<Pool> {
  return safely(() => createPool(records, options));
}

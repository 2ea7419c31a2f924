import { argumentError, requireObject } from '../errors/arguments';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import type { FamilyRecord, Individual2021Record } from '../family/familyRecords';
import type {
  Beijing2021WeightRule,
  ExplicitWeightRule,
  FlatWeightRule,
  LadderWeightRule,
  Policy,
} from '../policy/Policy';
import type { CountedIndividualRecord, ExplicitRecord, FlatIndividualRecord } from './recordSchemas';
import type { Pool } from './Pool';
import { PoolBuilder } from './PoolBuilder';

/** Options of createPool. */
export interface CreatePoolOptions<P extends Policy = Policy> {
  /** The policy that turns records into entries (e.g. `presets.beijing2016`). */
  readonly policy: P;
}

/**
 * The records a policy takes, as a type: `CountedIndividualRecord` for a ladder (beijing2014,
 * beijing2016), `FlatIndividualRecord` for flat, `ExplicitRecord` for explicit, families and
 * individuals for beijing2021 rules — when the policy's rule is known to TypeScript, as for the
 * presets. For a policy read at run time (`Policy`), any value: createPool checks every record anyway.
 */
export type PoolRecordOf<P extends Policy> = P['weights'] extends ExplicitWeightRule
  ? ExplicitRecord
  : P['weights'] extends LadderWeightRule
    ? CountedIndividualRecord
    : P['weights'] extends FlatWeightRule
      ? FlatIndividualRecord
      : P['weights'] extends Beijing2021WeightRule
        ? FamilyRecord | Individual2021Record
        : unknown;

/**
 * Builds the canonical pool from application records (any iterable, any order). Every record is
 * validated first; if any is bad, a YaohaoError lists each problem with its record index and field,
 * and no pool is built. The result does not depend on the input order.
 */
export function createPool<P extends Policy>(records: Iterable<PoolRecordOf<P>>, options: CreatePoolOptions<P>): Pool {
  const { policy } = requireObject(options, ['options'], 'options with a policy');
  if (typeof (records as Partial<Iterable<unknown>> | null | undefined)?.[Symbol.iterator] !== 'function')
    throw argumentError(['records'], 'an iterable of records (an array, say)', records);
  const builder = new PoolBuilder({
    policy: policy as Policy,
    ...(Array.isArray(records) ? { expectedRecords: records.length } : {}),
  });
  // Indexes rather than an iterator for arrays: no iterator result per record (millions of them).
  if (Array.isArray(records)) {
    for (let i = 0; i < records.length; i++) if (!builder.add(records[i]) && builder.stopped) break;
  } else for (const record of records) if (!builder.add(record) && builder.stopped) break;
  return builder.finish();
}

/** createPool that returns `{ success, value | issues }` instead of throwing. */
export function safeCreatePool<P extends Policy>(
  records: Iterable<PoolRecordOf<P>>,
  options: CreatePoolOptions<P>,
): SafeResult<Pool> {
  return safely(() => createPool(records, options));
}

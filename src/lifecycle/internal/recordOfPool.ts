import { AuditRecordSchema, type AuditRecord } from '../../audit/AuditRecord';
import { parseWith } from '../../errors/fromZod';
import { YaohaoError } from '../../errors/YaohaoError';
import { commitPool } from '../../pool/commitPool';
import type { Pool } from '../../pool/Pool';

/**
 * The audit record of the lottery drawn from `pool`: `record` itself (yaohao-record/1), or the
 * lottery result of a period record (yaohao-period/1) whose pool commitment is the pool's; or
 * undefined when the record is not of this pool (the caller reports it). A malformed record is
 * a YaohaoError.
 */
export function recordOfPool(record: unknown, pool: Pool): { record: AuditRecord | undefined; candidates: number } {
  const digest = commitPool(pool).digest;
  const r = record as { format?: unknown; results?: unknown } | null;
  if (r?.format === 'yaohao-period/1' && Array.isArray(r.results)) {
    const lotteries = (r.results as { method?: unknown; record?: unknown }[]).filter(
      (result) => result?.method === 'lottery' && result.record !== undefined,
    );
    for (const [k, lottery] of lotteries.entries()) {
      const parsed = parseWith(AuditRecordSchema, lottery.record, { path: ['record', 'results', k, 'record'] });
      if (!parsed.ok) throw new YaohaoError(parsed.issues);
      if (parsed.value.pool.digest === digest) return { record: parsed.value, candidates: lotteries.length };
    }
    return { record: undefined, candidates: lotteries.length };
  }
  const parsed = parseWith(AuditRecordSchema, record, { path: ['record'] });
  if (!parsed.ok) throw new YaohaoError(parsed.issues);
  const same =
    parsed.value.pool.digest === digest &&
    parsed.value.pool.size === pool.size &&
    parsed.value.pool.totalEntries === pool.totalEntries;
  return { record: same ? parsed.value : undefined, candidates: 1 };
}

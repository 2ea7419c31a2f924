// The page's code lookup. A stand-in with the shape of the library's lookupDrawResult
// (src/lifecycle/lookupDrawResult.ts, landing from the lifecycle branch): when that is on main,
// this file becomes `export { lookupDrawResult as lookupCode, type DrawLookup } from '../index'`.
import { readAuditRecord } from '../audit/AuditRecord';
import { YaohaoError } from '../errors/YaohaoError';
import { isApplicationCode } from '../pool/applicationCode';
import { commitPool } from '../pool/commitPool';
import type { Pool } from '../pool/Pool';

/** What a published pool and record say about one application code. */
export type DrawLookup =
  | {
      readonly status: 'won';
      readonly code: string;
      readonly position: number;
      readonly entry: number;
      readonly entries: number;
      readonly totalEntries: number;
    }
  | { readonly status: 'not-won'; readonly code: string; readonly entries: number; readonly totalEntries: number }
  | { readonly status: 'not-in-pool'; readonly code: string }
  | { readonly status: 'record-not-of-pool'; readonly code: string; readonly poolDigest: string };

/** Won (place and entry), not won (its entries of T), not in this pool, or the record is of another pool. */
export function lookupCode(pool: Pool, record: unknown, code: string): DrawLookup {
  if (!isApplicationCode(code))
    throw new YaohaoError([
      { code: 'invalid_code', path: ['code'], message: `code ${JSON.stringify(code)} is not 13 decimal digits` },
    ]);
  const read = readAuditRecord(record, ['record']);
  const poolDigest = commitPool(pool).digest;
  if (read.pool.digest !== poolDigest) return { status: 'record-not-of-pool', code, poolDigest };
  const entries = pool.weightOf(code);
  if (entries === undefined) return { status: 'not-in-pool', code };
  const position = read.winners.findIndex((w) => w.code === code);
  if (position < 0) return { status: 'not-won', code, entries, totalEntries: pool.totalEntries };
  const { entry } = read.winners[position]!;
  return { status: 'won', code, position: position + 1, entry, entries, totalEntries: pool.totalEntries };
}

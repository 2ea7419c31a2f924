import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { isApplicationCode } from '../pool/applicationCode';
import { commitPool } from '../pool/commitPool';
import { requirePool, type Pool } from '../pool/Pool';
import { describeValue } from '../errors/fromZod';
import { recordOfPool } from './internal/recordOfPool';

/** What a published pool and record say about one application code. */
export type DrawLookup =
  | {
      /** The code won. */
      readonly status: 'won';
      /** 13-digit application code. */
      readonly code: string;
      /** 1-based place in the draw order (序号). */
      readonly position: number;
      /** The entry number of the winning pick (摇号基数序号). */
      readonly entry: number;
      /** The code's entries in the pool. */
      readonly entries: number;
      /** Total entries T of the pool. */
      readonly totalEntries: number;
    }
  | {
      /** The code was in the pool and did not win. */
      readonly status: 'not-won';
      /** 13-digit application code. */
      readonly code: string;
      /** The code's entries in the pool. */
      readonly entries: number;
      /** Total entries T of the pool. */
      readonly totalEntries: number;
    }
  | {
      /** The code is not in this pool. */
      readonly status: 'not-in-pool';
      /** 13-digit application code. */
      readonly code: string;
    }
  | {
      /** The record is not the draw of this pool: nothing can be said. */
      readonly status: 'record-not-of-pool';
      /** 13-digit application code. */
      readonly code: string;
      /** The pool's commitment digest, which no lottery of the record names. */
      readonly poolDigest: string;
    };

/**
 * Looks an application code up in a published draw, for auditors with only the files: the pool
 * (official zip, JSON Lines, CSV) and the draw's audit record (or the period record holding it).
 * Won (place in the draw order and entry number), not won (its entries of T), or not in this pool.
 * The record must be the one of this pool (its pool commitment is compared).
 */
export function lookupDrawResult(pool: Pool, record: unknown, code: string): DrawLookup {
  requirePool(pool, ['pool']);
  if (typeof code !== 'string' || !isApplicationCode(code))
    throw new YaohaoError([
      { code: 'invalid_code', path: ['code'], message: `code ${describeValue(code)} is not 13 decimal digits` },
    ]);
  const found = recordOfPool(record, pool);
  if (found.record === undefined) return { status: 'record-not-of-pool', code, poolDigest: commitPool(pool).digest };
  const entries = pool.weightOf(code);
  if (entries === undefined) return { status: 'not-in-pool', code };
  const position = found.record.winners.findIndex((w) => w.code === code);
  if (position < 0) return { status: 'not-won', code, entries, totalEntries: pool.totalEntries };
  return {
    status: 'won',
    code,
    position: position + 1,
    entry: found.record.winners[position]!.entry,
    entries,
    totalEntries: pool.totalEntries,
  };
}

/** lookupDrawResult that returns `{ success, value | issues }` instead of throwing. */
export function safeLookupDrawResult(pool: Pool, record: unknown, code: string): SafeResult<DrawLookup> {
  return safely(() => lookupDrawResult(pool, record, code));
}

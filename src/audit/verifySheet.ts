import { drawLottery } from '../draw/drawLottery';
import type { Issue } from '../errors/Issue';
import { parseWith } from '../errors/fromZod';
import { isYaohaoError } from '../errors/YaohaoError';
import { requirePool, type Pool } from '../pool/Pool';
import type { AuditRecord } from './AuditRecord';
import { PublishedSheetSchema } from './checkPublishedSheet';

/** Why a result sheet does not replay against a pool. */
export type SheetMismatchReason =
  /** The sheet does not match the sheet schema (issues say where). */
  | 'malformed-sheet'
  /** The sheet's T is not this pool's number of entries: it is the sheet of another pool. */
  | 'pool-mismatch'
  /** The sheet's figures cannot be replayed (e.g. a seed the generator refuses). */
  | 'replay-failed'
  /** The row at `position` differs (code or entry number). */
  | 'winner-mismatch'
  /** The sheet lists fewer winners than the replay. */
  | 'missing-winner'
  /** The sheet lists more winners than the replay. */
  | 'extra-winner';

/** The outcome of verifySheet. `expected` is what the replay gives, `actual` what the sheet says. */
export type SheetReplayResult =
  | {
      /** Every row replays. */
      readonly ok: true;
      /** The replayed draw, whose winners are the sheet's rows (its record, for lookups and archives). */
      readonly record: AuditRecord;
    }
  | {
      /** The sheet does not replay against this pool. */
      readonly ok: false;
      /** What differs, as a word a program can test. */
      readonly reason: SheetMismatchReason;
      /** One sentence naming what differs and how to reproduce it (seed, label, row). */
      readonly message: string;
      /** 0-based row (序号 − 1), for row mismatches. */
      readonly position?: number;
      /** What the replay gives. */
      readonly expected?: unknown;
      /** What the sheet says. */
      readonly actual?: unknown;
      /** Schema problems, for malformed sheets. */
      readonly issues?: readonly Issue[];
    };

/**
 * Replays a published result sheet against the pool it was drawn from (docs/spec.md §18.3): the
 * draw of the sheet's seed, quota, generator (legacy unless the sheet says) and label must give
 * exactly the sheet's rows, in order — each code, and each entry number where the sheet prints
 * one. Reports the first differing row. Unlike checkPublishedSheet (no pool), this ties every
 * code to its entry.
 */
export function verifySheet(sheet: unknown, pool: Pool): SheetReplayResult {
  requirePool(pool, ['pool']);
  const parsed = parseWith(PublishedSheetSchema, sheet, { path: ['sheet'] });
  if (!parsed.ok)
    return { ok: false, reason: 'malformed-sheet', message: parsed.issues[0]!.message, issues: parsed.issues };
  const s = parsed.value;
  if (s.totalEntries !== pool.totalEntries) {
    return {
      ok: false,
      reason: 'pool-mismatch',
      message: `the sheet says T = ${s.totalEntries} entries, but this pool has ${pool.totalEntries}: it is the sheet of another pool`,
      expected: pool.totalEntries,
      actual: s.totalEntries,
    };
  }
  const generator = s.generator ?? 'legacy';
  const label = s.label ?? '';
  let record: AuditRecord;
  try {
    record = drawLottery(pool, { quota: s.quota, seed: s.seed, generator, label }).record;
  } catch (error) {
    if (!isYaohaoError(error)) throw error;
    return {
      ok: false,
      reason: 'replay-failed',
      message: `the sheet cannot be replayed: ${error.issues[0]?.message ?? error.message}`,
      issues: error.issues,
    };
  }
  const where = `(generator ${generator}, seed ${JSON.stringify(s.seed)}, label ${JSON.stringify(label)}, quota ${s.quota})`;
  const replayed = record.winners;
  const shared = Math.min(replayed.length, s.rows.length);
  for (let position = 0; position < shared; position++) {
    const expected = replayed[position]!;
    const actual = s.rows[position]!;
    if (actual.code !== expected.code || (actual.entry !== undefined && actual.entry !== expected.entry)) {
      const printed = actual.entry === undefined ? actual.code : `${actual.code} at entry ${actual.entry}`;
      const fields: string[] = [];
      if (actual.code !== expected.code) fields.push('code');
      if (actual.entry !== undefined && actual.entry !== expected.entry) fields.push('entry');
      return {
        ok: false,
        reason: 'winner-mismatch',
        message: `row ${position + 1} differs in its ${fields.join(' and ')}: replay ${where} gives ${expected.code} at entry ${expected.entry}, the sheet says ${printed}`,
        position,
        expected,
        actual,
      };
    }
  }
  if (replayed.length !== s.rows.length) {
    const missing = replayed.length > s.rows.length;
    return {
      ok: false,
      reason: missing ? 'missing-winner' : 'extra-winner',
      message: `the sheet lists ${s.rows.length} winners; replay ${where} gives ${replayed.length}`,
      position: shared,
      expected: replayed[shared],
      actual: s.rows[shared],
    };
  }
  return { ok: true, record };
}

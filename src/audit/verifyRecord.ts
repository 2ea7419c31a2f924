import { drawOutcome, type DrawOutcome } from '../draw/internal/drawOutcome';
import { APPLICANT_KINDS } from '../pool/ApplicantKind';
import { parseApplicationCode } from '../pool/applicationCode';
import { codeOfKey, kindIdOfKey, poolColumns } from '../pool/Pool';
import type { Issue } from '../errors/Issue';
import { parseWith } from '../errors/fromZod';
import { isYaohaoError } from '../errors/YaohaoError';
import { commitPool } from '../pool/commitPool';
import type { Pool } from '../pool/Pool';
import { argumentError, optionsObject } from '../errors/arguments';
import { requirePool } from '../pool/Pool';
import { AuditRecordSchema, digestOfRecord, plainAuditRecord, type AuditRecord } from './AuditRecord';

/** Why a record failed verification. */
export type MismatchReason =
  /** The record does not match the record schema (issues say where). */
  | 'malformed-record'
  /** The pool given is not the pool the record commits to. */
  | 'pool-mismatch'
  /** The record's parameters cannot be replayed (e.g. a seed the generator refuses). */
  | 'replay-failed'
  /** Replay says everyone wins (or not) and the record says otherwise. */
  | 'allocation-mismatch'
  /** The winner at `position` differs (code or entry). */
  | 'winner-mismatch'
  /** The record lists fewer winners than the replay. */
  | 'missing-winner'
  /** The record lists more winners than the replay. */
  | 'extra-winner'
  /** Same winners, but a different number of picks. */
  | 'picks-mismatch'
  /** Every replayed value matches, but the record's digest does not match its content. */
  | 'digest-mismatch';

/** A field of a winner. */
export type WinnerField = 'code' | 'entry' | 'kind';

const WINNER_FIELDS: readonly WinnerField[] = ['code', 'entry', 'kind'];

/** The outcome of verifyRecord. `expected` is what the replay gives, `actual` what the record says. */
export type VerifyResult =
  | {
      /** The record replays. */
      readonly ok: true;
      /** The record, read (the same object when it was plainly valid). */
      readonly record: AuditRecord;
    }
  | {
      /** The record does not replay against this pool. */
      readonly ok: false;
      /** What differs, as a word a program can test. */
      readonly reason: MismatchReason;
      /** One sentence naming what differs and how to reproduce it (seed, label, position). */
      readonly message: string;
      /** 0-based position in the winner list, for winner mismatches. */
      readonly position?: number;
      /** For a winner mismatch: which fields of the winner differ (the code, the entry, the kind). */
      readonly fields?: readonly WinnerField[];
      /** What the replay gives. */
      readonly expected?: unknown;
      /** What the record says. */
      readonly actual?: unknown;
      /** Schema problems, for malformed records. */
      readonly issues?: readonly Issue[];
    };

/** Options of verifyRecord. */
export interface VerifyRecordOptions {
  /**
   * The record digest as published at the draw. Replay catches any change that alters the
   * outcome; a change to informative fields (engine, policy id, the label of a legacy draw) with
   * a recomputed digest is caught only by comparing with the digest published at the time.
   */
  readonly publishedDigest?: string;
}

/**
 * Replays a record against a pool and reports the first difference (docs/spec.md §7): the pool
 * commitment, then every winner in order, then the pick count, then the record digest (which
 * catches edits to fields that do not change the draw, such as the label under `legacy`), then
 * the published digest when one is given.
 */
export function verifyRecord(record: unknown, pool: Pool, options: VerifyRecordOptions = {}): VerifyResult {
  requirePool(pool, ['pool']);
  const { publishedDigest } = optionsObject(options, ['options']);
  if (publishedDigest !== undefined && typeof publishedDigest !== 'string')
    throw argumentError(['options', 'publishedDigest'], 'a digest (64 hex digits)', publishedDigest);
  const plain = plainAuditRecord(record);
  const parsed =
    plain === undefined
      ? parseWith(AuditRecordSchema, record, { path: ['record'] })
      : { ok: true as const, value: plain };
  if (!parsed.ok) {
    return {
      ok: false,
      reason: 'malformed-record',
      message: `the record is not a valid ${'yaohao-record/1'}: ${parsed.issues[0]!.message}`,
      issues: parsed.issues,
    };
  }
  const claimed = parsed.value;
  const commitment = commitPool(pool);
  for (const field of ['digest', 'size', 'totalEntries'] as const) {
    if (claimed.pool[field] !== commitment[field]) {
      return {
        ok: false,
        reason: 'pool-mismatch',
        message: `the record commits to a pool with ${field} ${String(claimed.pool[field])}, but this pool has ${String(commitment[field])}`,
        expected: commitment,
        actual: claimed.pool,
      };
    }
  }
  // Replay the draw itself; the record's digest is computed once, for the claimed record, at the end.
  let replay: DrawOutcome;
  try {
    replay = drawOutcome(pool, {
      quota: claimed.quota,
      seed: claimed.seed,
      generator: claimed.generator,
      label: claimed.label,
    });
  } catch (error) {
    if (!isYaohaoError(error)) throw error;
    return {
      ok: false,
      reason: 'replay-failed',
      message: `the record cannot be replayed: ${error.issues[0]?.message ?? error.message}`,
      issues: error.issues,
    };
  }
  const where = `(generator ${claimed.generator}, seed ${JSON.stringify(claimed.seed)}, label ${JSON.stringify(claimed.label)}, quota ${claimed.quota})`;
  if (replay.allocation !== claimed.allocation) {
    return {
      ok: false,
      reason: 'allocation-mismatch',
      message: `replay ${where} gives allocation "${replay.allocation}", the record says "${claimed.allocation}"`,
      expected: replay.allocation,
      actual: claimed.allocation,
    };
  }
  // Compare as numbers, without naming every replayed winner; name them only to report a difference.
  // One read of each winner's key, from locals: this loop is most of what verifying adds to the replay.
  const { keys } = poolColumns(pool);
  const { indexes, entries } = replay;
  const claimedWinners = claimed.winners;
  const count = indexes.length;
  const shared = Math.min(count, claimedWinners.length);
  for (let position = 0; position < shared; position++) {
    const key = keys[indexes[position]!]!;
    const actual = claimedWinners[position]!;
    if (
      actual.entry !== entries[position] ||
      parseApplicationCode(actual.code) !== codeOfKey(key) ||
      actual.kind !== APPLICANT_KINDS[kindIdOfKey(key)]
    ) {
      const expected = replay.winner(position);
      const fields = WINNER_FIELDS.filter((field) => expected[field] !== actual[field]);
      return {
        ok: false,
        reason: 'winner-mismatch',
        message: `winner #${position + 1} differs in its ${fields.join(' and ')}: replay ${where} gives ${expected.code} (${expected.kind}) at entry ${expected.entry}, the record says ${actual.code} (${actual.kind}) at entry ${actual.entry}`,
        position,
        fields,
        expected,
        actual,
      };
    }
  }
  if (count !== claimed.winners.length) {
    const missing = count > claimed.winners.length;
    return {
      ok: false,
      reason: missing ? 'missing-winner' : 'extra-winner',
      message: `the record lists ${claimed.winners.length} winners; replay ${where} gives ${count}`,
      position: shared,
      expected: missing ? replay.winner(shared) : undefined,
      actual: claimed.winners[shared],
    };
  }
  if (replay.picks !== claimed.picks) {
    return {
      ok: false,
      reason: 'picks-mismatch',
      message: `replay ${where} uses ${replay.picks} picks, the record says ${claimed.picks}`,
      expected: replay.picks,
      actual: claimed.picks,
    };
  }
  const digest = digestOfRecord(claimed);
  if (digest !== claimed.digest) {
    return {
      ok: false,
      reason: 'digest-mismatch',
      message:
        'every winner replays, but the record digest does not match its content: a field was edited after the draw',
      expected: digest,
      actual: claimed.digest,
    };
  }
  if (publishedDigest !== undefined && publishedDigest !== digest) {
    return {
      ok: false,
      reason: 'digest-mismatch',
      message: `every winner replays, but the record digest ${digest} is not the published ${publishedDigest}: an informative field differs from the published record`,
      expected: publishedDigest,
      actual: digest,
    };
  }
  return { ok: true, record: claimed };
}

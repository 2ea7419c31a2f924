import type { Pool } from '../pool/Pool';

/** Rows per ApplyNumber part file, as the official program writes and reads them. */
export const ROWS_PER_PART: number = 100_000;

/** What a period type names: its files' prefix and the kind of its applications. */
export interface PeriodType {
  /** File name prefix, e.g. `bjPersonCommon`. */
  readonly prefix: string;
  /** The kind of every application in such a pool. */
  readonly kind: 'individual' | 'unit';
}

/** The period types of the official files: person/unit, common (ordinary) / new (new-energy). */
export const PERIOD_TYPES: Readonly<Record<string, PeriodType>> = {
  PERSONCOMMON: { prefix: 'bjPersonCommon', kind: 'individual' },
  PERSONNEW: { prefix: 'bjPersonNew', kind: 'individual' },
  UNITCOMMON: { prefix: 'bjUnitCommon', kind: 'unit' },
  UNITNEW: { prefix: 'bjUnitNew', kind: 'unit' },
};

/** The header (…NumberPeriodYYYYMM.csv) of an official pool: seven lines. */
export interface OfficialPoolHeader {
  /** Line 1: PERSONCOMMON, PERSONNEW, UNITCOMMON or UNITNEW. */
  readonly periodType: string;
  /** Line 2: the period number, YYYYMM. */
  readonly period: string;
  /** Line 3: the period title. */
  readonly title: string;
  /** Lines 4 and 5: free text. */
  readonly notes: readonly [string, string];
  /** Line 6: total entries T. */
  readonly totalEntries: number;
  /** Line 7: the quota. */
  readonly quota: number;
}

/** A pool read from an official zip, with its header and the zip's MD5 (compare it with the published one). */
export interface OfficialPool {
  /** The pool: each code weighs its number of entries (explicit weights). */
  readonly pool: Pool;
  /** The header file's seven lines. */
  readonly header: OfficialPoolHeader;
  /** Lowercase hex MD5 of the zip file's bytes. */
  readonly md5: string;
  /** Entries read (T). */
  readonly entries: number;
  /** Bytes in the zip file. */
  readonly bytes: number;
  /** Files in the zip that are neither the header nor a part (read by no one; listed so nothing is silent). */
  readonly otherFiles: readonly string[];
}

/** Name of the header file of a period. */
export function headerFileName(prefix: string, period: string): string {
  return `${prefix}NumberPeriod${period}.csv`;
}

/** Name of part `part` (1-based) of a period. */
export function partFileName(prefix: string, period: string, part: number): string {
  return `${prefix}ApplyNumber${period}_${String(part).padStart(4, '0')}.csv`;
}

/** Number of part files for T entries. */
export function partCount(totalEntries: number): number {
  return Math.ceil(totalEntries / ROWS_PER_PART);
}

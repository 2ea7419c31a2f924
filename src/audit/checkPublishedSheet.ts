import { requireInteger } from '../errors/arguments';
import * as z from 'zod/mini';
import { costLimit } from '../draw/drawCost';
import { maxPicks } from '../draw/internal/drawIndexes';
import type { Issue } from '../errors/Issue';
import { described } from '../errors/described';
import { parseWith } from '../errors/fromZod';
import { codeToNumber, isApplicationCode } from '../pool/applicationCode';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
import { getGenerator, type GeneratorId } from '../rng/generators';

const MAX_CODE_VALUE = 9_999_999_999_999;

/** One winner row of a published sheet. */
export interface PublishedRow {
  /** 摇号基数序号, when the sheet publishes it (Beijing); absent on code-only sheets. */
  readonly entry?: number | undefined;
  /** 申请编码. */
  readonly code: string;
}

/** A published result sheet: header figures and winner rows in draw order (序号 order). */
export interface PublishedSheet {
  /** Defaults to "legacy" (official sheets). */
  readonly generator?: GeneratorId | undefined;
  /** Sub-draw label, for default-generator sheets. */
  readonly label?: string | undefined;
  /** 指标配置种子数 / 指标配置初始值, as printed. */
  readonly seed: string;
  /** 基数序号总数 (T), or the number of valid codes on flat sheets. */
  readonly totalEntries: number;
  /** 指标配置总数. */
  readonly quota: number;
  /** "flat": one entry per code. Default: "weighted" when rows carry entries, else "flat". */
  readonly pool?: 'flat' | 'weighted' | undefined;
  /** Winners in draw order. */
  readonly rows: readonly PublishedRow[];
}

/** The zod schema of PublishedSheet. */
export const PublishedSheetSchema: z.ZodMiniType<PublishedSheet> = z
  .readonly(
    z.strictObject({
      generator: z.optional(z.enum(['legacy', 'default'])).apply(described, 'Defaults to "legacy" (official sheets).'),
      label: z.optional(z.string()).apply(described, 'Sub-draw label, for default-generator sheets.'),
      seed: z.string().check(z.minLength(1)).apply(described, '指标配置种子数 / 指标配置初始值.'),
      totalEntries: z
        .int()
        .check(z.minimum(0))
        .apply(described, '基数序号总数 (T), or the number of valid codes for flat pools (0: an empty pool, no rows).'),
      quota: z.int().check(z.minimum(1)).apply(described, '指标配置总数.'),
      pool: z
        .optional(z.enum(['flat', 'weighted']))
        .apply(
          described,
          '"flat": one entry per code (T = codes). Default: "weighted" when rows carry entries, else "flat".',
        ),
      rows: z
        .readonly(
          z.array(
            z.readonly(z.strictObject({ entry: z.optional(z.int().check(z.minimum(1))), code: ApplicationCodeSchema })),
          ),
        )
        .apply(described, 'Winners in draw order: 摇号基数序号 (if published) and 申请编码.'),
    }),
  )
  .apply(described, 'A published lottery result sheet.');

/** Why a sheet is inconsistent with its own seed. */
export type SheetInconsistency =
  | 'malformed-sheet'
  | 'invalid-seed'
  | 'wrong-count'
  | 'repeated-code'
  | 'repeated-entry'
  | 'entry-mismatch'
  | 'skipped-winner'
  | 'unexplained-skip'
  | 'code-order'
  | 'exhausted'
  | 'work-limit';

/** A pick the sheet skips whose legitimacy needs the pool: its entry must belong to a code that already won. */
export interface UnverifiedSkip {
  /** 1-based pick number in the generator's sequence. */
  readonly pick: number;
  /** 1-based entry number that pick drew. */
  readonly entry: number;
}

/** The verdict of checkPublishedSheet. */
export type SheetVerdict =
  | {
      /** The sheet agrees with its seed as far as a check without the pool can tell. */
      readonly ok: true;
      /** How the sheet was checked: entry numbers, code order (code-only sheets), or an allocate-all sheet. */
      readonly mode: 'entries' | 'codes' | 'all';
      /** Generator outputs consumed to produce the published winners. */
      readonly picks: number;
      /** Picks thrown away because their entry repeated an earlier winner's entry (provably legitimate). */
      readonly rejectedPicks: number;
      /** Weighted sheets only: the first skipped picks at entries no row shows (at most 1,000); each needs the pool to confirm. */
      readonly unverifiedSkips: readonly UnverifiedSkip[];
      /** How many such skipped picks there were in all. */
      readonly unverifiedSkipCount: number;
    }
  | {
      /** The sheet does not agree with its seed (or cannot be checked without the pool). */
      readonly ok: false;
      /** Why, as a word a program can test. */
      readonly reason: SheetInconsistency;
      /** One sentence naming the row and what the seed gives instead. */
      readonly message: string;
      /** 0-based row (序号 − 1) where the sheet first goes wrong. */
      readonly position?: number;
      /** What the seed gives at that row, when there is one value to show. */
      readonly expected?: unknown;
      /** What the sheet says there. */
      readonly actual?: unknown;
      /** Schema problems, for a malformed sheet. */
      readonly issues?: readonly Issue[];
    };

type Failure = Extract<SheetVerdict, { ok: false }>;

/**
 * Checks a published result sheet against its own seed, without the pool (docs/spec.md §8).
 * Rows with entry numbers (Beijing): the entries must be exactly what the seed draws, in order,
 * skipping only picks whose code had already won. Code-only rows (Guangzhou, Shenzhen; flat
 * pools): codes must rise exactly as the drawn entry numbers rise, with room for the codes between.
 */
export function checkPublishedSheet(sheet: unknown): SheetVerdict {
  const plain = plainSheet(sheet);
  const parsed =
    plain === undefined
      ? parseWith(PublishedSheetSchema, sheet, { path: ['sheet'] })
      : { ok: true as const, value: plain };
  if (!parsed.ok)
    return { ok: false, reason: 'malformed-sheet', message: parsed.issues[0]!.message, issues: parsed.issues };
  const s = parsed.value;
  const generator = getGenerator(s.generator ?? 'legacy')!;
  const seedProblem = generator.seedProblem(s.seed);
  if (seedProblem !== undefined) return { ok: false, reason: 'invalid-seed', message: seedProblem };
  const rows = s.rows;
  const withEntries = rows.filter((row) => row.entry !== undefined).length;
  if (withEntries !== 0 && withEntries !== rows.length) {
    return { ok: false, reason: 'malformed-sheet', message: 'either every row carries an entry number or none does' };
  }
  const hasEntries = rows.length > 0 && withEntries === rows.length;
  const flat = (s.pool ?? (hasEntries ? 'weighted' : 'flat')) === 'flat';
  if (!hasEntries && !flat)
    return { ok: false, reason: 'malformed-sheet', message: 'a code-only sheet can be checked only for a flat pool' };
  if (s.totalEntries > generator.maxTotalEntries) {
    return {
      ok: false,
      reason: 'malformed-sheet',
      message: `T = ${s.totalEntries} is beyond what the ${generator.id} generator supports`,
    };
  }

  const repeated = firstRepeat(rows.map((row) => codeToNumber(row.code)));
  if (repeated !== undefined) {
    return {
      ok: false,
      reason: 'repeated-code',
      position: repeated.second,
      message: `row ${repeated.second + 1} repeats the code of row ${repeated.first + 1} (${rows[repeated.second]!.code}); a code wins at most once`,
      actual: rows[repeated.second]!.code,
    };
  }
  if (hasEntries) {
    const repeatedEntry = firstRepeat(rows.map((row) => row.entry!));
    if (repeatedEntry !== undefined) {
      return {
        ok: false,
        reason: 'repeated-entry',
        position: repeatedEntry.second,
        message: `row ${repeatedEntry.second + 1} repeats the entry number of row ${repeatedEntry.first + 1}`,
        actual: rows[repeatedEntry.second]!.entry,
      };
    }
    const beyond = rows.findIndex((row) => row.entry! > s.totalEntries);
    if (beyond >= 0) {
      return {
        ok: false,
        reason: 'entry-mismatch',
        position: beyond,
        message: `row ${beyond + 1} has entry ${rows[beyond]!.entry}, beyond T = ${s.totalEntries}`,
        actual: rows[beyond]!.entry,
      };
    }
  }

  // Everyone won without a draw: rows are the codes in ascending order at entries 1, 2, ….
  if (s.quota >= s.totalEntries) return checkAllocateAll(rows, s.totalEntries, s.quota, flat);
  // A weighted pool with no more codes than the quota (n ≤ q < T): every code wins, in code order, at
  // its pass-1 entry. Only the pool can confirm n; a sheet of this shape is read that way.
  const looksAllocated =
    !flat &&
    hasEntries &&
    rows.length <= s.quota &&
    rows.every((row, i) => row.entry === i + 1 && (i === 0 || row.code > rows[i - 1]!.code));
  if (looksAllocated) return checkAllocateAll(rows, s.totalEntries, s.quota, flat);
  if (rows.length !== s.quota) {
    return {
      ok: false,
      reason: 'wrong-count',
      message: `the sheet lists ${rows.length} winners for a quota of ${s.quota} drawn from ${s.totalEntries} entries`,
      expected: s.quota,
      actual: rows.length,
    };
  }
  const stream = generator.open(s.seed, s.label ?? '', s.totalEntries);
  const budget = { picks: maxPicks(s.totalEntries), work: sheetWorkLimit(rows.length) };
  return hasEntries
    ? checkEntries(rows as readonly { entry: number; code: string }[], stream, budget, flat, s.totalEntries)
    : checkCodes(rows, stream, budget, s.totalEntries);
}

const SHEET_KEYS = new Set(['generator', 'label', 'seed', 'totalEntries', 'quota', 'pool', 'rows']);
const isCount = (value: unknown, min: number): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fast path of reading a sheet: the value itself when it is plainly a valid PublishedSheet,
 * else undefined and PublishedSheetSchema decides and explains (zod takes a noticeable time on
 * 200,000 rows). Accepts only what the schema accepts.
 */
function plainSheet(value: unknown): PublishedSheet | undefined {
  if (!isRecord(value)) return undefined;
  for (const key in value) if (!SHEET_KEYS.has(key)) return undefined;
  const { generator, label, seed, totalEntries, quota, pool, rows } = value;
  if (
    !(generator === undefined || generator === 'legacy' || generator === 'default') ||
    !(label === undefined || typeof label === 'string') ||
    !(typeof seed === 'string' && seed.length > 0) ||
    !isCount(totalEntries, 0) ||
    !isCount(quota, 1) ||
    !(pool === undefined || pool === 'flat' || pool === 'weighted') ||
    !Array.isArray(rows)
  )
    return undefined;
  for (const row of rows as unknown[]) {
    if (!isRecord(row)) return undefined;
    for (const key in row) if (key !== 'entry' && key !== 'code') return undefined;
    if (!isApplicationCode(row['code'] as string) || !(row['entry'] === undefined || isCount(row['entry'], 1)))
      return undefined;
  }
  return value as unknown as PublishedSheet;
}

/** Indexes of `values` (distinct, safe integers ≥ 0) in ascending order of value. */
function orderOf(values: Float64Array): Uint32Array {
  const n = values.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  let max = 0;
  for (const v of values) if (v > max) max = v;
  // value × scale + index packs both into one exact double when it fits: one native numeric sort.
  if ((max + 1) * scale <= Number.MAX_SAFE_INTEGER) {
    const keys = Float64Array.from(values, (v, i) => v * scale + i).sort();
    return Uint32Array.from(keys, (key) => key % scale);
  }
  return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
}

function firstRepeat(values: readonly number[]): { first: number; second: number } | undefined {
  // Most sheets have no repeat: a native sort says so; only then is the first repeat looked for.
  const sorted = Float64Array.from(values).sort();
  if (sorted.every((v, i) => i === 0 || v !== sorted[i - 1])) return undefined;
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const first = seen.get(values[i]!);
    if (first !== undefined) return { first, second: i };
    seen.set(values[i]!, i);
  }
  return undefined;
}

function checkAllocateAll(
  rows: readonly { entry?: number | undefined; code: string }[],
  total: number,
  quota: number,
  flat: boolean,
): SheetVerdict {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.entry !== undefined && row.entry !== i + 1) {
      return {
        ok: false,
        reason: 'entry-mismatch',
        position: i,
        message: `with quota ${quota} ≥ the pool, every code wins in order: row ${i + 1} should be entry ${i + 1}, the sheet says ${row.entry}`,
        expected: i + 1,
        actual: row.entry,
      };
    }
    if (i > 0 && row.code <= rows[i - 1]!.code) {
      return {
        ok: false,
        reason: 'code-order',
        position: i,
        message: `with quota ${quota} ≥ the pool, codes are listed in ascending order; row ${i + 1} (${row.code}) is not above row ${i} (${rows[i - 1]!.code})`,
      };
    }
  }
  if (rows.length > total || (flat && rows.length !== total)) {
    return {
      ok: false,
      reason: 'wrong-count',
      message: `with quota ${quota} ≥ the pool, the sheet should list every code: ${flat ? total : `at most ${total}`}, it lists ${rows.length}`,
      expected: total,
      actual: rows.length,
    };
  }
  return { ok: true, mode: 'all', picks: 0, rejectedPicks: 0, unverifiedSkips: [], unverifiedSkipCount: 0 };
}

/** The official budget (10·T picks) and the sheet check's own work limit (docs/spec.md §8). */
interface Budget {
  readonly picks: number;
  readonly work: number;
}

/**
 * The most picks a sheet check runs, whatever T: max(2^22, 32 × rows) — the draw cost limit of
 * §5.3 with the rows in place of the pool's codes. A genuine sheet needs more only when a few codes
 * hold nearly every entry; such a sheet can be checked with the pool only (yaohao verify).
 */
export function sheetWorkLimit(rows: number): number {
  requireInteger(rows, ['rows'], 0, Number.MAX_SAFE_INTEGER);
  return costLimit(rows);
}

// Memory stays bounded whatever the sheet: the first skips are kept, the rest counted.
const KEPT_SKIPS = 1000;

function outOfWork(position: number, budget: Budget): Failure {
  return {
    ok: false,
    reason: 'work-limit',
    position,
    message: `row ${position + 1} is not explained within ${budget.work} picks (the check's limit for ${position === 0 ? 'this' : 'a'} sheet of this size, docs/spec.md §8): the sheet cannot be confirmed without the pool (yaohao verify)`,
  };
}

function checkEntries(
  rows: readonly { entry: number; code: string }[],
  stream: { nextIndex(): number },
  budget: Budget,
  flat: boolean,
  total: number,
): SheetVerdict {
  const rowOfEntry = new Map<number, number>();
  rows.forEach((row, i) => rowOfEntry.set(row.entry, i));
  const unverifiedSkips: UnverifiedSkip[] = [];
  let unverifiedSkipCount = 0;
  let firstSkipSinceMatch: UnverifiedSkip | undefined;
  let picks = 0;
  let rejectedPicks = 0;
  let next = 0;
  while (next < rows.length) {
    if (picks === budget.picks) return exhausted(next, rows[next]!.entry, budget.picks, firstSkipSinceMatch);
    if (picks === budget.work) return outOfWork(next, budget);
    const entry = stream.nextIndex() + 1;
    picks++;
    const row = rowOfEntry.get(entry);
    if (row === next) {
      next++;
      firstSkipSinceMatch = undefined;
    } else if (row !== undefined && row < next) {
      rejectedPicks++; // the same entry as an earlier winner: same code, rightly thrown away
    } else if (row !== undefined) {
      return {
        ok: false,
        reason: 'skipped-winner',
        position: next,
        message: `pick ${picks} draws entry ${entry}, which the sheet gives to row ${row + 1} (${rows[row]!.code}); that code had not won yet, so row ${next + 1} should be entry ${entry}, not ${rows[next]!.entry}`,
        expected: entry,
        actual: rows[next]!.entry,
      };
    } else if (flat) {
      return {
        ok: false,
        reason: 'unexplained-skip',
        position: next,
        message: `pick ${picks} draws entry ${entry}, which no row shows; in a flat pool its code cannot have won before, so row ${next + 1} should be entry ${entry}, not ${rows[next]!.entry}`,
        expected: entry,
        actual: rows[next]!.entry,
      };
    } else {
      const skip = { pick: picks, entry };
      if (unverifiedSkipCount++ < KEPT_SKIPS) unverifiedSkips.push(skip);
      firstSkipSinceMatch ??= skip;
    }
  }
  if (flat) {
    // In a flat pool an entry is its code's rank: codes must also rise as entries rise.
    const misplaced = codeOrderProblem(
      rows,
      Float64Array.from(rows, (row) => row.entry),
      total,
    );
    if (misplaced !== undefined) return misplaced;
  }
  return { ok: true, mode: 'entries', picks, rejectedPicks, unverifiedSkips, unverifiedSkipCount };
}

function exhausted(position: number, entry: number, budget: number, firstSkip: UnverifiedSkip | undefined): Failure {
  return {
    ok: false,
    reason: 'exhausted',
    position,
    message:
      `the seed never draws row ${position + 1}'s entry ${entry} within the ${budget}-pick budget` +
      (firstSkip === undefined
        ? ''
        : `; the first pick after row ${position} that no row explains is pick ${firstSkip.pick} (entry ${firstSkip.entry})`),
    actual: entry,
    ...(firstSkip === undefined ? {} : { expected: firstSkip.entry }),
  };
}

function checkCodes(
  rows: readonly { code: string }[],
  stream: { nextIndex(): number },
  budget: Budget,
  total: number,
): SheetVerdict {
  // Entries drawn in order, repeats thrown away; in a flat pool an entry is its code's rank.
  const drawn = new Set<number>();
  const placed = new Float64Array(rows.length);
  let picks = 0;
  let rejectedPicks = 0;
  for (let k = 0; k < rows.length; k++) {
    let entry: number;
    for (;;) {
      if (picks === budget.picks)
        return {
          ok: false,
          reason: 'exhausted',
          position: k,
          message: `the seed does not give ${rows.length} distinct entries within ${budget.picks} picks`,
        };
      if (picks === budget.work) return outOfWork(k, budget);
      entry = stream.nextIndex() + 1;
      picks++;
      if (!drawn.has(entry)) break;
      rejectedPicks++;
    }
    drawn.add(entry);
    placed[k] = entry;
  }
  return (
    codeOrderProblem(rows, placed, total) ?? {
      ok: true,
      mode: 'codes',
      picks,
      rejectedPicks,
      unverifiedSkips: [],
      unverifiedSkipCount: 0,
    }
  );
}

/**
 * In a flat pool entry e is the code of rank e: the codes of the rows must rise as their entries
 * rise, with room for the codes between (b − a − 1 codes lie between entries a < b, so their codes
 * differ by at least b − a). Rows are taken in draw order; the first that does not fit against a
 * row before it (or the pool's ends) is reported. Rows have distinct entries and codes (checked
 * before). O(n log n): the rows are sorted by entry once; whether the first m rows fit is one pass
 * over them, and fitting is lost for good once lost, so the first misfit is found by bisection on m.
 */
function codeOrderProblem(
  rows: readonly { code: string }[],
  entries: Float64Array,
  total: number,
): Failure | undefined {
  const codes = Float64Array.from(rows, (row) => codeToNumber(row.code));
  const order = orderOf(entries);
  // Neighbours must satisfy code gap ≥ entry gap; so must the ends (code −1 at entry 0, 10^13 at T + 1).
  const fits = (lower: { entry: number; code: number }, upper: { entry: number; code: number }): boolean =>
    upper.code - lower.code >= upper.entry - lower.entry;
  const start = { entry: 0, code: -1 };
  const end = { entry: total + 1, code: MAX_CODE_VALUE + 1 };
  const at = (i: number): { entry: number; code: number } => ({ entry: entries[i]!, code: codes[i]! });
  // Whether the first m rows (in draw order) fit together: one pass over the rows in entry order.
  const prefixFits = (m: number): boolean => {
    let entry = start.entry;
    let code = start.code;
    for (let j = 0; j < order.length; j++) {
      const i = order[j]!;
      if (i >= m) continue;
      if (codes[i]! - code < entries[i]! - entry) return false;
      entry = entries[i]!;
      code = codes[i]!;
    }
    return end.code - code >= end.entry - entry;
  };
  if (prefixFits(rows.length)) return undefined;
  let low = 1;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (prefixFits(mid)) low = mid + 1;
    else high = mid;
  }
  // Row k = low − 1 is the first that does not fit against the rows before it: name the neighbour.
  const k = low - 1;
  let before = -1;
  let after = -1;
  for (const i of order) {
    if (i >= k) continue;
    if (entries[i]! < entries[k]!) before = i;
    else if (after < 0) after = i;
  }
  const beforeFits = fits(before < 0 ? start : at(before), at(k));
  const neighbour = beforeFits ? after : before;
  const where =
    neighbour >= 0
      ? `row ${neighbour + 1} (${rows[neighbour]!.code}, entry ${entries[neighbour]!})`
      : beforeFits
        ? `the end of the pool (T = ${total})`
        : 'the start of the pool';
  return {
    ok: false,
    reason: 'code-order',
    position: k,
    message: `row ${k + 1} (${rows[k]!.code}) is at entry ${entries[k]!}, which does not fit its code against ${where}: codes must rise as entries rise, with room for the codes between`,
    expected: entries[k]!,
    actual: rows[k]!.code,
  };
}

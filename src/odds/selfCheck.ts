import { AuditRecordSchema, plainAuditRecord, type AuditRecord } from '../audit/AuditRecord';
import type { Issue } from '../errors/Issue';
import { describeValue, parseWith } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { APPLICANT_KINDS } from '../pool/ApplicantKind';
import { parseApplicationCode } from '../pool/applicationCode';
import { commitPool } from '../pool/commitPool';
import { codeValueAt, kindIdAt, poolColumns, requirePool, type Pool } from '../pool/Pool';
import { optionsObject } from '../errors/arguments';
import { groupedChiSquare, type ChiSquare, type Group } from './internal/groupedChiSquare';
import { binomialLowerTail, binomialUpperTail, twoSided } from './internal/specialFunctions';
import { thrownAwayTest } from './internal/thrownAwayPicks';
import { poolComposition, type WeightClass } from './PoolComposition';
import { winProbabilities } from './winProbabilities';

/** Options of selfCheck. */
export interface SelfCheckOptions {
  /** Family-wise false-alarm rate of the whole check, strictly between 0 and 1. Default 0.001. */
  readonly alpha?: number;
}

/** The name of a self-check test. */
export type SelfCheckTestName =
  | 'winners-in-pool'
  | 'weight-classes'
  | 'weight-class'
  | 'code-order'
  | 'submission-order'
  | 'entry-passes'
  | 'thrown-away-picks';

/** One test of a self-check. */
export interface SelfCheckTest {
  /** Which test (docs/spec.md §17.4). */
  readonly name: SelfCheckTestName;
  /** The weight class tested (`weight-class` tests only). */
  readonly weight?: number;
  /** The test statistic: χ² for grouped tests, z for single counts, problems found for `winners-in-pool`. */
  readonly statistic: number;
  /** Degrees of freedom of a χ² statistic. */
  readonly df?: number;
  /** Probability of a result at least this extreme in an honest draw. */
  readonly pValue: number;
  /** The test passes when pValue ≥ threshold (alpha split over the tests, Bonferroni). */
  readonly threshold: number;
  /** pValue ≥ threshold. */
  readonly passed: boolean;
  /** What was compared, in words and numbers. */
  readonly detail: string;
}

/** A check that could not run on this draw, and why. */
export interface SkippedCheck {
  /** The check's name. */
  readonly name: SelfCheckTestName;
  /** Why it did not run (everyone won, too few winners, …). */
  readonly reason: string;
}

/** The verdict of a self-check. */
export interface SelfCheckResult {
  /** Every test passed. */
  readonly ok: boolean;
  /** Family-wise false-alarm rate the thresholds were set for. */
  readonly alpha: number;
  /** The tests, in a fixed order. */
  readonly tests: readonly SelfCheckTest[];
  /** Tests that could not run on this draw, and why. */
  readonly skipped: readonly SkippedCheck[];
}

/** The statistical test families; alpha is split equally among them (Bonferroni). */
export const SELF_CHECK_FAMILIES = 6;

/**
 * Does this result look like a fair draw? (docs/spec.md §17.4) Checks a drawn record against its
 * pool: the winners fit the pool at all; winners per weight class against the exact expectation
 * (χ² and each class alone); winners by decile of code order and of submission order (the last 9
 * digits of a code are its serial — the failure that voided the 2012 US visa lottery); the
 * passes of the winning entries against the layout; the picks thrown away against what the
 * winners imply. Each verdict is at a threshold that keeps the chance of any false alarm on an
 * honest draw ≤ alpha. This is statistics, not a replay: `verifyRecord` proves a record; this asks
 * whether a draw — or the program that made it — behaves like the draw rule.
 */
export function selfCheck(pool: Pool, record: unknown, options: SelfCheckOptions = {}): SelfCheckResult {
  requirePool(pool, ['pool']);
  const alpha = optionsObject(options, ['options'])['alpha'] ?? 0.001;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1))
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: ['options', 'alpha'],
        message: `alpha must be strictly between 0 and 1, got ${describeValue(alpha)}`,
      },
    ]);
  const claimed = readRecord(record, pool);
  const family = alpha / SELF_CHECK_FAMILIES;
  const { problems, indexes: winnerIndexes } = locateWinners(pool, claimed);
  const structural: SelfCheckTest = {
    name: 'winners-in-pool',
    statistic: problems.length,
    pValue: problems.length === 0 ? 1 : 0,
    threshold: family,
    passed: problems.length === 0,
    detail:
      problems.length === 0
        ? `${claimed.winners.length} distinct winners, each at an entry of its own code`
        : problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; … ${problems.length - 3} more` : ''),
  };
  if (problems.length > 0)
    return { ok: false, alpha, tests: [structural], skipped: skipAll('the winners do not fit the pool') };
  if (claimed.allocation === 'all')
    return { ok: true, alpha, tests: [structural], skipped: skipAll('everyone won: nothing was drawn') };

  const prepared = prepare(pool, claimed.quota);
  const columns = poolColumns(pool);
  const tests: SelfCheckTest[] = [structural];
  const skipped: { name: SelfCheckTestName; reason: string }[] = [];
  const grouped = (
    name: SelfCheckTestName,
    groups: Group[] | undefined,
    describe: (chi: ChiSquare) => string,
    reason: string,
  ): void => {
    const chi = groups === undefined ? undefined : groupedChiSquare(groups);
    if (chi === undefined) skipped.push({ name, reason });
    else
      tests.push({
        name,
        statistic: chi.statistic,
        df: chi.df,
        pValue: chi.pValue,
        threshold: family,
        passed: chi.pValue >= family,
        detail: describe(chi),
      });
  };

  // Winners per weight class.
  const perClass = new Float64Array(prepared.classes.length);
  for (const i of winnerIndexes) perClass[prepared.classOf[i]!]!++;
  const classGroups = prepared.classes.map((c, k) => ({
    observed: perClass[k]!,
    expected: c.count * prepared.probability[k]!,
    variance: c.count * prepared.probability[k]! * (1 - prepared.probability[k]!),
  }));
  grouped(
    'weight-classes',
    classGroups,
    (chi) => `winners per weight class against the exact expectation (${chi.df + 1} groups of ≥ 5 expected)`,
    'fewer than two weight classes expect 5 winners',
  );
  const classThreshold = family / prepared.classes.length;
  prepared.classes.forEach((c, k) => {
    const p = prepared.probability[k]!;
    const observed = perClass[k]!;
    const { expected, variance } = classGroups[k]!;
    const pValue =
      p >= 1 || p <= 0
        ? observed === expected
          ? 1
          : 0
        : twoSided(binomialLowerTail(observed, c.count, p), binomialUpperTail(observed, c.count, p));
    tests.push({
      name: 'weight-class',
      weight: c.weight,
      statistic: variance > 0 ? (observed - expected) / Math.sqrt(variance) : 0,
      pValue,
      threshold: classThreshold,
      passed: pValue >= classThreshold,
      detail: `weight ${c.weight}: ${observed} winners of ${c.count}, expected ${expected.toFixed(1)}`,
    });
  });

  // Winners by decile of code order and of submission order.
  const deciles = (groupOf: (i: number) => number, template: readonly Group[]): Group[] => {
    const groups = template.map((g) => ({ ...g, observed: 0 }));
    for (const i of winnerIndexes) groups[groupOf(i)]!.observed++;
    return groups;
  };
  const listed = (groups: readonly Group[]): string =>
    `${groups.map((g) => g.observed).join(' ')} (expected ${groups.map((g) => g.expected.toFixed(0)).join(' ')})`;
  const byCode = deciles((i) => Math.floor((i * 10) / pool.size), prepared.codeDeciles);
  grouped(
    'code-order',
    byCode,
    () => `winners by tenth of the pool in code order: ${listed(byCode)}`,
    'too few winners to compare tenths of the pool',
  );
  const bySerial = deciles((i) => prepared.serialDecileOf[i]!, prepared.serialDeciles);
  grouped(
    'submission-order',
    bySerial,
    () => `winners by tenth of the pool in submission order (last 9 digits): ${listed(bySerial)}`,
    'too few winners to compare tenths of the pool',
  );

  // Passes of the winning entries: for a winner of weight w, its winning pick is uniform over its
  // w entries, one per pass; grouped by tenth of the code's passes (winners of weight 1 say nothing).
  const passGroups = Array.from({ length: 10 }, () => ({ observed: 0, expected: 0, variance: 0 }));
  let informative = 0;
  claimed.winners.forEach((w, k) => {
    const weight = columns.weights[winnerIndexes[k]!]!;
    if (weight === 1) return;
    informative++;
    const pass = prepared.passOf(w.entry);
    passGroups[Math.floor(((pass - 1) * 10) / weight)]!.observed++;
    for (let d = 0; d < 10; d++) {
      const share = (Math.ceil(((d + 1) * weight) / 10) - Math.ceil((d * weight) / 10)) / weight;
      passGroups[d]!.expected += share;
    }
  });
  // Pearson's statistic (variance = expected): conservative when the winners' weights differ.
  for (const g of passGroups) g.variance = g.expected;
  grouped(
    'entry-passes',
    informative > 0 ? passGroups : undefined,
    () => `winning entries by tenth of their code's passes: ${listed(passGroups)}`,
    'every winner has one entry: no passes to compare',
  );

  // Picks thrown away.
  const rates = new Float64Array(claimed.winners.length);
  let wonEntries = 0;
  winnerIndexes.forEach((i, k) => {
    rates[k] = wonEntries / pool.totalEntries;
    wonEntries += columns.weights[i]!;
  });
  const thrown = thrownAwayTest(rates, claimed.picks - claimed.winners.length);
  tests.push({
    name: 'thrown-away-picks',
    statistic: thrown.z,
    pValue: thrown.pValue,
    threshold: family,
    passed: thrown.pValue >= family,
    detail: `${thrown.observed} picks thrown away (a code that had already won), expected ${thrown.expected.toFixed(1)} given the winners`,
  });
  return { ok: tests.every((t) => t.passed), alpha, tests, skipped };
}

/** selfCheck that returns `{ success, value | issues }` instead of throwing. */
export function safeSelfCheck(
  pool: Pool,
  record: unknown,
  options: SelfCheckOptions = {},
): SafeResult<SelfCheckResult> {
  return safely(() => selfCheck(pool, record, options));
}

const STATISTICAL: readonly SelfCheckTestName[] = [
  'weight-classes',
  'weight-class',
  'code-order',
  'submission-order',
  'entry-passes',
  'thrown-away-picks',
];
const skipAll = (reason: string): { name: SelfCheckTestName; reason: string }[] =>
  STATISTICAL.map((name) => ({ name, reason }));

function readRecord(record: unknown, pool: Pool): AuditRecord {
  const plain = plainAuditRecord(record);
  let claimed = plain;
  if (claimed === undefined) {
    const parsed = parseWith(AuditRecordSchema, record, { path: ['record'] });
    if (!parsed.ok) throw new YaohaoError(parsed.issues.map((issue): Issue => ({ ...issue, code: 'invalid_record' })));
    claimed = parsed.value;
  }
  const commitment = commitPool(pool);
  for (const field of ['digest', 'size', 'totalEntries'] as const) {
    if (claimed.pool[field] !== commitment[field])
      throw new YaohaoError([
        {
          code: 'invalid_record',
          path: ['record', 'pool', field],
          message: `the record was drawn from another pool: its ${field} is ${String(claimed.pool[field])}, this pool's is ${String(commitment[field])}`,
        },
      ]);
  }
  return claimed;
}

/**
 * Each winner's index in the pool, and what makes the winners impossible for this pool whatever
 * the seed (each a sentence). A winner is found through its entry (one layout lookup), and only
 * when that entry is not its code's, by code.
 */
function locateWinners(pool: Pool, record: AuditRecord): { problems: string[]; indexes: Uint32Array } {
  const problems: string[] = [];
  const columns = poolColumns(pool);
  const indexes = new Uint32Array(record.winners.length);
  const expectedCount = Math.min(record.quota, pool.size);
  if (record.winners.length !== expectedCount)
    problems.push(
      `${record.winners.length} winners, but quota ${record.quota} and ${pool.size} codes make ${expectedCount}`,
    );
  if ((record.allocation === 'all') !== record.quota >= pool.size)
    problems.push(`allocation "${record.allocation}" with quota ${record.quota} and ${pool.size} codes`);
  const seen = new Set<number>();
  record.winners.forEach((w, k) => {
    const atEntry = w.entry <= pool.totalEntries ? pool.indexAtEntry(w.entry) : -1;
    const index =
      atEntry >= 0 && codeValueAt(columns, atEntry) === parseApplicationCode(w.code) ? atEntry : pool.indexOf(w.code);
    if (index < 0) return void problems.push(`winner ${k + 1} (${w.code}) is not in the pool`);
    indexes[k] = index;
    if (index !== atEntry)
      problems.push(`winner ${k + 1} (${w.code}) is at entry ${w.entry}, which is not one of its entries`);
    if (seen.has(index)) problems.push(`winner ${k + 1} (${w.code}) has already won`);
    seen.add(index);
    const kind = APPLICANT_KINDS[kindIdAt(columns, index)];
    if (w.kind !== kind) problems.push(`winner ${k + 1} (${w.code}) is listed as ${w.kind}, the pool says ${kind}`);
    if (record.allocation === 'all' && (index !== k || w.entry !== k + 1))
      problems.push(
        `winner ${k + 1} (${w.code}): when everyone wins, winners are listed in code order at their first entry`,
      );
  });
  if (record.allocation === 'drawn' && record.picks < record.winners.length)
    problems.push(`${record.picks} picks cannot make ${record.winners.length} winners`);
  return { problems, indexes };
}

/** What a self-check needs of a pool and quota, whatever the draw: computed once per pool and quota. */
interface Prepared {
  readonly classes: readonly WeightClass[];
  /** Exact win probability of each class. */
  readonly probability: Float64Array;
  /** Class of each application. */
  readonly classOf: Uint32Array;
  /** Expected winners and variance per tenth of the pool in code order. */
  readonly codeDeciles: readonly Group[];
  /** Tenth of submission order of each application, and expectations per tenth. */
  readonly serialDecileOf: Uint8Array;
  readonly serialDeciles: readonly Group[];
  /** The pass (1-based) of a 1-based entry number. */
  readonly passOf: (entry: number) => number;
}

const PREPARED = new WeakMap<Pool, Map<number, Prepared>>();

function prepare(pool: Pool, quota: number): Prepared {
  let byQuota = PREPARED.get(pool);
  if (byQuota === undefined) PREPARED.set(pool, (byQuota = new Map<number, Prepared>()));
  let prepared = byQuota.get(quota);
  if (prepared === undefined) byQuota.set(quota, (prepared = computePrepared(pool, quota)));
  return prepared;
}

function computePrepared(pool: Pool, quota: number): Prepared {
  const { classes } = poolComposition(pool);
  const odds = winProbabilities({ classes }, quota);
  const probability = Float64Array.from(odds.classes, (c) => c.probability);
  const columns = poolColumns(pool);
  const n = pool.size;
  const classIndex = new Map(classes.map((c, k) => [c.weight, k]));
  const classOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) classOf[i] = classIndex.get(columns.weights[i]!)!;

  // Submission order: by serial (code mod 10^9); tenths split at the serials of ranks ⌈n·d/10⌉.
  const serials = new Float64Array(n);
  for (let i = 0; i < n; i++) serials[i] = codeValueAt(columns, i) % 1_000_000_000;
  const sorted = Float64Array.from(serials).sort();
  const bounds = Array.from({ length: 9 }, (_, d) => sorted[Math.ceil((n * (d + 1)) / 10)] ?? Infinity);
  const serialDecileOf = new Uint8Array(n);
  const codeDeciles = Array.from({ length: 10 }, () => ({ observed: 0, expected: 0, variance: 0 }));
  const serialDeciles = Array.from({ length: 10 }, () => ({ observed: 0, expected: 0, variance: 0 }));
  for (let i = 0; i < n; i++) {
    let d = 0;
    while (d < 9 && serials[i]! >= bounds[d]!) d++;
    serialDecileOf[i] = d;
    const p = probability[classOf[i]!]!;
    for (const g of [codeDeciles[Math.floor((i * 10) / n)]!, serialDeciles[d]!]) {
      g.expected += p;
      g.variance += p * (1 - p);
    }
  }

  // Passes: group g of distinct weights covers passes v[g−1]+1 … v[g], each listing the codes of weight ≥ v[g].
  const starts: number[] = [];
  const sizes: number[] = [];
  let atLeast = n;
  let entry = 0;
  let previous = 0;
  for (const c of classes) {
    starts.push(entry);
    sizes.push(atLeast);
    entry += (c.weight - previous) * atLeast;
    previous = c.weight;
    atLeast -= c.count;
  }
  const passOf = (oneBased: number): number => {
    const e = oneBased - 1;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= e) low = mid;
      else high = mid - 1;
    }
    const before = low === 0 ? 0 : classes[low - 1]!.weight;
    return before + 1 + Math.floor((e - starts[low]!) / sizes[low]!);
  };
  return { classes, probability, classOf, codeDeciles, serialDecileOf, serialDeciles, passOf };
}

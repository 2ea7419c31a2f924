import {
  commitPool,
  createPool,
  drawLottery,
  presets,
  syntheticBeijingRecords,
  verifyRecord,
  type LotteryResult,
  type Policy,
  type Pool,
  type PoolCommitment,
} from '../index';
import { syntheticMixedPool } from '../synthetic/syntheticPeriodInput';
import { formatCount, formatDuration, timed } from './format';

/** The eras the demo can show: 2019 (individuals by steps) and 2024 (families by points and individuals in one pool). */
export type DemoEra = '2019' | '2024';

/** Options of the demo. */
export interface DemoOptions {
  /** Applications in the synthetic pool (Beijing 2019: 3,100,000; the 2024 default: 3,000,000). */
  readonly size: number;
  /** Winners to draw (Beijing 2019: about 6,400 per draw; 2024: 9,600, half the year's family+individual quota). */
  readonly quota: number;
  /** The era of the draw (default 2019). */
  readonly era?: DemoEra;
  /** Print a line (nothing is printed without it). */
  readonly print?: (line: string) => void;
}

/** What the demo did, for `yaohao demo --json`. */
export interface DemoSummary {
  readonly pool: PoolCommitment & { readonly policy: string; readonly maxWeight: number };
  readonly draw: {
    readonly generator: 'default';
    readonly seed: string;
    readonly label: string;
    readonly quota: number;
    readonly winners: number;
    readonly picks: number;
    readonly digest: string;
    readonly firstWinners: readonly { readonly code: string; readonly entry: number }[];
  };
  readonly verified: boolean;
  readonly legacy: {
    readonly seed: string;
    readonly picks: number;
    readonly firstWinner: { readonly code: string; readonly entry: number } | undefined;
  };
  /** Milliseconds per step (makeRecords: the 2024 demo's records, made before the pool is built). */
  readonly timings: {
    readonly makeRecords?: number;
    readonly build: number;
    readonly commit: number;
    readonly draw: number;
    readonly verify: number;
    readonly legacyDraw: number;
  };
}

/** The demo's fixed seeds: a modern seed string, and a 6-digit ceremony seed for the legacy generator. */
export const DEMO_SEED = 'yaohao-demo-2019';
export const DEMO_CEREMONY_SEED = '033859';
export const DEMO_LABEL = 'ordinary/individual';
/** The 2024 demo's seed string and label (the legacy draw uses the same ceremony seed). */
export const DEMO_SEED_2024 = 'yaohao-demo-2024';
export const DEMO_LABEL_2024 = 'ordinary/family+individual';

/** Default size and quota of each era's demo. */
export const DEMO_DEFAULTS: Readonly<Record<DemoEra, { readonly size: number; readonly quota: number }>> = {
  '2019': { size: 3_100_000, quota: 6_400 },
  '2024': { size: 3_000_000, quota: 9_600 },
};

/** The largest demo pool: 20 million applications (six Beijings) fit in a few hundred megabytes. */
export const MAX_DEMO_SIZE = 20_000_000;

/**
 * A real draw at city scale on a deterministic synthetic pool: build, commit, draw with both
 * generators, verify by replay, print a summary with timings. Nothing is downloaded. Era 2019: a
 * Beijing-2019 individual pool (steps); era 2024: today's mixed ordinary pool, 5 individuals (steps)
 * to 1 family (points). Returns the default-generator result (the examples and tests use it) and a summary.
 */
export function runDemo(options: DemoOptions): { pool: Pool; result: LotteryResult; summary: DemoSummary } {
  const print = options.print ?? ((): void => undefined);
  const era = options.era ?? '2019';
  const seed = era === '2019' ? DEMO_SEED : DEMO_SEED_2024;
  const label = era === '2019' ? DEMO_LABEL : DEMO_LABEL_2024;
  print(
    era === '2019'
      ? `yaohao demo: a Beijing-2019-scale draw on a synthetic pool (deterministic, nothing downloaded)`
      : `yaohao demo: a present-day (2024) Beijing ordinary draw on a synthetic pool (deterministic, nothing downloaded)`,
  );
  print('');
  // 2024: the records are made first (as a registry holds them), then the pool is built from them.
  const generated = era === '2024' ? timed(() => syntheticMixedPool(options.size)) : undefined;
  const built = timed(() =>
    generated === undefined
      ? createPool(syntheticBeijingRecords({ size: options.size }), { policy: presets.beijing2016 })
      : createPool<Policy>(generated.value, { policy: presets.beijing2024 }),
  );
  const pool = built.value;
  const committed = timed(() => commitPool(pool));
  const commitment = committed.value;
  if (era === '2019') {
    print(
      `pool       ${formatCount(pool.size)} individual applications, policy beijing2016 (steps = ceil(N / 6), C5 +1)`,
    );
    print(
      `entries    ${formatCount(pool.totalEntries)} (mean ${(pool.totalEntries / Math.max(1, pool.size)).toFixed(2)} per application, steps 1–${pool.maxWeight})`,
    );
  } else {
    const kinds = entriesByKind(pool);
    print(
      `pool       ${formatCount(pool.size)} applications, policy beijing2024: ${formatCount(kinds.families.count)} families by points, ${formatCount(kinds.individuals.count)} individuals by steps`,
    );
    print(
      `entries    ${formatCount(pool.totalEntries)} (families: mean ${mean(kinds.families).toFixed(1)} points, ${share(kinds.families.entries, pool.totalEntries)} of the entries; individuals: mean ${mean(kinds.individuals).toFixed(2)} steps)`,
    );
  }
  print(`digest     ${commitment.digest}`);
  print(`           (SHA-256 of the canonical pool: published before the seed exists)`);
  print('');
  const drawn = timed(() => drawLottery(pool, { quota: options.quota, seed, generator: 'default', label }));
  const { record, winners } = drawn.value;
  print(`draw       quota ${formatCount(options.quota)}, generator default, seed "${seed}", label "${label}"`);
  print(
    record.allocation === 'all'
      ? `           the quota covers the pool: all ${formatCount(winners.length)} applications win without a draw`
      : `           ${formatCount(record.picks)} picks (${formatCount(record.picks - winners.length)} thrown away: their code had already won)`,
  );
  if (era === '2024') {
    const families = winners.filter((w) => w.kind === 'family').length;
    print(
      `           ${formatCount(families)} families and ${formatCount(winners.length - families)} individuals won (${share(families, winners.length)} families)`,
    );
  }
  print(`winners    in draw order, with entry numbers (摇号基数序号):`);
  for (const [i, w] of winners.slice(0, 5).entries()) {
    const entries = pool.weightOf(w.code);
    print(
      `           ${String(i + 1).padStart(4)}  ${w.code}  entry ${formatCount(w.entry).padStart(10)}  (${era === '2024' ? `${w.kind}, ` : ''}${entries} ${entries === 1 ? 'entry' : 'entries'})`,
    );
  }
  if (winners.length > 5) print(`           …  ${formatCount(winners.length - 5)} more`);
  print(`record     digest ${record.digest}`);
  const verified = timed(() => verifyRecord(record, pool));
  print(
    `verify     ${verified.value.ok ? `ok: replay reproduces all ${formatCount(winners.length)} winners, in order, with entry numbers` : `FAILED: ${verified.value.message}`}`,
  );
  print('');
  const legacy = timed(() =>
    drawLottery(pool, { quota: options.quota, seed: DEMO_CEREMONY_SEED, generator: 'legacy' }),
  );
  const first = legacy.value.winners[0];
  print(`legacy     the official program's generator (.NET System.Random), ceremony seed ${DEMO_CEREMONY_SEED}:`);
  print(
    first === undefined
      ? '           no winner (an empty pool)'
      : `           first winner ${first.code} at entry ${formatCount(first.entry)}, ${formatCount(legacy.value.record.picks)} picks`,
  );
  print('');
  print(
    `timings    ${generated === undefined ? '' : `make records ${formatDuration(generated.ms)} · `}build pool ${formatDuration(built.ms)} · ` +
      `commit ${formatDuration(committed.ms)} · draw ${formatDuration(drawn.ms)} · ` +
      `verify ${formatDuration(verified.ms)} · legacy draw ${formatDuration(legacy.ms)}`,
  );
  if (!verified.value.ok) throw new Error('demo verification failed');
  const summary: DemoSummary = {
    pool: { ...commitment, policy: pool.policyId, maxWeight: pool.maxWeight },
    draw: {
      generator: 'default',
      seed,
      label,
      quota: options.quota,
      winners: winners.length,
      picks: record.picks,
      digest: record.digest,
      firstWinners: winners.slice(0, 5).map(({ code, entry }) => ({ code, entry })),
    },
    verified: true,
    legacy: {
      seed: DEMO_CEREMONY_SEED,
      picks: legacy.value.record.picks,
      firstWinner: first === undefined ? undefined : { code: first.code, entry: first.entry },
    },
    timings: {
      ...(generated === undefined ? {} : { makeRecords: Math.round(generated.ms) }),
      build: Math.round(built.ms),
      commit: Math.round(committed.ms),
      draw: Math.round(drawn.ms),
      verify: Math.round(verified.ms),
      legacyDraw: Math.round(legacy.ms),
    },
  };
  return { pool, result: drawn.value, summary };
}

interface KindTally {
  count: number;
  entries: number;
}

function entriesByKind(pool: Pool): { families: KindTally; individuals: KindTally } {
  const families = { count: 0, entries: 0 };
  const individuals = { count: 0, entries: 0 };
  for (const application of pool.applications()) {
    const tally = application.kind === 'family' ? families : individuals;
    tally.count++;
    tally.entries += application.weight;
  }
  return { families, individuals };
}

const mean = (tally: KindTally): number => tally.entries / Math.max(1, tally.count);
const share = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

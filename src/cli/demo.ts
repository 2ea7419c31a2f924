import {
  commitPool,
  createPool,
  drawLottery,
  presets,
  syntheticBeijingRecords,
  verifyRecord,
  type LotteryResult,
  type Pool,
  type PoolCommitment,
} from '../index';
import { formatCount, formatDuration, timed } from './format';

/** Options of the demo. */
export interface DemoOptions {
  /** Applications in the synthetic pool (Beijing 2019: 3,100,000). */
  readonly size: number;
  /** Winners to draw (Beijing 2019: about 6,400 per draw). */
  readonly quota: number;
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
  /** Milliseconds per step. */
  readonly timings: {
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

/** The largest demo pool: 20 million applications (six Beijings) fit in a few hundred megabytes. */
export const MAX_DEMO_SIZE = 20_000_000;

/**
 * A real draw at Beijing 2019 scale on a deterministic synthetic pool: build, commit, draw with
 * both generators, verify by replay, print a summary with timings. Nothing is downloaded.
 * Returns the default-generator result (the examples and tests use it) and a summary.
 */
export function runDemo(options: DemoOptions): { pool: Pool; result: LotteryResult; summary: DemoSummary } {
  const print = options.print ?? ((): void => undefined);
  print(`yaohao demo: a Beijing-2019-scale draw on a synthetic pool (deterministic, nothing downloaded)`);
  print('');
  const built = timed(() =>
    createPool(syntheticBeijingRecords({ size: options.size }), { policy: presets.beijing2016 }),
  );
  const pool = built.value;
  const committed = timed(() => commitPool(pool));
  const commitment = committed.value;
  print(
    `pool       ${formatCount(pool.size)} individual applications, policy beijing2016 (steps = ceil(N / 6), C5 +1)`,
  );
  print(
    `entries    ${formatCount(pool.totalEntries)} (mean ${(pool.totalEntries / Math.max(1, pool.size)).toFixed(2)} per application, steps 1–${pool.maxWeight})`,
  );
  print(`digest     ${commitment.digest}`);
  print(`           (SHA-256 of the canonical pool: published before the seed exists)`);
  print('');
  const drawn = timed(() =>
    drawLottery(pool, { quota: options.quota, seed: DEMO_SEED, generator: 'default', label: DEMO_LABEL }),
  );
  const { record, winners } = drawn.value;
  print(
    `draw       quota ${formatCount(options.quota)}, generator default, seed "${DEMO_SEED}", label "${DEMO_LABEL}"`,
  );
  print(
    record.allocation === 'all'
      ? `           the quota covers the pool: all ${formatCount(winners.length)} applications win without a draw`
      : `           ${formatCount(record.picks)} picks (${formatCount(record.picks - winners.length)} thrown away: their code had already won)`,
  );
  print(`winners    in draw order, with entry numbers (摇号基数序号):`);
  for (const [i, w] of winners.slice(0, 5).entries()) {
    print(
      `           ${String(i + 1).padStart(4)}  ${w.code}  entry ${formatCount(w.entry).padStart(10)}  (${pool.weightOf(w.code)} ${pool.weightOf(w.code) === 1 ? 'entry' : 'entries'})`,
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
    `timings    build pool ${formatDuration(built.ms)} · commit ${formatDuration(committed.ms)} · draw ${formatDuration(drawn.ms)} · ` +
      `verify ${formatDuration(verified.ms)} · legacy draw ${formatDuration(legacy.ms)}`,
  );
  if (!verified.value.ok) throw new Error('demo verification failed');
  const summary: DemoSummary = {
    pool: { ...commitment, policy: pool.policyId, maxWeight: pool.maxWeight },
    draw: {
      generator: 'default',
      seed: DEMO_SEED,
      label: DEMO_LABEL,
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
      build: Math.round(built.ms),
      commit: Math.round(committed.ms),
      draw: Math.round(drawn.ms),
      verify: Math.round(verified.ms),
      legacyDraw: Math.round(legacy.ms),
    },
  };
  return { pool, result: drawn.value, summary };
}

import {
  commitPool,
  createPool,
  drawLottery,
  presets,
  syntheticBeijingRecords,
  verifyRecord,
  type LotteryResult,
  type Pool,
} from '../index';
import { formatCount, formatDuration, timed } from './format';

/** Options of the demo. */
export interface DemoOptions {
  /** Applications in the synthetic pool (Beijing 2019: 3,100,000). */
  readonly size: number;
  /** Winners to draw (Beijing 2019: about 6,400 per draw). */
  readonly quota: number;
  /** Print a line. */
  readonly print: (line: string) => void;
}

/** The demo's fixed seeds: a modern seed string, and a 6-digit ceremony seed for the legacy generator. */
export const DEMO_SEED = 'yaohao-demo-2019';
export const DEMO_CEREMONY_SEED = '033859';
export const DEMO_LABEL = 'ordinary/individual';

/**
 * A real draw at Beijing 2019 scale on a deterministic synthetic pool: build, commit, draw with
 * both generators, verify by replay, print a summary with timings. Nothing is downloaded.
 * Returns the default-generator result (the examples and tests use it).
 */
export function runDemo(options: DemoOptions): { pool: Pool; result: LotteryResult } {
  const { print } = options;
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
    `           ${formatCount(record.picks)} picks (${formatCount(record.picks - winners.length)} thrown away: their code had already won)`,
  );
  print(`winners    in draw order, with entry numbers (摇号基数序号):`);
  for (const [i, w] of winners.slice(0, 5).entries()) {
    print(
      `           ${String(i + 1).padStart(4)}  ${w.code}  entry ${formatCount(w.entry).padStart(10)}  (${pool.weightOf(w.code)} ${pool.weightOf(w.code) === 1 ? 'entry' : 'entries'})`,
    );
  }
  print(`           …  ${formatCount(winners.length - 5)} more`);
  print(`record     digest ${record.digest}`);
  const verified = timed(() => verifyRecord(record, pool));
  print(
    `verify     ${verified.value.ok ? `ok: replay reproduces all ${formatCount(winners.length)} winners, in order, with entry numbers` : `FAILED: ${verified.value.message}`}`,
  );
  print('');
  const legacy = timed(() =>
    drawLottery(pool, { quota: options.quota, seed: DEMO_CEREMONY_SEED, generator: 'legacy' }),
  );
  const first = legacy.value.winners[0]!;
  print(`legacy     the official program's generator (.NET System.Random), ceremony seed ${DEMO_CEREMONY_SEED}:`);
  print(
    `           first winner ${first.code} at entry ${formatCount(first.entry)}, ${formatCount(legacy.value.record.picks)} picks`,
  );
  print('');
  print(
    `timings    build pool ${formatDuration(built.ms)} · commit ${formatDuration(committed.ms)} · draw ${formatDuration(drawn.ms)} · ` +
      `verify ${formatDuration(verified.ms)} · legacy draw ${formatDuration(legacy.ms)}`,
  );
  if (!verified.value.ok) throw new Error('demo verification failed');
  return { pool, result: drawn.value };
}

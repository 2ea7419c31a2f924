import { checkDrawOptions } from '../draw/checkDrawOptions';
import { drawIndexes } from '../draw/internal/drawIndexes';
import type { PathSegment } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { argumentError, isObject, requireInteger, requireObject, requireString } from '../errors/arguments';
import { describeValue } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { EntryLayout } from '../pool/EntryLayout';
import { poolColumns, requirePool, type Pool } from '../pool/Pool';
import { normalQuantileUpper } from './internal/specialFunctions';
import { poolComposition } from './PoolComposition';

/** Options of simulateDraws. */
export interface SimulateDrawsOptions {
  /** Number of draws to run (1 to 10,000,000). */
  readonly runs: number;
  /** Seed of the default generator; run r draws with this seed and label `<label>/<r>`. */
  readonly seed: string;
  /** Base label of the runs. Default "simulate". */
  readonly label?: string;
  /** Number of the first run (to split one simulation into parts, see mergeSimulations). Default 0. */
  readonly firstRun?: number;
  /** Confidence level of the intervals, strictly between 0 and 1. Default 0.99. */
  readonly confidence?: number;
}

/** What the simulated draws gave one weight class. */
export interface SimulatedClass {
  /** Entries per application. */
  readonly weight: number;
  /** Applications with this weight. */
  readonly count: number;
  /** Wins of the class summed over the runs: Σ_r X_r. */
  readonly wins: number;
  /** Σ_r X_r², for the run-to-run variance (and for merging parts exactly). */
  readonly winsSquared: number;
  /** Estimated probability that one application of the class wins a draw: wins ÷ (runs × count). */
  readonly probability: number;
  /** Confidence interval of that probability at `confidence` (docs/spec.md §17.2). */
  readonly interval: readonly [number, number];
}

/** Per-class results of many real draws. */
export interface SimulatedDraws {
  /** Winners per draw. */
  readonly quota: number;
  /** Seed of every run. */
  readonly seed: string;
  /** Base label; run r used `<label>/<r>`. */
  readonly label: string;
  /** Number of the first run. */
  readonly firstRun: number;
  /** Number of runs. */
  readonly runs: number;
  /** Confidence level of the intervals. */
  readonly confidence: number;
  /** One entry per distinct weight, ascending. */
  readonly classes: readonly SimulatedClass[];
  /** Picks thrown away (a code that had already won) over all runs. */
  readonly thrownAway: number;
}

const MAX_RUNS = 10_000_000;

/** The label of run `run` of a simulation with base label `label`. */
export function simulationRunLabel(label: string, run: number): string {
  requireString(label, ['label']);
  requireInteger(run, ['run'], 0, Number.MAX_SAFE_INTEGER);
  return `${label}/${run}`;
}

/**
 * Runs real draws with the default generator — run r is exactly `drawLottery(pool, { quota, seed,
 * generator: 'default', label: '<label>/<r>' })`, without building its record — and counts each
 * weight class's wins, with a confidence interval (docs/spec.md §17.2). Deterministic: the same
 * arguments give the same counts, and a simulation split into parts by `firstRun` merges
 * (mergeSimulations) into exactly the whole.
 */
export function simulateDraws(pool: Pool, quota: number, options: SimulateDrawsOptions): SimulatedDraws {
  requirePool(pool, ['pool']);
  requireObject(options, ['options'], 'options with runs and a seed');
  const label = options.label ?? 'simulate';
  const checked = checkDrawOptions({ quota, seed: options.seed, generator: 'default', label }, pool.totalEntries, [
    'options',
  ]);
  const { runs, firstRun, confidence } = checkSimulationOptions(options);
  const { classes } = poolComposition(pool);
  const columns = poolColumns(pool);
  const classIndex = new Map(classes.map((c, k) => [c.weight, k]));
  // Small class numbers keep the lookup of each winner's class in cache.
  const classOf =
    classes.length <= 256
      ? new Uint8Array(pool.size)
      : classes.length <= 65_536
        ? new Uint16Array(pool.size)
        : new Uint32Array(pool.size);
  for (let i = 0; i < pool.size; i++) classOf[i] = classIndex.get(columns.weights[i]!)!;

  // Per-weight member lists make each pick's code lookup one array read: the same layout (spec §3),
  // a faster index for thousands of draws, at 4 bytes per extra entry.
  const fast = EntryLayout.build(columns.weights, 'members');
  const layout = 'membersNeeded' in fast ? columns.layout : fast;

  const wins = new Float64Array(classes.length);
  const winsSquared = new Float64Array(classes.length);
  const perRun = new Float64Array(classes.length);
  let thrownAway = 0;
  for (let run = firstRun; run < firstRun + runs; run++) {
    const drawn = drawIndexes(
      layout,
      pool.size,
      checked.quota,
      checked.generator,
      checked.seed,
      simulationRunLabel(label, run),
    );
    perRun.fill(0);
    for (let k = 0; k < drawn.indexes.length; k++) perRun[classOf[drawn.indexes[k]!]!]!++;
    for (let c = 0; c < classes.length; c++) {
      wins[c]! += perRun[c]!;
      winsSquared[c]! += perRun[c]! * perRun[c]!;
    }
    thrownAway += drawn.picks === 0 ? 0 : drawn.picks - drawn.indexes.length;
  }
  return summarise(
    checked.quota,
    checked.seed,
    label,
    firstRun,
    runs,
    confidence,
    classes.map((c, k) => ({ weight: c.weight, count: c.count, wins: wins[k]!, winsSquared: winsSquared[k]! })),
    thrownAway,
  );
}

/** simulateDraws that returns `{ success, value | issues }` instead of throwing. */
export function safeSimulateDraws(
  pool: Pool,
  quota: number,
  options: SimulateDrawsOptions,
): SafeResult<SimulatedDraws> {
  return safely(() => simulateDraws(pool, quota, options));
}

/**
 * Joins parts of one simulation (same pool, quota, seed, label and confidence; runs that follow
 * each other without gaps, in any order) into the result a single call over all runs gives.
 */
export function mergeSimulations(parts: readonly SimulatedDraws[]): SimulatedDraws {
  // Parts are results of simulateDraws: anything else (plain JavaScript may pass it) is refused here.
  const given: unknown = parts;
  if (!Array.isArray(given)) throw argumentError(['parts'], 'an array of simulateDraws results', given);
  given.forEach((part: unknown, k) => {
    if (!isSimulation(part)) throw argumentError(['parts', k], 'a result of simulateDraws', part);
  });
  if (parts.length === 0)
    throw new YaohaoError([{ code: 'invalid_value', path: ['parts'], message: 'nothing to merge' }]);
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  const first = sorted[0]!;
  const issues = new IssueCollector();
  let next = first.firstRun;
  sorted.forEach((part, k) => {
    const same =
      part.quota === first.quota &&
      part.seed === first.seed &&
      part.label === first.label &&
      part.confidence === first.confidence &&
      part.classes.length === first.classes.length &&
      part.classes.every((c, i) => c.weight === first.classes[i]!.weight && c.count === first.classes[i]!.count);
    if (!same)
      issues.add({
        code: 'invalid_value',
        path: ['parts', k],
        message: 'this part simulates another pool, quota, seed, label or confidence',
      });
    if (part.firstRun !== next)
      issues.add({
        code: 'invalid_value',
        path: ['parts', k, 'firstRun'],
        message: `runs must follow each other: expected a part starting at run ${next}, got ${part.firstRun}`,
      });
    next = part.firstRun + part.runs;
  });
  issues.throwIfAny();
  return summarise(
    first.quota,
    first.seed,
    first.label,
    first.firstRun,
    next - first.firstRun,
    first.confidence,
    first.classes.map((c, i) => ({
      weight: c.weight,
      count: c.count,
      wins: sorted.reduce((sum, part) => sum + part.classes[i]!.wins, 0),
      winsSquared: sorted.reduce((sum, part) => sum + part.classes[i]!.winsSquared, 0),
    })),
    sorted.reduce((sum, part) => sum + part.thrownAway, 0),
  );
}

interface ClassTotals {
  readonly weight: number;
  readonly count: number;
  readonly wins: number;
  readonly winsSquared: number;
}

function summarise(
  quota: number,
  seed: string,
  label: string,
  firstRun: number,
  runs: number,
  confidence: number,
  totals: readonly ClassTotals[],
  thrownAway: number,
): SimulatedDraws {
  const z = normalQuantileUpper((1 - confidence) / 2);
  // When the quota covers the pool nothing is drawn: everyone wins, certainly.
  const everyoneWins = quota >= totals.reduce((sum, c) => sum + c.count, 0);
  const classes = totals.map((c) => ({
    ...c,
    probability: c.wins / (runs * c.count),
    interval: everyoneWins ? ([1, 1] as const) : confidenceInterval(c, runs, z, confidence),
  }));
  return { quota, seed, label, firstRun, runs, confidence, classes, thrownAway };
}

/**
 * The probability of one application of the class is E[X] / count, X the class's wins in a run;
 * runs are independent. Normal interval from the run-to-run variance s². When every run gave
 * the same count (s² = 0) the variance says nothing: a run that differs has probability at most
 * about ln(1/α)/runs (the "rule of three"), so the interval is that wide.
 */
function confidenceInterval(c: ClassTotals, runs: number, z: number, confidence: number): [number, number] {
  const mean = c.wins / runs;
  const variance = runs > 1 ? Math.max(0, (c.winsSquared - runs * mean * mean) / (runs - 1)) : 0;
  const estimate = mean / c.count;
  const half = variance > 0 ? (z * Math.sqrt(variance / runs)) / c.count : -Math.log(1 - confidence) / runs;
  return [Math.max(0, estimate - half), Math.min(1, estimate + half)];
}

function checkSimulationOptions(options: SimulateDrawsOptions): { runs: number; firstRun: number; confidence: number } {
  const issues = new IssueCollector();
  const at = (field: string): PathSegment[] => ['options', field];
  const { runs, firstRun = 0, confidence = 0.99 } = options;
  if (typeof runs !== 'number' || !Number.isSafeInteger(runs) || runs < 1 || runs > MAX_RUNS)
    issues.add({
      code: 'invalid_value',
      path: at('runs'),
      message: `runs must be an integer from 1 to ${MAX_RUNS}, got ${describeValue(runs)}`,
    });
  if (typeof firstRun !== 'number' || !Number.isSafeInteger(firstRun) || firstRun < 0)
    issues.add({
      code: 'invalid_value',
      path: at('firstRun'),
      message: `firstRun must be a whole number, got ${describeValue(firstRun)}`,
    });
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1))
    issues.add({
      code: 'invalid_value',
      path: at('confidence'),
      message: `confidence must be strictly between 0 and 1, got ${describeValue(confidence)}`,
    });
  issues.throwIfAny();
  return { runs, firstRun, confidence };
}

function isSimulation(part: unknown): part is SimulatedDraws {
  const integer = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  return (
    isObject(part) &&
    ['quota', 'firstRun', 'runs', 'thrownAway'].every((field) => integer(part[field])) &&
    typeof part['seed'] === 'string' &&
    typeof part['label'] === 'string' &&
    typeof part['confidence'] === 'number' &&
    Array.isArray(part['classes']) &&
    (part['classes'] as unknown[]).every(
      (c) => isObject(c) && ['weight', 'count', 'wins', 'winsSquared'].every((field) => integer(c[field])),
    )
  );
}

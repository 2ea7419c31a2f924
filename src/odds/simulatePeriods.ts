import { drawLottery } from '../draw/drawLottery';
import type { PathSegment } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import { isObject, requireObject } from '../errors/arguments';
import { describeValue } from '../errors/fromZod';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { YaohaoError } from '../errors/YaohaoError';
import { isWellFormedString } from '../encoding/utf8';
import type { Policy } from '../policy/Policy';
import { numberToCode } from '../pool/applicationCode';
import type { Pool } from '../pool/Pool';
import { applyArrivals, applyEvent, applyEvents } from '../lifecycle/applyEvent';
import { createRegistryPool } from '../lifecycle/createRegistryPool';
import { ordinaryDrawDay, workingDays, type CalendarOptions, type WorkingDays } from '../lifecycle/drawCalendar';
import { drawsEntered, inPoolCount } from '../lifecycle/internal/registryCounts';
import {
  lifecycleOf,
  monthDayIn,
  nextOrdinal,
  ordinalYear,
  ordinaryDrawMonth,
  periodName,
  periodRuleOf,
  requirePeriod,
  type LifecycleContext,
} from '../lifecycle/internal/periods';
import { createRegistry, type Registry } from '../lifecycle/Registry';
import type { AppliedEvent, ReviewedEvent } from '../lifecycle/RegistryEvent';
import { dayStart } from '../time/calendarDate';
import { formatTimestamp } from '../time/formatTimestamp';
import { FIRST_SERIAL, joinCohorts, Population, type Cohort, type InitialShape } from './internal/population';
import { poolComposition } from './PoolComposition';
import { winProbabilities } from './winProbabilities';

/**
 * A figure that may change from period to period: one number for every period; a list, whose
 * k-th value is period k's (the last one repeating); or a function of the period's index (0 for
 * the first period simulated) and name ("2019-06").
 */
export type PerPeriod = number | readonly number[] | ((index: number, period: string) => number);

/** The population before the first draw (docs/spec.md §17.7). */
export interface InitialPopulation {
  /** Individual applications (Beijing 2019: 3,100,000). */
  readonly size: number;
  /** Their earlier draws are uniform in 0 … maxDraws − 1 (under 2021– rules: their draws up to 2020). Default 60. */
  readonly maxDraws?: number;
  /** One individual in this many holds a C5 licence. Default 1000. */
  readonly c5OneIn?: number;
  /** Family applications (2021– rules only). Default 0. */
  readonly families?: number;
}

/** Options of simulatePeriods. */
export interface SimulatePeriodsOptions {
  /** The rules: a policy with lifecycle rules (a Beijing preset) and a flat, ladder or beijing2021 weight rule. */
  readonly policy: Policy;
  /** The first period drawn, "2019-02": a period of the policy's calendar that holds an ordinary draw. */
  readonly start: string;
  /** Number of draws to simulate (1 to 1,000): the start period's, then each next period's that holds an ordinary draw. */
  readonly periods: number;
  /** Winners per draw (≥ 1). */
  readonly quota: PerPeriod;
  /** New applications per period (≥ 0): they apply before the period's deadline and enter its draw. */
  readonly arrivals: PerPeriod;
  /** Seed of everything random: the population and every draw (the default generator). */
  readonly seed: string;
  /** Base label: the draw of period P has the label `<label>/<P>`. Default "simulate". */
  readonly label?: string;
  /** The applications in the pool before the first draw. Default: none. */
  readonly initial?: InitialPopulation;
  /** One arriving individual in this many holds a C5 licence. Default 1000. */
  readonly c5OneIn?: number;
  /** 2021– rules: arrivals that are families, per mille (0 to 1000). Default 0. */
  readonly familiesPerMille?: number;
  /** Compute each class's exact odds (winProbabilities) next to its simulated wins. Default true. */
  readonly odds?: boolean;
  /** Holidays and working weekend days of the draw calendar (drawCalendar's options). Default: none. */
  readonly calendar?: CalendarOptions;
}

/** One weight class of a simulated period's pool. */
export interface SimulatedPeriodClass {
  /** Entries per application (steps, or a family's points). */
  readonly weight: number;
  /** Applications in the pool with this weight. */
  readonly count: number;
  /** Of them, winners of this draw. */
  readonly winners: number;
  /** winners ÷ count. */
  readonly winRate: number;
  /** Exact probability that one application of the class wins this draw (when `odds` is on). */
  readonly probability?: number;
  /** Expected winners of the class: count × probability (when `odds` is on). */
  readonly expectedWinners?: number;
}

/** The statistics of one simulated period (docs/spec.md §17.7). */
export interface SimulatedPeriod {
  /** 0 for the first period simulated. */
  readonly index: number;
  /** The period, "2019-06". */
  readonly period: string;
  /** Label of its draw: `<label>/<period>`. */
  readonly label: string;
  /** Applications that arrived for this period's draw. */
  readonly arrivals: number;
  /** Applications in the pool drawn (n). */
  readonly poolSize: number;
  /** Entries in the pool (T). */
  readonly entries: number;
  /** Digest of the pool's commitment (docs/spec.md §2.3): the pool is reproducible. */
  readonly poolDigest: string;
  /** Winners wanted. */
  readonly quota: number;
  /** Winners drawn: min(quota, poolSize). */
  readonly winners: number;
  /** Picks thrown away because their code had already won. */
  readonly thrownAway: number;
  /** Mean over the winners of the draws each has entered, this one included (absent without winners). */
  readonly meanDrawsEntered?: number;
  /** Winners that arrived during the simulation (not in the initial population). */
  readonly arrivedWinners: number;
  /** Mean over those of the periods from their arrival to this one (0: won the draw they arrived for; absent when none). */
  readonly meanPeriodsSinceArrival?: number;
  /** Applications that have entered the simulation so far: the initial population and every arrival up to this period. */
  readonly applicants: number;
  /** Winners of every period so far. */
  readonly won: number;
  /** Applications still in the pool after this draw, as the registry counts them (applicants = won + inPool). */
  readonly inPool: number;
  /** Every weight class of the pool, ascending. */
  readonly classes: readonly SimulatedPeriodClass[];
}

const MAX_PERIODS = 1000;
/** Running numbers are 9 digits from FIRST_SERIAL: at most this many applications in one simulation. */
const MAX_APPLICATIONS = 999_999_999 - FIRST_SERIAL + 1;

/** The checked options, and what the run needs of the policy. */
interface Plan {
  readonly context: LifecycleContext;
  readonly days: WorkingDays;
  readonly ordinals: readonly number[];
  readonly quota: PerPeriod;
  readonly arrivals: PerPeriod;
  readonly seed: string;
  readonly label: string;
  readonly initial: InitialShape;
  readonly c5OneIn: number;
  readonly familiesPerMille: number;
  readonly odds: boolean;
}

/**
 * A multi-year simulation on top of the registry (docs/spec.md §17.7): an initial population,
 * then, period after period, arrivals that apply and are approved before the deadline, the
 * period's pool derived from the registry, the real draw (drawLottery, default generator, label
 * `<label>/<period>`), and its draw-held event — winners leave with a certificate, everyone else
 * carries one more draw. Yields each period's statistics as soon as its draw is held; only the
 * current registry is kept. Deterministic: the same options give the same statistics, byte for
 * byte. Options are checked when it is called (a YaohaoError naming each bad one); a bad value from
 * a `quota` or `arrivals` function, or an exception it throws, is a YaohaoError when its period comes.
 */
export function simulatePeriods(options: SimulatePeriodsOptions): Generator<SimulatedPeriod, void, undefined> {
  return run(checkOptions(options));
}

/**
 * simulatePeriods run to the end, every period's statistics in a list, or `{ success: false,
 * issues }` instead of throwing.
 */
export function safeSimulatePeriods(options: SimulatePeriodsOptions): SafeResult<SimulatedPeriod[]> {
  return safely(() => [...simulatePeriods(options)]);
}

function* run(plan: Plan): Generator<SimulatedPeriod, void, undefined> {
  const { context, seed, label } = plan;
  const policy = context.policy;
  const rule2021 = policy.weights.rule === 'beijing2021';
  const population = new Population(seed, label);
  let registry: Registry = createRegistry(policy);
  const arrivalStarts: number[] = []; // running number of each period's first arrival
  let applicants = 0;
  let won = 0;
  let firstArrival = FIRST_SERIAL;
  for (let index = 0; index < plan.ordinals.length; index++) {
    const ordinal = plan.ordinals[index]!;
    const period = periodName(ordinal, context.rule);
    const times = periodTimes(ordinal, context, plan.days);
    const quota = valueFor(plan.quota, index, period, ['options', 'quota'], 1);
    const count = valueFor(plan.arrivals, index, period, ['options', 'arrivals'], 0);
    // The initial population applies with the first period's arrivals, in one batch.
    let initial: Cohort | undefined;
    if (index === 0) {
      initial = population.initial(plan.initial, rule2021);
      applicants += initial.count;
      firstArrival = population.nextSerial;
    }
    if (applicants + count > MAX_APPLICATIONS)
      throw new YaohaoError([
        {
          code: 'invalid_value',
          path: ['options', 'arrivals'],
          message: `a simulation holds at most ${MAX_APPLICATIONS} applications (codes end in a 9-digit running number); ${period} would bring ${applicants + count}`,
        },
      ]);
    arrivalStarts.push(population.nextSerial);
    const arrived = population.arrivals(period, count, plan.c5OneIn, plan.familiesPerMille);
    registry = enter(registry, initial === undefined ? arrived : joinCohorts(initial, arrived), times, context);
    applicants += count;

    const pool = createRegistryPool(registry, period);
    const drawLabel = `${label}/${period}`;
    const { record } = drawLottery(pool, { quota, seed, generator: 'default', label: drawLabel });
    registry = applyEvent(registry, {
      type: 'draw-held',
      at: formatTimestamp(times.drawAt, context.offset),
      period,
      record,
    });
    won += record.winners.length;

    // Winners: their class, their draws (from the registry, this one included), when they arrived.
    let draws = 0;
    let arrivedWinners = 0;
    let periodsSinceArrival = 0;
    const winnersByWeight = new Map<number, number>();
    for (const winner of record.winners) {
      const weight = pool.weightOf(winner.code)!;
      winnersByWeight.set(weight, (winnersByWeight.get(weight) ?? 0) + 1);
      const code = Number(winner.code);
      draws += drawsEntered(registry, code)!;
      const serial = code % 1_000_000_000;
      if (serial >= firstArrival) {
        arrivedWinners++;
        periodsSinceArrival += index - arrivalIndex(arrivalStarts, serial);
      }
    }
    const w = record.winners.length;
    yield {
      index,
      period,
      label: drawLabel,
      arrivals: count,
      poolSize: pool.size,
      entries: pool.totalEntries,
      poolDigest: record.pool.digest,
      quota,
      winners: w,
      thrownAway: record.picks === 0 ? 0 : record.picks - w,
      ...(w > 0 ? { meanDrawsEntered: draws / w } : {}),
      arrivedWinners,
      ...(arrivedWinners > 0 ? { meanPeriodsSinceArrival: periodsSinceArrival / arrivedWinners } : {}),
      applicants,
      won,
      inPool: inPoolCount(registry),
      classes: periodClasses(pool, quota, winnersByWeight, plan.odds),
    };
  }
}

/** The index of the period a running number arrived in (`starts` ascending: each period's first). */
function arrivalIndex(starts: readonly number[], serial: number): number {
  let low = 0;
  let high = starts.length;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! <= serial) low = mid;
    else high = mid;
  }
  return low;
}

function periodClasses(
  pool: Pool,
  quota: number,
  winnersByWeight: ReadonlyMap<number, number>,
  withOdds: boolean,
): SimulatedPeriodClass[] {
  const { classes } = poolComposition(pool);
  const odds = withOdds && classes.length > 0 ? winProbabilities({ classes }, quota).classes : undefined;
  return classes.map((c, k) => {
    const winners = winnersByWeight.get(c.weight) ?? 0;
    const exact = odds?.[k];
    return {
      weight: c.weight,
      count: c.count,
      winners,
      winRate: winners / c.count,
      ...(exact === undefined ? {} : { probability: exact.probability, expectedWinners: exact.expectedWinners }),
    };
  });
}

/** When a period's newcomers apply, are approved, and when its draw is held (epoch ms). */
interface PeriodTimes {
  readonly appliedAt: number;
  readonly reviewedAt: number;
  readonly drawAt: number;
}

const HOUR = 3_600_000;

/**
 * Newcomers apply at 09:00 on the period's deadline day, are approved at 09:00 on the seal day of
 * its ordinary draw month (before the pool is sealed that evening), and the draw is held at 12:00
 * on its draw day (moved off weekends and listed holidays), all local times.
 */
function periodTimes(ordinal: number, context: LifecycleContext, days: WorkingDays): PeriodTimes {
  const year = ordinalYear(ordinal);
  const { offset, rule } = context;
  const month = String(ordinaryDrawMonth(ordinal, rule)!).padStart(2, '0');
  const sealDay = String(rule.calendar.sealDay).padStart(2, '0');
  return {
    appliedAt: dayStart(monthDayIn(year, periodRuleOf(ordinal, rule).deadline), offset) + 9 * HOUR,
    reviewedAt: dayStart(monthDayIn(year, `${month}-${sealDay}`), offset) + 9 * HOUR,
    drawAt: dayStart(ordinaryDrawDay(ordinal, context, days)!, offset) + 12 * HOUR,
  };
}

/**
 * The registry after a cohort applies and is approved: under flat and ladder rules as one batch
 * of arrivals (applyArrivals: the same state as its applied and reviewed events, in one pass);
 * under 2021– rules through the events themselves (individuals with their draw counts, families
 * with their members).
 */
function enter(registry: Registry, cohort: Cohort, times: PeriodTimes, context: LifecycleContext): Registry {
  if (cohort.count === 0) return registry;
  if (context.policy.weights.rule !== 'beijing2021')
    return applyArrivals(registry, {
      appliedAt: times.appliedAt,
      reviewedAt: times.reviewedAt,
      count: cohort.count,
      codes: cohort.codes,
      draws: cohort.draws,
      c5: cohort.c5,
    });
  return applyEvents(registry, cohortEvents(cohort, times, context.offset));
}

function* cohortEvents(cohort: Cohort, times: PeriodTimes, offset: number): Generator<AppliedEvent | ReviewedEvent> {
  const applied = formatTimestamp(times.appliedAt, offset);
  const reviewed = formatTimestamp(times.reviewedAt, offset);
  const families = new Map(cohort.families.map((f) => [f.row, f]));
  for (let row = 0; row < cohort.count; row++) {
    const code = numberToCode(cohort.codes[row]!);
    const family = families.get(row);
    yield family === undefined
      ? {
          type: 'applied',
          at: applied,
          code,
          personId: code,
          drawsTo2020: cohort.draws[row]!,
          drawsSince2021: cohort.drawsSince2021[row]!,
          ...(cohort.c5[row] === 1 ? { c5: true } : {}),
        }
      : {
          type: 'applied',
          at: applied,
          code,
          personId: code,
          kind: 'family',
          familyYears: family.familyYears,
          members: family.members,
        };
  }
  for (let row = 0; row < cohort.count; row++)
    yield { type: 'reviewed', at: reviewed, code: numberToCode(cohort.codes[row]!), approved: true };
}

/** The value of a PerPeriod for period `index`, checked (an integer ≥ `min`); a bad one is an issue at `path` (and its list index). */
function valueFor(value: PerPeriod, index: number, period: string, path: readonly PathSegment[], min: number): number {
  let v: unknown = value;
  let at = path;
  if (typeof value === 'function') {
    try {
      v = value(index, period);
    } catch (error) {
      // The caller's function failed: a typed error naming the option and the period, as for a bad
      // value, so that safeSimulatePeriods keeps its word (never throws).
      const reason = error instanceof Error ? error.message : describeValue(error);
      throw new YaohaoError([
        {
          code: 'invalid_value',
          path,
          message: `${String(path[path.length - 1])} for ${period}: the function threw (${reason})`,
        },
      ]);
    }
  } else if (typeof value !== 'number') {
    const k = Math.min(index, value.length - 1);
    v = value[k];
    at = [...path, k];
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path: at,
        message: `${String(path[path.length - 1])} for ${period} must be an integer ≥ ${min}, got ${describeValue(v)}`,
      },
    ]);
  return v;
}

function checkOptions(options: SimulatePeriodsOptions): Plan {
  const o = requireObject(options, ['options'], 'simulation options { policy, start, periods, quota, arrivals, seed }');
  const issues = new IssueCollector();
  const at = (...path: PathSegment[]): PathSegment[] => ['options', ...path];
  const problem = (path: PathSegment[], message: string): void => issues.add({ code: 'invalid_value', path, message });
  const integer = (value: unknown, path: PathSegment[], min: number, max: number, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
    problem(path, `expected an integer from ${min} to ${max}, got ${describeValue(value)}`);
    return fallback;
  };

  let context: LifecycleContext | undefined;
  try {
    context = lifecycleOf(o['policy'], at('policy'));
    createRegistry(context.policy); // refuses a rule that does not count draws
  } catch (error) {
    if (!(error instanceof YaohaoError)) throw error;
    issues.addAll(
      error.issues.map((issue) => (issue.path[0] === 'policy' ? { ...issue, path: at(...issue.path) } : issue)),
    );
  }
  const periods = integer(o['periods'], at('periods'), 1, MAX_PERIODS, 1);
  if (o['periods'] === undefined)
    problem(at('periods'), `periods is required: the number of draws to simulate (1 to ${MAX_PERIODS})`);
  const seed = o['seed'];
  if (typeof seed !== 'string' || seed.length === 0 || !isWellFormedString(seed))
    problem(at('seed'), `seed must be a non-empty well-formed string, got ${describeValue(seed)}`);
  const label = o['label'] ?? 'simulate';
  if (typeof label !== 'string' || !isWellFormedString(label))
    problem(at('label'), `label must be a well-formed string, got ${describeValue(label)}`);
  checkPerPeriod(o['quota'], at('quota'), 1, issues);
  const arrivalsChecked = checkPerPeriod(o['arrivals'], at('arrivals'), 0, issues);
  const c5OneIn = integer(o['c5OneIn'], at('c5OneIn'), 1, 2 ** 32, 1000);
  const familiesPerMille = integer(o['familiesPerMille'], at('familiesPerMille'), 0, 1000, 0);
  if (o['odds'] !== undefined && typeof o['odds'] !== 'boolean')
    problem(at('odds'), `odds must be true or false, got ${describeValue(o['odds'])}`);
  let days: WorkingDays | undefined;
  try {
    days = workingDays(o['calendar'] as CalendarOptions | undefined, at('calendar'));
    if (o['calendar'] !== undefined && !isObject(o['calendar']))
      problem(at('calendar'), 'calendar must be { holidays?, workdays? }');
  } catch (error) {
    if (!(error instanceof YaohaoError)) throw error;
    issues.addAll(error.issues);
  }
  const initial = checkInitial(o['initial'], issues);
  const rule2021 = context?.policy.weights.rule === 'beijing2021';
  if (context !== undefined && !rule2021) {
    if (initial.families > 0)
      problem(at('initial', 'families'), `policy ${context.policy.id} has no family applications (2021– policies do)`);
    if (familiesPerMille > 0)
      problem(at('familiesPerMille'), `policy ${context.policy.id} has no family applications (2021– policies do)`);
  }
  if (initial.size + initial.families > MAX_APPLICATIONS)
    problem(at('initial'), `a simulation holds at most ${MAX_APPLICATIONS} applications`);
  else if (arrivalsChecked && typeof o['arrivals'] !== 'function') {
    // Arrivals given as numbers are all known now: a run that would pass the limit is refused
    // before its first draw, not after hundreds of them.
    const arrivals = o['arrivals'] as number | readonly number[];
    let total = initial.size + initial.families;
    for (let k = 0; k < periods; k++)
      total += typeof arrivals === 'number' ? arrivals : arrivals[Math.min(k, arrivals.length - 1)]!;
    if (total > MAX_APPLICATIONS)
      problem(
        at('arrivals'),
        `a simulation holds at most ${MAX_APPLICATIONS} applications (codes end in a 9-digit running number); the initial population and ${periods} periods of arrivals bring ${total}`,
      );
  }

  let ordinals: number[] = [];
  if (context !== undefined) {
    try {
      ordinals = drawPeriods(context, o['start'], periods);
    } catch (error) {
      if (!(error instanceof YaohaoError)) throw error;
      issues.addAll(error.issues);
    }
  }
  issues.throwIfAny();
  const ctx = context!;
  const since = sinceCounts(ctx, ordinals[0]!);
  return {
    context: ctx,
    days: days!,
    ordinals,
    quota: o['quota'] as PerPeriod,
    arrivals: o['arrivals'] as PerPeriod,
    seed: seed as string,
    label: label as string,
    initial: { ...initial, ...since },
    c5OneIn,
    familiesPerMille,
    odds: o['odds'] !== false,
  };
}

/** Adds an issue for each bad value of a PerPeriod; true when there is none. */
function checkPerPeriod(value: unknown, path: PathSegment[], min: number, issues: IssueCollector): boolean {
  let good = true;
  const bad = (where: PathSegment[], got: unknown): void => {
    good = false;
    issues.add({
      code: typeof got === 'number' ? 'invalid_value' : 'invalid_type',
      path: where,
      message: `${String(path[path.length - 1])}: expected an integer ≥ ${min}, a non-empty list of them, or a function of the period, got ${describeValue(got)}`,
    });
  };
  const ok = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
  if (typeof value === 'function') return true;
  if (Array.isArray(value)) {
    if (value.length === 0) bad(path, value);
    // An index loop, not forEach: a hole in the list ([1, , 3]) is a missing value too.
    for (let k = 0; k < value.length; k++) if (!ok(value[k])) bad([...path, k], value[k]);
  } else if (!ok(value)) bad(path, value);
  return good;
}

function checkInitial(value: unknown, issues: IssueCollector): Omit<InitialShape, 'maxSince2021' | 'maxFamilyYears'> {
  const shape = { size: 0, maxDraws: 60, c5OneIn: 1000, families: 0 };
  if (value === undefined) return shape;
  if (!isObject(value)) {
    issues.add({
      code: 'invalid_type',
      path: ['options', 'initial'],
      message: `initial: expected { size, maxDraws?, c5OneIn?, families? }, got ${describeValue(value)}`,
    });
    return shape;
  }
  const limits: Record<keyof typeof shape, [number, number, boolean]> = {
    size: [0, MAX_APPLICATIONS, true],
    maxDraws: [1, 2 ** 32, false],
    c5OneIn: [1, 2 ** 32, false],
    families: [0, MAX_APPLICATIONS, false],
  };
  for (const key of Object.keys(value))
    if (!(key in limits))
      issues.add({
        code: 'unknown_field',
        path: ['options', 'initial', key],
        message: `"${key}" is not an option of the initial population (size, maxDraws, c5OneIn, families)`,
      });
  for (const [key, [min, max, required]] of Object.entries(limits) as [
    keyof typeof shape,
    [number, number, boolean],
  ][]) {
    const v = value[key];
    if (v === undefined && !required) continue;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max) shape[key] = v;
    else
      issues.add({
        code: v === undefined ? 'missing_field' : 'invalid_value',
        path: ['options', 'initial', key],
        message: `initial.${key}: expected an integer from ${min} to ${max}, got ${describeValue(v)}`,
      });
  }
  return shape;
}

/** The ordinals of `count` consecutive periods that hold an ordinary draw, from `start` (which must hold one). */
function drawPeriods(context: LifecycleContext, start: unknown, count: number): number[] {
  const path = ['options', 'start'];
  const first = requirePeriod(start, context, path);
  if (ordinaryDrawMonth(first, context.rule) === undefined)
    throw new YaohaoError([{ code: 'invalid_value', path, message: `${String(start)} holds no ordinary draw` }]);
  if (ordinalYear(first) < 1900 || ordinalYear(first) > 9000)
    throw new YaohaoError([
      { code: 'invalid_value', path, message: `${String(start)}: the year must be from 1900 to 9000` },
    ]);
  const ordinals = [first];
  let ordinal = first;
  while (ordinals.length < count) {
    ordinal = nextOrdinal(ordinal, context.rule);
    if (ordinaryDrawMonth(ordinal, context.rule) !== undefined) ordinals.push(ordinal);
  }
  return ordinals;
}

/** Under 2021– rules: the ordinary draws held from 2021 up to the start, and the full years since 2021 (the initial population's largest counts). */
function sinceCounts(context: LifecycleContext, start: number): { maxSince2021: number; maxFamilyYears: number } {
  let draws = 0;
  const year = ordinalYear(start);
  for (let ordinal = 2021 * 100; ordinal < start; ordinal = nextOrdinal(ordinal, context.rule))
    if (ordinaryDrawMonth(ordinal, context.rule) !== undefined) draws++;
  return { maxSince2021: draws, maxFamilyYears: Math.max(0, year - 2021) };
}

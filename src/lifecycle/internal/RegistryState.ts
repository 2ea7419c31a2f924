import { addMonths, dayStart } from '../../time/calendarDate';
import type { App } from './Application';
import { IN_POOL, groupOf } from './Application';
import { ApplicationStore } from './ApplicationStore';
import { memoised, monthDayIn, nextOrdinal, ordinalYear, ordinaryDrawMonth, type LifecycleContext } from './periods';

/** A draw the registry has applied: one ordinary lottery of a period. */
export interface HeldDraw {
  /** Period ordinal. */
  readonly period: number;
  /** When it was held (epoch ms): the draw-held event's time. */
  readonly at: number;
  /** Sub-draw label of the record ("" when none). */
  readonly label: string;
  /** Applications in the pool drawn from. */
  readonly size: number;
  /** Winners' code values, in draw order (rank = position + 1). */
  readonly winners: readonly number[];
  /** Last instant a winner may confirm (at + confirmHours). */
  readonly confirmBy: number;
  /** Last instant a certificate of this draw can be used. */
  readonly validUntil: number;
}

/** The whole state of a registry: immutable; every event gives a new one. */
export interface RegistryState {
  readonly context: LifecycleContext;
  readonly store: ApplicationStore;
  /** Time of the last event applied (epoch ms), or undefined before the first. */
  readonly lastAt: number | undefined;
  /** Held draws per pool group (0 ordinary, 1 ordinaryUnits), in period order. */
  readonly held: readonly (readonly HeldDraw[])[];
  /** Per group: draws [0, n) whose confirmation window closed before lastAt (their unconfirmed winners forfeited). */
  readonly forfeitedThrough: readonly number[];
  /** Per group: draws [0, n) whose validity ended before lastAt (their unused certificates expired). */
  readonly expiredThrough: readonly number[];
  /**
   * Per group: how many applications are in the pool, by their poolFrom (derived from the
   * applications; kept so a draw learns its pool's size without visiting millions of them).
   */
  readonly inPool: readonly ReadonlyMap<number, number>[];
}

/** The state of a registry that has seen nothing. */
export function emptyState(context: LifecycleContext): RegistryState {
  return {
    context,
    store: ApplicationStore.empty(),
    lastAt: undefined,
    held: [[], []],
    forfeitedThrough: [0, 0],
    expiredThrough: [0, 0],
    inPool: [new Map(), new Map()],
  };
}

/** Adds `delta` to the in-pool count of a group and poolFrom, when the status is in-pool. */
export function countInPool(
  counts: Map<number, number>[],
  status: number,
  kind: number,
  poolFrom: number,
  delta: number,
): void {
  if (status !== IN_POOL) return;
  const group = counts[groupOf(kind)]!;
  const n = (group.get(poolFrom) ?? 0) + delta;
  if (n === 0) group.delete(poolFrom);
  else group.set(poolFrom, n);
}

/** Applications in a group's pool for period `ordinal`: in the pool, with poolFrom ≤ ordinal. */
export function poolSize(counts: ReadonlyMap<number, number>, ordinal: number): number {
  let n = 0;
  for (const [poolFrom, count] of counts) if (poolFrom <= ordinal) n += count;
  return n;
}

/** Index of the first held draw with period ≥ `ordinal`. */
export function firstDrawFrom(held: readonly HeldDraw[], ordinal: number): number {
  let low = 0;
  let high = held.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (held[mid]!.period < ordinal) low = mid + 1;
    else high = mid;
  }
  return low;
}

const FIRST_2021 = 2021 * 100;

/** Draws of the current run of an in-pool application (all, and those held in 2021 or later). */
export function runDraws(held: readonly HeldDraw[], poolFrom: number): { total: number; since2021: number } {
  return {
    total: held.length - firstDrawFrom(held, poolFrom),
    since2021: held.length - firstDrawFrom(held, Math.max(poolFrom, FIRST_2021)),
  };
}

/** runDraws(held, poolFrom).total, looked up once per poolFrom: millions of applications share few run starts. */
export function runCounter(held: readonly HeldDraw[]): (poolFrom: number) => number {
  const runs = new Map<number, number>();
  return (poolFrom) => {
    let total = runs.get(poolFrom);
    if (total === undefined) runs.set(poolFrom, (total = runDraws(held, poolFrom).total));
    return total;
  };
}

/** Draws an application has entered so far: counted ones, plus its current run while in the pool. */
export function drawsOf(app: App, held: readonly HeldDraw[]): { total: number; since2021: number } {
  if (app.status !== IN_POOL) return { total: app.counted, since2021: app.countedSince2021 };
  const run = runDraws(held, app.poolFrom);
  return { total: app.counted + run.total, since2021: app.countedSince2021 + run.since2021 };
}

/** Distinct years of the held draws from index `from`, after `afterYear` and before `beforeYear`. */
export function drawYears(held: readonly HeldDraw[], from: number, afterYear: number, beforeYear: number): number[] {
  const years: number[] = [];
  for (let k = from; k < held.length; k++) {
    const year = ordinalYear(held[k]!.period);
    if (year > afterYear && year < beforeYear && years[years.length - 1] !== year) years.push(year);
  }
  return years;
}

/** The instant the pool of a period is sealed: the end of its seal day (the data is sealed that evening). */
export function sealEnd(ordinal: number, context: LifecycleContext): number {
  return memoised(context, ordinal * 4 + 1, () => {
    const month = ordinaryDrawMonth(ordinal, context.rule);
    // A period without an ordinary draw has no pool to seal: never open.
    if (month === undefined) return Number.NEGATIVE_INFINITY;
    const sealDay = `${String(month).padStart(2, '0')}-${String(context.rule.calendar.sealDay).padStart(2, '0')}`;
    return dayStart(monthDayIn(ordinalYear(ordinal), sealDay) + 1, context.offset);
  });
}

/**
 * The first period whose ordinary pool an application approved at `at` enters: not before
 * `from`, after the group's last held draw, holding an ordinary draw, not yet sealed.
 */
export function firstOpenPool(from: number, at: number, held: readonly HeldDraw[], context: LifecycleContext): number {
  let ordinal = from;
  const last = held[held.length - 1];
  if (last !== undefined && ordinal <= last.period) ordinal = nextOrdinal(last.period, context.rule);
  while (sealEnd(ordinal, context) <= at) ordinal = nextOrdinal(ordinal, context.rule);
  return ordinal;
}

/** Certificate validity in months for a draw of the given year (the last rule whose fromYear ≤ year). */
export function validityMonths(year: number, context: LifecycleContext): number {
  const rules = context.rule.validity;
  let months = rules[0]!.months;
  for (const rule of rules) if (rule.fromYear <= year) months = rule.months;
  return months;
}

/** Confirmation deadline and validity end of a draw held at `at` for period `ordinal`. */
export function certificateTimes(
  ordinal: number,
  at: number,
  context: LifecycleContext,
): { confirmBy: number; validUntil: number } {
  return {
    confirmBy: at + context.rule.confirmHours * 3_600_000,
    validUntil: addMonths(at, validityMonths(ordinalYear(ordinal), context), context.offset),
  };
}

import type { PathSegment } from '../../errors/Issue';
import { YaohaoError } from '../../errors/YaohaoError';
import { checkPolicy } from '../../policy/checkPolicy';
import type { CalendarPeriodRule, LifecycleRule } from '../../policy/Lifecycle';
import type { Policy } from '../../policy/Policy';
import { dayStart, localDay } from '../../time/calendarDate';
import { civilFromDays, daysFromCivil, parseOffset } from '../../time/timestamp';

/** A policy's lifecycle rule with what every lifecycle function derives from it once. */
export interface LifecycleContext {
  readonly policy: Policy;
  readonly rule: LifecycleRule;
  /** The authority's UTC offset in minutes. */
  readonly offset: number;
  /** Figures computed once (deadline and seal ends per period, the period of an application per day): millions of events ask for the same few. */
  readonly memo: Map<number, number>;
}

/** `compute()` once per context and key (ordinal × 4 + 0 or 1, local day × 4 + 2: never equal). */
export function memoised(context: LifecycleContext, key: number, compute: () => number): number {
  let value = context.memo.get(key);
  if (value === undefined) context.memo.set(key, (value = compute()));
  return value;
}

/** The checked policy and its lifecycle rule, or an invalid_policy error when it has none. */
export function lifecycleOf(policy: unknown, path: readonly PathSegment[] = ['policy']): LifecycleContext {
  const checked = checkPolicy(policy, path);
  if (checked.lifecycle === undefined)
    throw new YaohaoError([
      {
        code: 'invalid_policy',
        path: [...path, 'lifecycle'],
        message: `policy ${checked.id} has no lifecycle rules (calendar, renewal, review); use a Beijing preset or add a "lifecycle" section`,
      },
    ]);
  return {
    policy: checked,
    rule: checked.lifecycle,
    offset: parseOffset(checked.lifecycle.utcOffset)!,
    memo: new Map(),
  };
}

/**
 * Periods are numbered year × 100 + index in the calendar (0-based), so numeric order is time
 * order across years: "2024-h1" is 202400, "2024-h2" 202401, "2016-06" 201602.
 */
export function periodOrdinal(year: number, index: number): number {
  return year * 100 + index;
}

/** The year of a period ordinal. */
export function ordinalYear(ordinal: number): number {
  return Math.floor(ordinal / 100);
}

/** The calendar period of an ordinal. */
export function periodRuleOf(ordinal: number, rule: LifecycleRule): CalendarPeriodRule {
  return rule.calendar.periods[ordinal - ordinalYear(ordinal) * 100]!;
}

/** "2024-h1" for an ordinal. */
export function periodName(ordinal: number, rule: LifecycleRule): string {
  return `${ordinalYear(ordinal)}-${periodRuleOf(ordinal, rule).id}`;
}

/** The period after `ordinal`. */
export function nextOrdinal(ordinal: number, rule: LifecycleRule): number {
  const year = ordinalYear(ordinal);
  const index = ordinal - year * 100 + 1;
  return index < rule.calendar.periods.length ? periodOrdinal(year, index) : periodOrdinal(year + 1, 0);
}

/** The ordinal of "YYYY-id", or undefined when it is not a period of the calendar. */
export function parsePeriod(text: string, rule: LifecycleRule): number | undefined {
  const match = /^(\d{4})-([a-z0-9]+)$/.exec(text);
  if (match === null) return undefined;
  const index = rule.calendar.periods.findIndex((p) => p.id === match[2]);
  return index < 0 ? undefined : periodOrdinal(Number(match[1]), index);
}

/** The period ordinal of `text`, or a YaohaoError at `path` listing the calendar's periods. */
export function requirePeriod(text: unknown, context: LifecycleContext, path: readonly PathSegment[]): number {
  const ordinal = typeof text === 'string' ? parsePeriod(text, context.rule) : undefined;
  if (ordinal === undefined)
    throw new YaohaoError([
      {
        code: 'invalid_value',
        path,
        message: `${JSON.stringify(text)} is not a period of ${context.policy.id}: expected "<year>-<id>" with id one of ${context.rule.calendar.periods.map((p) => p.id).join(', ')}`,
      },
    ]);
  return ordinal;
}

/** The day count of "MM-DD" in `year`. */
export function monthDayIn(year: number, monthDay: string): number {
  return daysFromCivil(year, Number(monthDay.slice(0, 2)), Number(monthDay.slice(3, 5)));
}

/** The instant the application window of a period closes: the start of the day after its deadline. */
export function deadlineEnd(ordinal: number, context: LifecycleContext): number {
  return memoised(context, ordinal * 4, () => {
    const deadline = monthDayIn(ordinalYear(ordinal), periodRuleOf(ordinal, context.rule).deadline);
    return dayStart(deadline + 1, context.offset);
  });
}

/** The instant the application window of a period opens, or undefined when it has no `opens`. */
export function windowStart(ordinal: number, context: LifecycleContext): number | undefined {
  const opens = periodRuleOf(ordinal, context.rule).opens;
  return opens === undefined ? undefined : dayStart(monthDayIn(ordinalYear(ordinal), opens), context.offset);
}

/**
 * The period an application made at `at` (epoch ms) first enters: the first period whose deadline
 * has not passed. `window: false` when that period has an opening day still ahead (2021–: nothing
 * is taken from 9 March to 31 July, nor from 9 October to 31 December).
 */
export function periodOfApplication(at: number, context: LifecycleContext): { ordinal: number; open: boolean } {
  // Millions of applications come on few days: the answer is the same for a whole local day
  // (deadlines and openings are day boundaries), so it is kept per day, as ordinal × 2 + open.
  const day = localDay(at, context.offset);
  const packed = memoised(context, day * 4 + 2, () => {
    const year = civilFromDays(day).year;
    const count = context.rule.calendar.periods.length;
    let ordinal = periodOrdinal(year + 1, 0);
    for (let k = 0; k < count; k++) {
      if (at < deadlineEnd(periodOrdinal(year, k), context)) {
        ordinal = periodOrdinal(year, k);
        break;
      }
    }
    const opens = windowStart(ordinal, context);
    return ordinal * 2 + (opens === undefined || at >= opens ? 1 : 0);
  });
  return { ordinal: Math.floor(packed / 2), open: packed % 2 === 1 };
}

/** The first ordinary draw month of a period, or undefined when the period holds none. */
export function ordinaryDrawMonth(ordinal: number, rule: LifecycleRule): number | undefined {
  return periodRuleOf(ordinal, rule).draws.find((d) => d.category === 'ordinary')?.month;
}

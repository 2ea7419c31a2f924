import type { Issue, PathSegment } from '../errors/Issue';
import { IssueCollector } from '../errors/IssueCollector';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { formatDate, isoWeekday, parseDate } from '../time/calendarDate';
import {
  lifecycleOf,
  monthDayIn,
  ordinalYear,
  ordinaryDrawMonth,
  periodName,
  periodOrdinal,
  type LifecycleContext,
} from './internal/periods';

/** What happens on a day of the draw calendar. */
export type CalendarEventKind = 'application-deadline' | 'review-results' | 'pool-sealed' | 'draw';

/** One dated event of the draw calendar. */
export interface CalendarEvent {
  /** Application cut-off (inclusive), review results out, pool data sealed (evening), or the draw. */
  readonly kind: CalendarEventKind;
  /** Ordinary lottery or new-energy allocation. */
  readonly category: 'ordinary' | 'nev';
  /** The period, "2024-h1", "2019-06". */
  readonly period: string;
  /** The day, "YYYY-MM-DD", on the authority's calendar. */
  readonly date: string;
  /** For a draw moved off a weekend or holiday: the day it would have been held on. */
  readonly movedFrom?: string;
}

/** Non-working days and working weekend days (调休), as the authority announced them: input data. */
export interface CalendarOptions {
  /** Public holidays, "YYYY-MM-DD": a draw due on one moves to the next working day. */
  readonly holidays?: readonly string[];
  /** Weekend days that are working days (调休), "YYYY-MM-DD". */
  readonly workdays?: readonly string[];
}

/** Working days as sets of day counts, checked once. */
export interface WorkingDays {
  /** Listed holidays, as day counts since 1970-01-01. */
  readonly holidays: ReadonlySet<number>;
  /** Listed working weekend days, as day counts. */
  readonly workdays: ReadonlySet<number>;
}

const KIND_ORDER: readonly CalendarEventKind[] = ['application-deadline', 'review-results', 'pool-sealed', 'draw'];

/** Reads holiday and workday lists (typed issues at `path` for bad dates or a day in both). */
export function workingDays(options: CalendarOptions | undefined, path: readonly PathSegment[]): WorkingDays {
  const issues = new IssueCollector();
  const read = (field: 'holidays' | 'workdays'): Set<number> => {
    const days = new Set<number>();
    const list: unknown = options?.[field];
    if (list === undefined) return days;
    if (!Array.isArray(list)) {
      issues.add({ code: 'invalid_type', path: [...path, field], message: `${field}: expected an array of dates` });
      return days;
    }
    list.forEach((text: unknown, i) => {
      const day = typeof text === 'string' ? parseDate(text) : undefined;
      if (day === undefined)
        issues.add({
          code: 'invalid_value',
          path: [...path, field, i],
          message: `${field}[${i}] is not a real date "YYYY-MM-DD": ${JSON.stringify(text)}`,
        });
      else days.add(day);
    });
    return days;
  };
  const holidays = read('holidays');
  const workdays = read('workdays');
  const both: Issue[] = [...holidays]
    .filter((day) => workdays.has(day))
    .sort((a, b) => a - b)
    .map((day) => ({
      code: 'invalid_value',
      path: [...path, 'workdays'],
      message: `${formatDate(day)} is listed both as a holiday and as a working day`,
    }));
  issues.addAll(both);
  issues.throwIfAny();
  return { holidays, workdays };
}

/** True when a day is a working day: a listed workday, or Monday–Friday and not a listed holiday. */
export function isWorkingDay(day: number, days: WorkingDays): boolean {
  return days.workdays.has(day) || (isoWeekday(day) <= 5 && !days.holidays.has(day));
}

/** The day a draw due on `day` is held: that day, or the next working day. */
export function drawDayFrom(day: number, days: WorkingDays): number {
  let held = day;
  // Terminates: within holidays.size + 3 days there is a weekday that is not a holiday.
  while (!isWorkingDay(held, days)) held++;
  return held;
}

/** The calendar events of one year, in date order, for a checked lifecycle. */
export function calendarEvents(context: LifecycleContext, year: number, days: WorkingDays): CalendarEvent[] {
  const { rule } = context;
  const events: (CalendarEvent & { day: number })[] = [];
  rule.calendar.periods.forEach((period, index) => {
    const name = periodName(periodOrdinal(year, index), rule);
    const categories = [...new Set(period.draws.map((d) => d.category))];
    for (const category of categories) {
      const deadline = monthDayIn(year, period.deadline);
      events.push({ kind: 'application-deadline', category, period: name, date: formatDate(deadline), day: deadline });
      if (period.reviewResults !== undefined) {
        const review = monthDayIn(year, period.reviewResults);
        events.push({ kind: 'review-results', category, period: name, date: formatDate(review), day: review });
      }
    }
    for (const draw of period.draws) {
      const sealed = monthDayFrom(year, draw.month, rule.calendar.sealDay);
      events.push({
        kind: 'pool-sealed',
        category: draw.category,
        period: name,
        date: formatDate(sealed),
        day: sealed,
      });
      const due = monthDayFrom(year, draw.month, rule.calendar.drawDay);
      const held = drawDayFrom(due, days);
      events.push({
        kind: 'draw',
        category: draw.category,
        period: name,
        date: formatDate(held),
        day: held,
        ...(held === due ? {} : { movedFrom: formatDate(due) }),
      });
    }
  });
  events.sort(
    (a, b) =>
      a.day - b.day ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
  return events.map(({ day: _day, ...event }) => event);
}

/** The day the ordinary draw of a period is held (moved off weekends and holidays), or undefined when it has none. */
export function ordinaryDrawDay(ordinal: number, context: LifecycleContext, days: WorkingDays): number | undefined {
  const month = ordinaryDrawMonth(ordinal, context.rule);
  return month === undefined
    ? undefined
    : drawDayFrom(monthDayFrom(ordinalYear(ordinal), month, context.rule.calendar.drawDay), days);
}

function monthDayFrom(year: number, month: number, day: number): number {
  return monthDayIn(year, `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * The draw calendar of a year (docs/spec.md §16.1): for every period of the policy's calendar, the
 * application deadline and review results (per category), the day the pool is sealed and the draw,
 * in date order. A draw due on a weekend or a listed holiday moves to the next working day (a
 * listed workday counts as one); deadlines, review days and sealing never move. Holidays are input
 * data: yaohao ships no official holiday table.
 */
export function drawCalendar(policy: unknown, year: number, options: CalendarOptions = {}): CalendarEvent[] {
  const context = lifecycleOf(policy);
  const issues = new IssueCollector();
  if (!Number.isInteger(year) || year < 1900 || year > 9998)
    issues.add({
      code: 'invalid_value',
      path: ['year'],
      message: `year must be an integer from 1900 to 9998, got ${String(year)}`,
    });
  issues.throwIfAny();
  return calendarEvents(context, year, workingDays(options, ['options']));
}

/** drawCalendar that returns `{ success, value | issues }` instead of throwing. */
export function safeDrawCalendar(
  policy: unknown,
  year: number,
  options?: CalendarOptions,
): SafeResult<CalendarEvent[]> {
  return safely(() => drawCalendar(policy, year, options));
}

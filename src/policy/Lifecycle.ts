import * as z from 'zod/mini';
import { described } from '../errors/described';
import { UtcOffsetSchema } from '../time/TimestampSchema';

/** A day of the year, "MM-DD" (e.g. "03-08"); 29 February is not allowed (it is not in every year). */
export type MonthDay = string;

/** One draw (or new-energy allocation) of a period: its category and the month it is held in. */
export interface CalendarDrawRule {
  /** Ordinary lottery or new-energy allocation. */
  readonly category: 'ordinary' | 'nev';
  /** Month of the draw (1–12), in the period's year. */
  readonly month: number;
}

/** One period of the year: when it takes applications, when reviews are out, which draws it holds. */
export interface CalendarPeriodRule {
  /** The period id, as in the allocation periods ("h1", "06"). */
  readonly id: string;
  /** First day applications for this period are taken ("08-01"); absent: any day after the previous deadline. */
  readonly opens?: MonthDay | undefined;
  /** Application cut-off, inclusive ("03-08"); it never moves. */
  readonly deadline: MonthDay;
  /** Review results are out on this day ("04-09"); absent where the sources do not say. */
  readonly reviewResults?: MonthDay | undefined;
  /** The draws of the period, in order. */
  readonly draws: readonly CalendarDrawRule[];
}

/** The draw calendar of an era: periods of the year, the draw day and the sealing day. */
export interface CalendarRule {
  /** Day of the draw month the draw is held on (26); a weekend or holiday moves it to the next working day. */
  readonly drawDay: number;
  /** Day of the draw month the pool data is sealed on (25, in the evening); it never moves. */
  readonly sealDay: number;
  /** The periods of a year, in calendar order (deadlines strictly increasing). */
  readonly periods: readonly CalendarPeriodRule[];
}

/** How long a quota certificate (指标证明) stays valid, for draws from `fromYear` on. */
export interface ValidityRule {
  /** First draw year this validity applies to. */
  readonly fromYear: number;
  /** Months from the draw within which a car must be registered. */
  readonly months: number;
}

/** Renewal (继续参与 / 确认延期): how long an application lasts without confirming it wants to continue. */
export interface RenewalRule {
  /** Months without a confirmation after which a cleanup removes the application (24). */
  readonly months: number;
  /** Days of the year a cleanup is held on ("01-01"). */
  readonly cleanupDates: readonly MonthDay[];
  /** Months in which a continuation can be confirmed ([12]); absent: any time. */
  readonly continuationMonths?: readonly number[] | undefined;
}

/** The eligibility review (审核): thresholds of the rules, as data. */
export interface ReviewRule {
  /** Minimum age at the application deadline (18). */
  readonly minAge: number;
  /** Consecutive years of Beijing social insurance AND income tax that give a residence basis (5). */
  readonly contributionYears: number;
  /**
   * The last month those years must reach: the month before the application (`previous-month`,
   * the presets: that month's payment may not be recorded yet) or the application month itself.
   */
  readonly contributionsUntil: 'previous-month' | 'application-month';
  /** VAT a unit must have paid in Beijing in the previous year, in CNY, as a decimal string ("50000"). */
  readonly unitVatThreshold: string;
}

/**
 * An application's life over time (docs/spec.md §16): calendar, review, certificates, renewal.
 * Every number is a parameter: several are not in our sources (the spec lists which).
 */
export interface LifecycleRule {
  /** UTC offset of the authority's calendar ("+08:00"): dates, deadlines and cleanups are local days there. */
  readonly utcOffset: string;
  /** The draw calendar. */
  readonly calendar: CalendarRule;
  /** Hours after the draw within which a winner must confirm the quota, or it is forfeited (72). */
  readonly confirmHours: number;
  /** Certificate validity by draw year, `fromYear` ascending (12 months from 2018; 6 before). */
  readonly validity: readonly ValidityRule[];
  /** Renewal and the yearly cleanup. */
  readonly renewal: RenewalRule;
  /**
   * How the registry counts a family's `familyYears` for a period: `draw-years` — calendar years
   * before the period's year in which the family entered at least one draw; `full-years` — full
   * years from the family's application to 1 January of the period's year.
   */
  readonly familyYears: 'draw-years' | 'full-years';
  /** Review thresholds. */
  readonly review: ReviewRule;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day of the year of "MM-DD" in a common year (0-based), or −1 when it is not a real day. */
export function monthDayIndex(text: string): number {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return -1;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return -1;
  return DAYS_IN_MONTH.slice(0, month - 1).reduce((a, b) => a + b, 0) + day - 1;
}

const monthDay = z
  .string()
  .check(z.refine((text) => monthDayIndex(text) >= 0, { error: 'expected a day of the year "MM-DD" (not 02-29)' }));
const month = z.int().check(z.minimum(1), z.maximum(12));
// Every month has days 1–28, so a draw or sealing day in that range exists in every draw month.
const dayOfMonth = z.int().check(z.minimum(1), z.maximum(28));

const calendarSchema = z
  .readonly(
    z.strictObject({
      drawDay: dayOfMonth.apply(described, 'Day of the draw month the draw is held on (26).'),
      sealDay: dayOfMonth.apply(described, 'Day of the draw month the pool is sealed on (25).'),
      periods: z
        .readonly(
          z
            .array(
              z
                .readonly(
                  z.strictObject({
                    id: z
                      .string()
                      .check(z.regex(/^[a-z0-9]+$/, { error: 'a period id is lowercase letters and digits' })),
                    opens: z.optional(monthDay),
                    deadline: monthDay,
                    reviewResults: z.optional(monthDay),
                    draws: z.readonly(
                      z
                        .array(z.readonly(z.strictObject({ category: z.enum(['ordinary', 'nev']), month })))
                        .check(z.minLength(1)),
                    ),
                  }),
                )
                .check(
                  z.refine((p) => p.draws.every((d) => d.month >= Number(p.deadline.slice(0, 2))), {
                    error: 'every draw of a period is in or after the month of its deadline',
                  }),
                ),
            )
            .check(z.minLength(1), z.maxLength(99)),
        )
        .check(
          z.refine(
            (ps) => ps.every((p, k) => k === 0 || monthDayIndex(p.deadline) > monthDayIndex(ps[k - 1]!.deadline)),
            { error: 'period deadlines must be strictly increasing through the year' },
          ),
          z.refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, { error: 'period ids must be unique' }),
          z.refine((ps) => ps.some((p) => p.draws.some((d) => d.category === 'ordinary')), {
            error: 'at least one period holds an ordinary draw',
          }),
        ),
    }),
  )
  .check(
    z.refine((c) => c.sealDay <= c.drawDay, {
      error: 'the pool is sealed on or before the draw day',
      path: ['sealDay'],
    }),
  );

/** The zod schema of LifecycleRule. */
export const LifecycleRuleSchema: z.ZodMiniType<LifecycleRule> = z
  .readonly(
    z.strictObject({
      utcOffset: UtcOffsetSchema,
      calendar: calendarSchema,
      confirmHours: z.int().check(z.minimum(1)).apply(described, 'Hours to confirm a won quota (72).'),
      validity: z
        .readonly(
          z
            .array(
              z.readonly(
                z.strictObject({
                  fromYear: z.int().check(z.minimum(2000), z.maximum(9999)),
                  months: z.int().check(z.minimum(1), z.maximum(120)),
                }),
              ),
            )
            .check(z.minLength(1)),
        )
        .check(
          z.refine((v) => v.every((r, k) => k === 0 || r.fromYear > v[k - 1]!.fromYear), {
            error: 'validity rules must have strictly increasing fromYear',
          }),
        ),
      renewal: z.readonly(
        z.strictObject({
          months: z.int().check(z.minimum(1), z.maximum(1200)),
          cleanupDates: z.readonly(z.array(monthDay).check(z.minLength(1))),
          continuationMonths: z.optional(z.readonly(z.array(month).check(z.minLength(1)))),
        }),
      ),
      familyYears: z.enum(['draw-years', 'full-years']),
      review: z.readonly(
        z.strictObject({
          minAge: z.int().check(z.minimum(0), z.maximum(150)),
          contributionYears: z.int().check(z.minimum(1), z.maximum(100)),
          contributionsUntil: z.enum(['previous-month', 'application-month']),
          unitVatThreshold: z
            .string()
            .check(z.regex(/^\d+(\.\d+)?$/, { error: 'a non-negative decimal amount, e.g. "50000"' })),
        }),
      ),
    }),
  )
  .apply(
    described,
    'An application’s life: calendar, confirmation window, certificate validity, renewal, review thresholds.',
  );

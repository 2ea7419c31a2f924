import * as z from 'zod/mini';
import { described } from '../errors/described';

/** Categories of quota (指标): new-energy (新能源) and ordinary (普通). */
export type QuotaCategory = 'nev' | 'ordinary';

/** Every entrant list a period takes (PeriodInput fields), in a fixed order. */
export const ENTRANT_LISTS = [
  'nevUnits',
  'nevOperators',
  'nevFamilies',
  'nevIndividuals',
  'ordinaryUnits',
  'ordinary',
] as const;

/** One of the entrant lists. */
export type EntrantList = (typeof ENTRANT_LISTS)[number];

/**
 * One category of a year's quota notice: the annual total, fixed amounts (e.g. units 4,000,
 * operating vehicles 3,000), shares of what remains (e.g. families 0.8), and the part that takes
 * the remainder (e.g. individuals), so the parts always add up to the total exactly.
 */
export interface CategoryNotice {
  /** New-energy or ordinary quota. */
  readonly category: QuotaCategory;
  /** Annual total of the category. */
  readonly total: number;
  /** Fixed amounts, taken first. */
  readonly fixed: readonly {
    /** The part's name. */
    readonly part: string;
    /** Its quota a year. */
    readonly amount: number;
  }[];
  /** Shares of the rest (decimal "0.8" or fraction "4/5"), rounded by the allocation's rounding. */
  readonly shares: readonly {
    /** The part's name. */
    readonly part: string;
    /** Its share of what the fixed parts leave. */
    readonly share: string;
  }[];
  /** The part that receives whatever remains. */
  readonly rest: string;
}

/** One sub-draw of a period: which quota, which entrants, how they are allocated. */
export interface SubDrawRule {
  /** Unique within the period, e.g. "nev/family"; names the sub-draw's generator stream. */
  readonly label: string;
  /** New-energy or ordinary quota. */
  readonly category: QuotaCategory;
  /** The part of the category notice this sub-draw allocates. */
  readonly part: string;
  /**
   * Fraction of the annual part allocated by the end of this period ("1/2" in June, "1" in
   * December; "k/6" for bimonthly draws). The period gets the difference from the previous
   * period's figure for the same part, so the periods of a year add up to the annual part exactly.
   */
  readonly throughShare: string;
  /** `lottery`: a seeded draw; `ranking`: the top of a deterministic ranking (no randomness). */
  readonly method: 'lottery' | 'ranking';
  /** The input list the entrants come from. */
  readonly entrants: EntrantList;
  /** A later sub-draw that receives this one's unused quota (fewer entrants than quota). */
  readonly leftoverTo?: string | undefined;
}

/** A period of the year: its id ("h1", "06", …) and its sub-draws, in order. */
export interface PeriodRule {
  /** The period's id within the year: "h1", "06", …. */
  readonly id: string;
  /** Its sub-draws, in the order they are run. */
  readonly subDraws: readonly SubDrawRule[];
}

/** How a year's quotas are split and allocated (2021– presets carry the published figures). */
export interface AllocationRule {
  /** Rounding of every share; the rest part absorbs the difference. */
  readonly rounding: 'floor' | 'half-up' | 'half-even';
  /** The year's published split, by category; a sub-draw of a category without one needs options.quotas. */
  readonly notices: readonly CategoryNotice[];
  /** The periods of the year, in calendar order. */
  readonly periods: readonly PeriodRule[];
}

/** A share: a non-negative decimal ("0.8") or fraction ("1/6") of at most 32 characters. */
export const SHARE_PATTERN: RegExp = /^(?=.{1,32}$)(\d+(\.\d+)?|\d+\/[1-9]\d*)$/;
const share = z
  .string()
  .check(z.regex(SHARE_PATTERN, { error: 'a share is a decimal such as "0.8" or a fraction such as "1/6"' }));
const part = z.string().check(z.minLength(1));

/** The zod schema of CategoryNotice. */
export const CategoryNoticeSchema: z.ZodMiniType<CategoryNotice> = z.readonly(
  z.strictObject({
    category: z.enum(['nev', 'ordinary']),
    total: z.int().check(z.minimum(0)),
    fixed: z.readonly(z.array(z.readonly(z.strictObject({ part, amount: z.int().check(z.minimum(0)) })))),
    shares: z.readonly(z.array(z.readonly(z.strictObject({ part, share })))),
    rest: part,
  }),
);

/** The roundings a share may take. */
export const ROUNDINGS: readonly AllocationRule['rounding'][] = ['floor', 'half-up', 'half-even'];

/** The zod schema of AllocationRule. */
export const AllocationRuleSchema: z.ZodMiniType<AllocationRule> = z
  .readonly(
    z.strictObject({
      rounding: z.enum(ROUNDINGS),
      notices: z.readonly(z.array(CategoryNoticeSchema)),
      periods: z.readonly(
        z.array(
          z.readonly(
            z.strictObject({
              id: z
                .string()
                .check(
                  z.regex(/^[a-z0-9]+$/, { error: 'a period id is lowercase letters and digits, e.g. "h1" or "06"' }),
                ),
              subDraws: z.readonly(
                z.array(
                  z.readonly(
                    z.strictObject({
                      label: z.string().check(z.minLength(1)),
                      category: z.enum(['nev', 'ordinary']),
                      part,
                      throughShare: share,
                      method: z.enum(['lottery', 'ranking']),
                      entrants: z.enum(ENTRANT_LISTS),
                      leftoverTo: z.optional(z.string()),
                    }),
                  ),
                ),
              ),
            }),
          ),
        ),
      ),
    }),
  )
  .apply(described, 'Quota splits and the sub-draws of each period.');

import * as z from 'zod/mini';
import { described } from '../errors/described';
import { parseTimestamp } from '../time/timestamp';
import { TimestampSchema, UtcOffsetSchema } from '../time/TimestampSchema';
import { AllocationRuleSchema, type AllocationRule } from './Allocation';
import { LifecycleRuleSchema, type LifecycleRule } from './Lifecycle';

/** Everyone gets one entry (Beijing 2011–2013, Guangzhou, Shenzhen). */
export interface FlatWeightRule {
  /** Always "flat". */
  readonly rule: 'flat';
}

/**
 * The step ladder (阶梯): with N = draws entered counting the one being held,
 * steps = 1 while N ≤ drawsAtFirstStep, then +1 for every further drawsPerStep draws (or part of them).
 * beijing2014: 24 and 12; beijing2016 (ceil(N / 6)): 6 and 6.
 */
export interface LadderWeightRule {
  /** Always "ladder". */
  readonly rule: 'ladder';
  /** Highest N that still has 1 step. */
  readonly drawsAtFirstStep: number;
  /** Further draws per extra step (a part block counts). */
  readonly drawsPerStep: number;
}

/** Each record carries its own `weight` (replaying a published pool, other cities). */
export interface ExplicitWeightRule {
  /** Always "explicit". */
  readonly rule: 'explicit';
}

/**
 * Beijing 2021–: steps held at the end of 2020 by the ladder (drawsAtFirstStep, drawsPerStep
 * applied to the draws entered up to then), then one more step per drawsPerStepAfter2020 draws
 * entered from 2021 on. Records give `drawsTo2020` and `drawsSince2021` (or the authority's `steps`).
 */
export interface Beijing2021WeightRule {
  /** The 2021– rule. */
  readonly rule: 'beijing2021';
  /** Highest 2020 draw count that still has 1 step (6). */
  readonly drawsAtFirstStep: number;
  /** Further draws per extra step up to 2020 (6). */
  readonly drawsPerStep: number;
  /** From 2021: draws per extra step (2). */
  readonly drawsPerStepAfter2020: number;
  /**
   * How a part block of post-2020 draws counts (the draw being held included): `floor` — a step
   * once a block is complete; `ceil` — the first post-2020 draw already adds one. The sources
   * leave this open (docs/spec.md §11.1), so it is a parameter.
   */
  readonly after2020Rounding: 'floor' | 'ceil';
}

/** How a policy turns an application into a number of entries. */
export type WeightRule = FlatWeightRule | LadderWeightRule | ExplicitWeightRule | Beijing2021WeightRule;

/** How full years of waiting in the new-energy queue are counted for family points. */
export interface QueueYearRule {
  /** `previous-year-end`: to 31 December of the year before the policy year; `deadline`: to `deadline`. */
  readonly countTo: 'previous-year-end' | 'deadline';
  /** The deadline, an ISO 8601 timestamp with offset, when countTo is `deadline`. */
  readonly deadline?: string | undefined;
  /** A part year left over: `drop` it, or `round-up` to a whole year (the 2020 one-off). */
  readonly partYear: 'drop' | 'round-up';
}

/** Family points (家庭积分), 2021–: every number of the official formula. */
export interface FamilyRule {
  /** Base points: the main applicant (2) and everyone else (1). */
  readonly basePoints: {
    /** The main applicant's base points (2). */
    readonly main: number;
    /** Everyone else's (1). */
    readonly other: number;
  };
  /** Points per accumulated lottery step (1). */
  readonly pointsPerStep: number;
  /** Points per full year in the new-energy queue (1). */
  readonly pointsPerQueueYear: number;
  /** Points for every member per full year the family has applied as a family (1). */
  readonly pointsPerFamilyYear: number;
  /** Factor on main + spouse when there is a spouse (2). */
  readonly spouseMultiplier: number;
  /** Multiplier by number of generations: entry g − 1 for g generations ([1, 2, 3]). */
  readonly generationMultipliers: readonly number[];
  /** Fewest members of a family application (2). */
  readonly minMembers: number;
  /** How queue years are counted. */
  readonly queueYears: QueueYearRule;
  /** UTC offset of the authority's calendar, for counting years ("+08:00"). */
  readonly utcOffset: string;
}

/** A lottery policy: the rules of one era, as data. Presets live in `presets`. */
export interface Policy {
  /** Short name, e.g. "beijing2016". */
  readonly id: string;
  /** One line for people. */
  readonly title: string;
  /** How records become entries. */
  readonly weights: WeightRule;
  /** Extra steps for holders of a C5 licence (0 where there are no steps). */
  readonly c5ExtraSteps: number;
  /** The allocation year (2021– policies: queue years count to the end of the year before). */
  readonly year?: number | undefined;
  /** Family applications and their points (2021– policies). */
  readonly family?: FamilyRule | undefined;
  /** Quota splits and the sub-draws of each period (planPeriod). */
  readonly allocation?: AllocationRule | undefined;
  /** An application's life: calendar, review thresholds, certificates, renewal (docs/spec.md §16). */
  readonly lifecycle?: LifecycleRule | undefined;
  /** Where the rules come from. */
  readonly sources: readonly string[];
}

/** A policy whose weight rule is known to be `R` (the presets are typed this way). */
export type PolicyWith<R extends WeightRule> = Policy & {
  /** The weight rule, of type R. */
  readonly weights: R;
};

const weightRuleSchema = z.discriminatedUnion('rule', [
  z
    .strictObject({ rule: z.literal('flat') })
    .apply(described, 'Every application has exactly one entry; draw counts are ignored.'),
  z
    .strictObject({
      rule: z.literal('ladder'),
      drawsAtFirstStep: z
        .int()
        .check(z.minimum(1))
        .apply(described, 'Highest N (draws counting the current one) that still has 1 step.'),
      drawsPerStep: z.int().check(z.minimum(1)).apply(described, 'Further draws per extra step (a part block counts).'),
    })
    .apply(described, 'Steps grow with the number of draws entered.'),
  z.strictObject({ rule: z.literal('explicit') }).apply(described, 'Every record states its own weight.'),
  z
    .strictObject({
      rule: z.literal('beijing2021'),
      drawsAtFirstStep: z
        .int()
        .check(z.minimum(1))
        .apply(described, 'Ladder up to 2020: highest 2020 draw count that still has 1 step.'),
      drawsPerStep: z.int().check(z.minimum(1)).apply(described, 'Ladder up to 2020: further draws per extra step.'),
      drawsPerStepAfter2020: z.int().check(z.minimum(1)).apply(described, 'From 2021: draws per extra step.'),
      after2020Rounding: z.enum(['floor', 'ceil']).apply(described, 'How a part block of post-2020 draws counts.'),
    })
    .apply(described, 'Beijing 2021–: steps at the end of 2020, then one per block of later draws.'),
]);

const familyRuleSchema = z
  .readonly(
    z.strictObject({
      basePoints: z.strictObject({ main: z.int().check(z.minimum(0)), other: z.int().check(z.minimum(0)) }),
      pointsPerStep: z.int().check(z.minimum(0)),
      pointsPerQueueYear: z.int().check(z.minimum(0)),
      pointsPerFamilyYear: z.int().check(z.minimum(0)),
      spouseMultiplier: z.int().check(z.minimum(1)),
      generationMultipliers: z.readonly(z.array(z.int().check(z.minimum(1))).check(z.minLength(1))),
      minMembers: z.int().check(z.minimum(1)),
      queueYears: z
        .strictObject({
          countTo: z.enum(['previous-year-end', 'deadline']),
          deadline: z.optional(
            TimestampSchema.check(
              z.refine((text) => parseTimestamp(text) !== undefined, {
                error: 'the deadline is not a real date and time',
              }),
            ),
          ),
          partYear: z.enum(['drop', 'round-up']),
        })
        .check(
          z.refine((rule) => (rule.countTo === 'deadline') === (rule.deadline !== undefined), {
            error: 'give a deadline exactly when countTo is "deadline"',
          }),
        ),
      utcOffset: UtcOffsetSchema,
    }),
  )
  .apply(described, 'Family points (家庭积分): the constants of the official formula.');

/** The zod schema of WeightRule. */
export const WeightRuleSchema: z.ZodMiniType<WeightRule> = weightRuleSchema;

/** The zod schema of Policy (also the source of its JSON Schema). */
export const PolicySchema: z.ZodMiniType<Policy> = z
  .readonly(
    z.strictObject({
      id: z.string().check(z.minLength(1)).apply(described, 'Short name, e.g. "beijing2016".'),
      title: z.string().apply(described, 'One line for people.'),
      weights: weightRuleSchema,
      c5ExtraSteps: z.int().check(z.minimum(0)).apply(described, 'Extra steps for holders of a C5 licence.'),
      year: z.optional(z.int().check(z.minimum(2000), z.maximum(9999))).apply(described, 'Allocation year.'),
      family: z.optional(familyRuleSchema),
      allocation: z.optional(AllocationRuleSchema),
      lifecycle: z.optional(LifecycleRuleSchema),
      sources: z.readonly(z.array(z.string())).apply(described, 'Where the rules come from.'),
    }),
  )
  .check(
    z.refine(
      (policy) => policy.weights.rule !== 'beijing2021' || (policy.family !== undefined && policy.year !== undefined),
      {
        error: 'a beijing2021 weight rule needs `year` and `family`',
        path: ['family'],
      },
    ),
  )
  .apply(described, 'A yaohao lottery policy.');

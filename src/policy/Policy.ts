import { z } from 'zod';

/** Everyone gets one entry (Beijing 2011–2013, Guangzhou, Shenzhen). */
export interface FlatWeightRule {
  readonly rule: 'flat';
}

/**
 * The step ladder (阶梯): with N = draws entered counting the one being held,
 * steps = 1 while N ≤ drawsAtFirstStep, then +1 for every further drawsPerStep draws (or part of them).
 * beijing2014: 24 and 12; beijing2016 (ceil(N / 6)): 6 and 6.
 */
export interface LadderWeightRule {
  readonly rule: 'ladder';
  /** Highest N that still has 1 step. */
  readonly drawsAtFirstStep: number;
  /** Further draws per extra step (a part block counts). */
  readonly drawsPerStep: number;
}

/** Each record carries its own `weight` (replaying a published pool, other cities). */
export interface ExplicitWeightRule {
  readonly rule: 'explicit';
}

/** How a policy turns an application into a number of entries. */
export type WeightRule = FlatWeightRule | LadderWeightRule | ExplicitWeightRule;

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
  /** Where the rules come from. */
  readonly sources: readonly string[];
}

const weightRuleSchema = z.discriminatedUnion('rule', [
  z
    .strictObject({ rule: z.literal('flat') })
    .describe('Every application has exactly one entry; draw counts are ignored.'),
  z
    .strictObject({
      rule: z.literal('ladder'),
      drawsAtFirstStep: z.int().min(1).describe('Highest N (draws counting the current one) that still has 1 step.'),
      drawsPerStep: z.int().min(1).describe('Further draws per extra step (a part block counts).'),
    })
    .describe('Steps grow with the number of draws entered.'),
  z.strictObject({ rule: z.literal('explicit') }).describe('Every record states its own weight.'),
]);

/** The zod schema of WeightRule. */
export const WeightRuleSchema: z.ZodType<WeightRule> = weightRuleSchema;

/** The zod schema of Policy (also the source of its JSON Schema). */
export const PolicySchema: z.ZodType<Policy> = z
  .strictObject({
    id: z.string().min(1).describe('Short name, e.g. "beijing2016".'),
    title: z.string().describe('One line for people.'),
    weights: weightRuleSchema,
    c5ExtraSteps: z.int().min(0).describe('Extra steps for holders of a C5 licence.'),
    sources: z.array(z.string()).readonly().describe('Where the rules come from.'),
  })
  .readonly()
  .describe('A yaohao lottery policy.');

import * as z from 'zod/mini';
import { described } from '../errors/described';
import type { Policy } from '../policy/Policy';
import { APPLICATION_CODE_PATTERN } from './applicationCode';

/** Largest weight (entries) one application may have: the pool stores weights as uint32. */
export const MAX_WEIGHT: number = 0xffff_ffff;

/** An individual's application under a policy that counts draws (beijing2014, beijing2016). */
export interface CountedIndividualRecord {
  /** Defaults to "individual". */
  readonly kind?: 'individual' | undefined;
  /** 13-digit application code. */
  readonly code: string;
  /** Earlier draws this application has entered (the draw being held is not counted). */
  readonly draws: number;
  /** Holds a C5 licence (one extra step where the policy says so). */
  readonly c5?: boolean | undefined;
}

/** An individual's application under a flat policy (draws optional and ignored). */
export type FlatIndividualRecord = Omit<CountedIndividualRecord, 'draws'> & {
  /** Earlier draws (checked, not used: every application has one step). */
  readonly draws?: number | undefined;
};

/** A record that states its own number of entries (explicit policy). */
export interface ExplicitRecord {
  /** Defaults to "individual". */
  readonly kind?: 'individual' | 'family' | 'unit' | undefined;
  /** 13-digit application code. */
  readonly code: string;
  /** Entries (摇号基数) of this application, 1 to MAX_WEIGHT. */
  readonly weight: number;
}

/** An application code: 13 decimal digits, as a string (leading zeros matter). */
export const ApplicationCodeSchema: z.ZodMiniString = z
  .string()
  .check(z.regex(APPLICATION_CODE_PATTERN, { error: 'code must be exactly 13 decimal digits' }))
  .apply(described, 'Application code (申请编码): 13 decimal digits.');

/** An individual's application under a policy that counts draws (flat or ladder). */
const countedIndividualRecordSchema = z.strictObject({
  kind: z.optional(z.literal('individual')).apply(described, 'Defaults to "individual".'),
  code: ApplicationCodeSchema,
  draws: z
    .int({ error: 'draws must be an integer' })
    .check(z.minimum(0, { error: 'draws must be ≥ 0' }))
    .apply(described, 'Earlier draws this application has entered (the draw being held is not counted).'),
  c5: z.optional(z.boolean()).apply(described, 'Holds a C5 licence (one extra step where the policy says so).'),
});

/** The zod schema of CountedIndividualRecord. */
export const CountedIndividualRecordSchema: z.ZodMiniType<CountedIndividualRecord> =
  countedIndividualRecordSchema.apply(
    described,
    'An individual application whose entries the policy computes from its draw history.',
  );

/** The zod schema of FlatIndividualRecord: `draws` may be left out (flat policies ignore it). */
export const FlatIndividualRecordSchema: z.ZodMiniType<FlatIndividualRecord> = z
  .partial(countedIndividualRecordSchema, { draws: true })
  .apply(described, 'An individual application under a flat policy.');

/** The zod schema of ExplicitRecord. */
export const ExplicitRecordSchema: z.ZodMiniType<ExplicitRecord> = z
  .strictObject({
    kind: z.optional(z.enum(['individual', 'family', 'unit'])).apply(described, 'Defaults to "individual".'),
    code: ApplicationCodeSchema,
    weight: z
      .int({ error: 'weight must be an integer' })
      .check(
        z.minimum(1, { error: 'weight must be ≥ 1' }),
        z.maximum(MAX_WEIGHT, { error: `weight must be ≤ ${MAX_WEIGHT}` }),
      )
      .apply(described, 'Entries (摇号基数) of this application.'),
  })
  .apply(described, 'An application with an explicit weight.');

/** The record schema a policy accepts (2021– policies: see Reader2021 in family/read2021Record). */
export function recordSchemaFor(policy: Policy): z.ZodMiniType {
  switch (policy.weights.rule) {
    case 'beijing2021':
      throw new TypeError('2021– records are read by Reader2021 (PoolBuilder), which checks persons across the pool');
    case 'flat':
      return FlatIndividualRecordSchema;
    case 'ladder':
      return CountedIndividualRecordSchema;
    case 'explicit':
      return ExplicitRecordSchema;
  }
}

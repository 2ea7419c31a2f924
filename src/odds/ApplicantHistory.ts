import * as z from 'zod/mini';
import { described } from '../errors/described';
import type { FamilyRecord } from '../family/familyRecords';
import { MAX_WEIGHT } from '../pool/recordSchemas';

/** An applicant under a flat or ladder policy: earlier draws entered, and a C5 licence. */
export interface CountedApplicant {
  /** Draws entered before the next one. */
  readonly draws: number;
  /** Holds a C5 licence (the policy's extra steps). */
  readonly c5?: boolean | undefined;
}

/** An applicant whose weight never changes (explicit policies: replayed pools, other cities). */
export interface FixedWeightApplicant {
  /** Entries in every draw. */
  readonly weight: number;
}

/** An individual under the 2021 rules: draws entered up to 2020 and since. */
export interface Individual2021Applicant {
  /** Always an individual (families are family records). */
  readonly kind?: 'individual' | undefined;
  /** The application code (ignored: accepted so that an application record can be passed as it is). */
  readonly code?: string | undefined;
  /** The person (ignored, as `code`). */
  readonly personId?: string | undefined;
  /** Draws entered up to the end of 2020. */
  readonly drawsTo2020?: number | undefined;
  /** Draws entered from 2021 on, before the next one. */
  readonly drawsSince2021?: number | undefined;
  /** Holds a C5 licence. */
  readonly c5?: boolean | undefined;
}

/**
 * One applicant's history, in the shape the policy's weight rule reads: CountedApplicant (flat and
 * ladder), FixedWeightApplicant (explicit), Individual2021Applicant or a family record (2021–).
 */
export type ApplicantHistory = CountedApplicant | FixedWeightApplicant | Individual2021Applicant | FamilyRecord;

const count = z.int().check(z.minimum(0));

/** The zod schema of CountedApplicant. */
export const CountedApplicantSchema: z.ZodMiniType<CountedApplicant> = z.readonly(
  z.strictObject({ draws: count.apply(described, 'Draws entered before the next one.'), c5: z.optional(z.boolean()) }),
);

/** The zod schema of FixedWeightApplicant. */
export const FixedWeightApplicantSchema: z.ZodMiniType<FixedWeightApplicant> = z.readonly(
  z.strictObject({
    weight: z.int().check(z.minimum(1), z.maximum(MAX_WEIGHT)).apply(described, 'Entries in every draw.'),
  }),
);

/** The zod schema of Individual2021Applicant. */
export const Individual2021ApplicantSchema: z.ZodMiniType<Individual2021Applicant> = z.readonly(
  z.strictObject({
    kind: z.optional(z.literal('individual')),
    code: z.optional(z.string()),
    personId: z.optional(z.string()),
    drawsTo2020: z.optional(count),
    drawsSince2021: z.optional(count),
    c5: z.optional(z.boolean()),
  }),
);

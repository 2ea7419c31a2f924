import { z } from 'zod';
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

const count = z.int().min(0);

/** The zod schema of CountedApplicant. */
export const CountedApplicantSchema: z.ZodType<CountedApplicant> = z
  .strictObject({ draws: count.describe('Draws entered before the next one.'), c5: z.boolean().optional() })
  .readonly();

/** The zod schema of FixedWeightApplicant. */
export const FixedWeightApplicantSchema: z.ZodType<FixedWeightApplicant> = z
  .strictObject({ weight: z.int().min(1).max(MAX_WEIGHT).describe('Entries in every draw.') })
  .readonly();

/** The zod schema of Individual2021Applicant. */
export const Individual2021ApplicantSchema: z.ZodType<Individual2021Applicant> = z
  .strictObject({
    kind: z.literal('individual').optional(),
    code: z.string().optional(),
    personId: z.string().optional(),
    drawsTo2020: count.optional(),
    drawsSince2021: count.optional(),
    c5: z.boolean().optional(),
  })
  .readonly();

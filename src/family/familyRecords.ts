import * as z from 'zod/mini';
import { isWellFormedString } from '../encoding/utf8';
import { described } from '../errors/described';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
import { TimestampSchema } from '../time/TimestampSchema';

/** Who a member is to the main applicant (主申请人). */
export type FamilyRole = 'main' | 'spouse' | 'child' | 'parent' | 'spouse-parent';

/** Every role, in the canonical order members are listed in. */
export const FAMILY_ROLES: readonly FamilyRole[] = ['main', 'spouse', 'parent', 'spouse-parent', 'child'];

/**
 * A person's history as the authority records it. Lottery history: `steps` (the 阶梯数 on record,
 * C5 already in it) or the raw counts `drawsTo2020` and `drawsSince2021` from which the policy
 * computes steps (then `c5` adds its step). Queue history: `queueYears` (full years already
 * counted) or `queueSince` (when the person joined the new-energy queue; the policy counts years).
 */
export interface PersonHistory {
  /** Stable id of the person, chosen by the caller (never an ID-card number: it may appear in reports). */
  readonly personId: string;
  /** The authority's 阶梯数 (C5 included). */
  readonly steps?: number | undefined;
  /** Lottery draws entered up to the end of 2020. */
  readonly drawsTo2020?: number | undefined;
  /** Lottery draws entered from 2021 on (for an individual: not counting the draw being held). */
  readonly drawsSince2021?: number | undefined;
  /** Holds a C5 licence. */
  readonly c5?: boolean | undefined;
  /** Full years already counted in the new-energy queue. */
  readonly queueYears?: number | undefined;
  /** Joined the new-energy queue at (ISO 8601 with offset). */
  readonly queueSince?: string | undefined;
  /** Registered with the system at (ISO 8601 with offset): breaks ties in the new-energy family ranking. */
  readonly registeredAt?: string | undefined;
}

/** One member of a family application. */
export interface FamilyMember extends PersonHistory {
  /** Relation to the main applicant. */
  readonly role: FamilyRole;
}

/** A family application (家庭申请), 2021–. */
export interface FamilyRecord {
  /** Always "family". */
  readonly kind: 'family';
  /** The main applicant's 13-digit application code: the family's code in the pool. */
  readonly code: string;
  /** Full years the family has applied as a family (default 0). */
  readonly familyYears?: number | undefined;
  /** Everyone in the application, main applicant included. */
  readonly members: readonly FamilyMember[];
}

/** An individual application under a 2021– policy. */
export interface Individual2021Record extends PersonHistory {
  /** Defaults to "individual". */
  readonly kind?: 'individual' | undefined;
  /** 13-digit application code. */
  readonly code: string;
}

const count = (field: string): z.ZodMiniInt =>
  z.int({ error: `${field} must be an integer` }).check(z.minimum(0, { error: `${field} must be ≥ 0` }));

/** The most characters (Unicode code points) a personId may have. */
export const MAX_PERSON_ID_LENGTH = 200;

/** The number of Unicode code points of a well-formed string (what JSON Schema's maxLength counts). */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/** True for a valid personId: well-formed Unicode, 1 to 200 code points (docs/spec.md §11.2). */
export function isPersonId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 2 * MAX_PERSON_ID_LENGTH &&
    isWellFormedString(value) &&
    codePointLength(value) <= MAX_PERSON_ID_LENGTH
  );
}

/** A personId: 1 to 200 Unicode code points (characters outside the BMP count once), well-formed. */
export const PersonIdSchema: z.ZodMiniType<string> = z
  .string()
  .check(
    z.minLength(1, { error: 'personId must not be empty' }),
    z.refine(isWellFormedString, { error: 'personId must be well-formed Unicode' }),
    z.refine((id) => codePointLength(id) <= MAX_PERSON_ID_LENGTH, {
      error: `personId must have at most ${MAX_PERSON_ID_LENGTH} characters (Unicode code points)`,
    }),
  )
  .apply(described, 'Stable id of the person, chosen by the caller: 1 to 200 Unicode code points.', {
    maxLength: MAX_PERSON_ID_LENGTH,
  });

const historyShape = {
  personId: PersonIdSchema,
  steps: z.optional(count('steps')).apply(described, 'The authority’s 阶梯数 (C5 included).'),
  drawsTo2020: z.optional(count('drawsTo2020')).apply(described, 'Draws entered up to the end of 2020.'),
  drawsSince2021: z.optional(count('drawsSince2021')).apply(described, 'Draws entered from 2021 on.'),
  c5: z.optional(z.boolean()).apply(described, 'Holds a C5 licence (adds a step only to computed steps).'),
  queueYears: z.optional(count('queueYears')).apply(described, 'Full years already counted in the new-energy queue.'),
  queueSince: z.optional(TimestampSchema).apply(described, 'Joined the new-energy queue at.'),
  registeredAt: z.optional(TimestampSchema).apply(described, 'Registered with the system at.'),
};

/** The zod schema of FamilyMember. */
export const FamilyMemberSchema: z.ZodMiniType<FamilyMember> = z
  .readonly(z.strictObject({ role: z.enum(['main', 'spouse', 'child', 'parent', 'spouse-parent']), ...historyShape }))
  .apply(described, 'A member of a family application.');

/** The zod schema of FamilyRecord. */
export const FamilyRecordSchema: z.ZodMiniType<FamilyRecord> = z
  .readonly(
    z.strictObject({
      kind: z.literal('family'),
      code: ApplicationCodeSchema.apply(described, 'The main applicant’s application code.'),
      familyYears: z.optional(count('familyYears')).apply(described, 'Full years applied as a family.'),
      members: z.readonly(z.array(FamilyMemberSchema)),
    }),
  )
  .apply(described, 'A family application (家庭申请).');

/** The zod schema of Individual2021Record. */
export const Individual2021RecordSchema: z.ZodMiniType<Individual2021Record> = z
  .readonly(z.strictObject({ kind: z.optional(z.literal('individual')), code: ApplicationCodeSchema, ...historyShape }))
  .apply(described, 'An individual application under a 2021– policy.');

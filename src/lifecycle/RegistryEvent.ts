import * as z from 'zod/mini';
import { isWellFormedString } from '../encoding/utf8';
import { described } from '../errors/described';
import { FamilyMemberSchema, type FamilyMember, type PersonHistory } from '../family/familyRecords';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
import { TimestampSchema } from '../time/TimestampSchema';

/** One reason a review rejected an application, as published (reviewApplication's issue codes, or the authority's). */
export interface RejectionReason {
  /** Machine-readable reason, e.g. `under_age`. */
  readonly code: string;
  /** The reason in words. */
  readonly message: string;
}

/**
 * An application was submitted (or a cancelled, rejected or removed one re-submitted under its
 * code). Besides code, person and kind it carries the fields the pool record needs, by policy:
 * `draws` and `c5` (beijing2011–2016); `drawsTo2020`, `drawsSince2021`, `c5`, `queueSince` or
 * `queueYears`, `registeredAt` (2021– individuals); `familyYears` and `members` (families).
 * `personId` is the caller's stable id of the applicant (a family: the main applicant; a unit: the unit).
 */
export interface AppliedEvent extends Omit<PersonHistory, 'steps'> {
  /** What happened. */
  readonly type: 'applied';
  /** When (ISO 8601 with offset). */
  readonly at: string;
  /** 13-digit application code (申请编码). */
  readonly code: string;
  /** Defaults to "individual". */
  readonly kind?: 'individual' | 'family' | 'unit' | undefined;
  /** Draws entered before (beijing2011–2016 policies). */
  readonly draws?: number | undefined;
  /** Full years already applied as a family (families). */
  readonly familyYears?: number | undefined;
  /** Everyone in a family application, main applicant included (families). */
  readonly members?: readonly FamilyMember[] | undefined;
}

/** The review (审核) decided. */
export interface ReviewedEvent {
  /** What happened. */
  readonly type: 'reviewed';
  /** When (ISO 8601 with offset). */
  readonly at: string;
  /** 13-digit application code. */
  readonly code: string;
  /** Approved: the application enters the pool; otherwise it is rejected. */
  readonly approved: boolean;
  /** Why it was rejected (reviewApplication's reasons, or the authority's). */
  readonly reasons?: readonly RejectionReason[] | undefined;
}

/**
 * A draw was held for a period: `record` is the draw's audit record (yaohao-record/1) or the
 * period record (yaohao-period/1; its ordinary lotteries are taken). Winners leave the pool with a
 * certificate; everyone else in that pool has one more draw counted.
 */
export interface DrawHeldEvent {
  /** What happened. */
  readonly type: 'draw-held';
  /** When (ISO 8601 with offset). */
  readonly at: string;
  /** The period, "2024-h1". */
  readonly period: string;
  /** The audit record or the period record of the draw. */
  readonly record: unknown;
  /** Which pool an audit record drew from: `ordinary` (default) or `ordinaryUnits`. */
  readonly entrants?: 'ordinary' | 'ordinaryUnits' | undefined;
}

/** An event about one application: confirming a won quota, registering the car, 继续参与, cancelling. */
export interface CodeEvent {
  /** What happened. */
  readonly type: 'quota-confirmed' | 'vehicle-registered' | 'continuation-confirmed' | 'cancelled';
  /** When (ISO 8601 with offset). */
  readonly at: string;
  /** 13-digit application code. */
  readonly code: string;
}

/** The cleanup held on a cleanup date (1 January): applications not renewed for the policy's months are removed. */
export interface CleanupEvent {
  /** What happened. */
  readonly type: 'cleanup';
  /** When (ISO 8601 with offset). */
  readonly at: string;
}

/** Everything that happens to applications: the registry is the fold of these (docs/spec.md §16.3). */
export type RegistryEvent = AppliedEvent | ReviewedEvent | DrawHeldEvent | CodeEvent | CleanupEvent;

/** Every event type. */
export const EVENT_TYPES: readonly RegistryEvent['type'][] = [
  'applied',
  'reviewed',
  'draw-held',
  'quota-confirmed',
  'vehicle-registered',
  'continuation-confirmed',
  'cancelled',
  'cleanup',
];

const count = z.int().check(z.minimum(0));
const personId = z
  .string()
  .check(z.minLength(1), z.maxLength(200), z.refine(isWellFormedString, { error: 'must be well-formed Unicode' }));
const at = TimestampSchema.apply(described, 'When, ISO 8601 with offset.');

const codeEvent = (type: CodeEvent['type'], about: string): z.ZodMiniType =>
  z.readonly(z.strictObject({ type: z.literal(type), at, code: ApplicationCodeSchema })).apply(described, about);

/** The schema of each event type (field shapes; what a policy allows is checked when the event is applied). */
export const EVENT_SCHEMAS: Readonly<Record<RegistryEvent['type'], z.ZodMiniType>> = {
  applied: z
    .readonly(
      z.strictObject({
        type: z.literal('applied'),
        at,
        code: ApplicationCodeSchema,
        personId,
        kind: z.optional(z.enum(['individual', 'family', 'unit'])),
        draws: z.optional(count),
        c5: z.optional(z.boolean()),
        drawsTo2020: z.optional(count),
        drawsSince2021: z.optional(count),
        queueSince: z.optional(TimestampSchema),
        queueYears: z.optional(count),
        registeredAt: z.optional(TimestampSchema),
        familyYears: z.optional(count),
        members: z.optional(z.readonly(z.array(FamilyMemberSchema))),
      }),
    )
    .apply(described, 'An application was submitted.'),
  reviewed: z
    .readonly(
      z.strictObject({
        type: z.literal('reviewed'),
        at,
        code: ApplicationCodeSchema,
        approved: z.boolean(),
        reasons: z.optional(
          z.readonly(
            z
              .array(
                z.readonly(
                  z.strictObject({
                    code: z.string().check(z.minLength(1), z.maxLength(100)),
                    message: z.string().check(z.maxLength(1000)),
                  }),
                ),
              )
              .check(z.maxLength(100)),
          ),
        ),
      }),
    )
    .apply(described, 'The review decided.'),
  'draw-held': z
    .readonly(
      z.strictObject({
        type: z.literal('draw-held'),
        at,
        period: z.string(),
        record: z.unknown().apply(described, 'The audit record (yaohao-record/1) or period record (yaohao-period/1).'),
        entrants: z.optional(z.enum(['ordinary', 'ordinaryUnits'])),
      }),
    )
    .apply(described, 'A draw was held.'),
  'quota-confirmed': codeEvent('quota-confirmed', 'A winner confirmed the quota.'),
  'vehicle-registered': codeEvent('vehicle-registered', 'A car was registered with the certificate.'),
  'continuation-confirmed': codeEvent('continuation-confirmed', 'The applicant confirmed to continue (继续参与).'),
  cancelled: codeEvent('cancelled', 'The applicant cancelled the application.'),
  cleanup: z.readonly(z.strictObject({ type: z.literal('cleanup'), at })).apply(described, 'The yearly cleanup.'),
};

/** The zod schema of RegistryEvent (for its JSON Schema; events are validated by type, see EVENT_SCHEMAS). */
export const RegistryEventSchema: z.ZodMiniType<RegistryEvent> = z
  .union(EVENT_TYPES.map((type) => EVENT_SCHEMAS[type]) as [z.ZodMiniType, z.ZodMiniType, ...z.ZodMiniType[]])
  .apply(described, 'A registry event (docs/spec.md §16.3).') as z.ZodMiniType<RegistryEvent>;

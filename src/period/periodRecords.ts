import * as z from 'zod/mini';
import { described } from '../errors/described';
import { PersonIdSchema } from '../family/familyRecords';
import { ApplicationCodeSchema } from '../pool/recordSchemas';
import { TimestampSchema } from '../time/TimestampSchema';

/**
 * A new-energy queue entrant (轮候): an individual, a unit or an operating-vehicle company.
 * `queueSince` is the submission time of the application (ISO 8601, milliseconds, explicit offset);
 * individuals also carry their `personId` (for the one-application-per-person check).
 */
export interface QueueRecord {
  /** 13-digit application code. */
  readonly code: string;
  /** Queue time: when the (re-)application or the switch to new-energy was submitted. */
  readonly queueSince?: string | undefined;
  /** The caller's stable id of the person (individuals). */
  readonly personId?: string | undefined;
}

/** An ordinary-lottery unit (company) application: one entry. */
export interface UnitRecord {
  /** 13-digit application code. */
  readonly code: string;
}

/** The entrants of a period, by list; each sub-draw of the policy names the list it draws from. */
export interface PeriodInput {
  /** New-energy units, ranked by queue time. */
  readonly nevUnits?: readonly unknown[];
  /** New-energy operating vehicles (companies), ranked by queue time. */
  readonly nevOperators?: readonly unknown[];
  /** New-energy families (family records, plus `alsoOrdinary: true` to continue into the ordinary pool if not served). */
  readonly nevFamilies?: readonly unknown[];
  /** New-energy individuals: ranked by queue time (2016–), or drawn (2014–2015). */
  readonly nevIndividuals?: readonly unknown[];
  /** Ordinary-lottery units, one entry each. */
  readonly ordinaryUnits?: readonly unknown[];
  /** The ordinary pool, in the policy's record shape (2021–: families and individuals mixed). */
  readonly ordinary?: readonly unknown[];
}

/** The zod schema of QueueRecord. */
export const QueueRecordSchema: z.ZodMiniType<QueueRecord> = z
  .readonly(
    z.strictObject({
      code: ApplicationCodeSchema,
      queueSince: z.optional(TimestampSchema).apply(described, 'Queue time (required where the sub-draw ranks by it).'),
      personId: z.optional(PersonIdSchema),
    }),
  )
  .apply(described, 'A new-energy queue entrant.');

/** The zod schema of UnitRecord. */
export const UnitRecordSchema: z.ZodMiniType<UnitRecord> = z
  .readonly(z.strictObject({ code: ApplicationCodeSchema }))
  .apply(described, 'An ordinary-lottery unit application.');

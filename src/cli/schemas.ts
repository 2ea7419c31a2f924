import * as z from 'zod/mini';
import { AuditRecordSchema } from '../audit/AuditRecord';
import { PublishedSheetSchema } from '../audit/checkPublishedSheet';
import { FamilyRecordSchema, Individual2021RecordSchema } from '../family/familyRecords';
import { ApplicantFactsSchema } from '../lifecycle/reviewApplication';
import { RegistryEventSchema } from '../lifecycle/RegistryEvent';
import { RegistryJsonSchema } from '../lifecycle/registryJson';
import { QueueRecordSchema, UnitRecordSchema } from '../period/periodRecords';
import { PolicySchema } from '../policy/Policy';
import { CountedIndividualRecordSchema, ExplicitRecordSchema, FlatIndividualRecordSchema } from '../pool/recordSchemas';

/** The JSON Schemas `yaohao schema` prints, generated from the zod schemas the library validates with. */
export const SCHEMAS: Readonly<Record<string, { readonly schema: z.ZodMiniType; readonly about: string }>> = {
  individual: {
    schema: CountedIndividualRecordSchema,
    about: 'pool record under beijing2014 / beijing2016 (code, draws, c5)',
  },
  'individual-flat': { schema: FlatIndividualRecordSchema, about: 'pool record under beijing2011 (code)' },
  explicit: { schema: ExplicitRecordSchema, about: 'pool record with its own weight (code, weight, kind)' },
  'individual-2021': {
    schema: Individual2021RecordSchema,
    about: 'individual pool record under beijing2021 … beijing2024',
  },
  family: { schema: FamilyRecordSchema, about: 'family pool record under beijing2021 … beijing2024' },
  queue: { schema: QueueRecordSchema, about: 'new-energy queue entrant of a period (code, queueSince, personId)' },
  unit: { schema: UnitRecordSchema, about: 'ordinary-lottery unit of a period (code)' },
  policy: { schema: PolicySchema, about: 'a policy (--policy file.json)' },
  record: { schema: AuditRecordSchema, about: 'the audit record of a draw (yaohao-record/1)' },
  sheet: { schema: PublishedSheetSchema, about: 'a result sheet as checkPublishedSheet takes it' },
  event: { schema: RegistryEventSchema, about: 'a registry event (applied, reviewed, draw-held, …)' },
  facts: { schema: ApplicantFactsSchema, about: 'the facts reviewApplication takes (a person or a unit)' },
  registry: { schema: RegistryJsonSchema, about: 'a registry as JSON (yaohao-registry/1)' },
};

/** The JSON Schema (draft 2020-12) of one named schema. */
export function jsonSchemaOf(name: string): unknown {
  if (!Object.hasOwn(SCHEMAS, name)) return undefined;
  return z.toJSONSchema(SCHEMAS[name]!.schema, { io: 'input', unrepresentable: 'any' });
}

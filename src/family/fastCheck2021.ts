import { isApplicationCode } from '../pool/applicationCode';
import { parseTimestamp } from '../time/timestamp';
import { isPersonId, type FamilyRecord, type Individual2021Record } from './familyRecords';

const HISTORY_KEYS = [
  'personId',
  'steps',
  'drawsTo2020',
  'drawsSince2021',
  'c5',
  'queueYears',
  'queueSince',
  'registeredAt',
];
const INDIVIDUAL_KEYS = new Set(['kind', 'code', ...HISTORY_KEYS]);
const MEMBER_KEYS = new Set(['role', ...HISTORY_KEYS]);
const FAMILY_KEYS = new Set(['kind', 'code', 'familyYears', 'members']);
const ROLES = new Set(['main', 'spouse', 'child', 'parent', 'spouse-parent']);

/** A plain object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A safe integer ≥ 0. */
export const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
/** Absent, or a safe integer ≥ 0. */
export const isOptionalCount = (value: unknown): boolean => value === undefined || isCount(value);
const isOptionalTimestamp = (value: unknown): boolean =>
  value === undefined || (typeof value === 'string' && parseTimestamp(value) !== undefined);

/** True when every key of `record` is in `keys`. */
export function hasOnly(record: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in record) if (!keys.has(key)) return false;
  return true;
}

// A person's fields, as the schema and the history rules accept them together.
function isPlainHistory(r: Record<string, unknown>): boolean {
  return (
    isPersonId(r['personId']) &&
    isOptionalCount(r['steps']) &&
    isOptionalCount(r['drawsTo2020']) &&
    isOptionalCount(r['drawsSince2021']) &&
    (r['steps'] === undefined || (r['drawsTo2020'] === undefined && r['drawsSince2021'] === undefined)) &&
    (r['c5'] === undefined || typeof r['c5'] === 'boolean') &&
    isOptionalCount(r['queueYears']) &&
    isOptionalTimestamp(r['queueSince']) &&
    (r['queueYears'] === undefined || r['queueSince'] === undefined) &&
    isOptionalTimestamp(r['registeredAt'])
  );
}

/**
 * The fast path of 2021– records: the record itself when it is plainly a valid individual (every
 * field right, history fields consistent), else undefined and the zod schema decides and explains.
 * Accepts only what Individual2021RecordSchema and the history rules accept (a property test checks this).
 */
export function plainIndividual2021(record: unknown): Individual2021Record | undefined {
  if (!isObject(record) || !hasOnly(record, INDIVIDUAL_KEYS)) return undefined;
  if (record['kind'] !== undefined && record['kind'] !== 'individual') return undefined;
  const code = record['code'];
  if (typeof code !== 'string' || !isApplicationCode(code) || !isPlainHistory(record)) return undefined;
  return record as unknown as Individual2021Record;
}

/** Like plainIndividual2021, for a family record's fields (the family rules are checked after). */
export function plainFamily(record: unknown): FamilyRecord | undefined {
  if (!isObject(record) || !hasOnly(record, FAMILY_KEYS) || record['kind'] !== 'family') return undefined;
  const code = record['code'];
  if (typeof code !== 'string' || !isApplicationCode(code) || !isOptionalCount(record['familyYears'])) return undefined;
  const members = record['members'];
  if (!Array.isArray(members)) return undefined;
  for (const member of members as unknown[]) {
    if (
      !isObject(member) ||
      !hasOnly(member, MEMBER_KEYS) ||
      !ROLES.has(member['role'] as string) ||
      !isPlainHistory(member)
    )
      return undefined;
  }
  return record as unknown as FamilyRecord;
}

import type { FamilyRecord, Individual2021Record } from './familyRecords';
import { isCount, Record2021Fields } from './internal/Record2021Fields';

export { isCount, isObject } from './internal/Record2021Fields';

const fields = new Record2021Fields();

/** Absent, or a safe integer ≥ 0. */
export const isOptionalCount = (value: unknown): boolean => value === undefined || isCount(value);

/** True when every key of `record` is in `keys`. */
export function hasOnly(record: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in record) if (!keys.has(key)) return false;
  return true;
}

/**
 * The object fast path of 2021– records, as a predicate: the record itself when it is plainly a
 * valid individual (every field right, history fields consistent), else undefined and the zod
 * schema decides and explains. Accepts only what Individual2021RecordSchema and the history rules
 * accept (a property test checks this). Pool building reads the same fields (Record2021Fields).
 */
export function plainIndividual2021(record: unknown): Individual2021Record | undefined {
  return fields.fromObject(record) && fields.isPlain() && !fields.isFamily
    ? (record as Individual2021Record)
    : undefined;
}

/** Like plainIndividual2021, for a family record's fields (the family rules are checked after). */
export function plainFamily(record: unknown): FamilyRecord | undefined {
  return fields.fromObject(record) && fields.isPlain() && fields.isFamily ? (record as FamilyRecord) : undefined;
}

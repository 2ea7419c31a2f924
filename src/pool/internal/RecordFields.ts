import { kindId } from '../ApplicantKind';
import { parseApplicationCode } from '../applicationCode';
import { MAX_WEIGHT } from '../recordSchemas';
import type { CountedWeigher } from '../recordReader';

/**
 * The fields of one record of the common shape, gathered by a fast reader (from an object or
 * straight from JSON bytes) without building anything else. Reused across records.
 */
export class RecordFields {
  code = -1;
  draws = -1;
  weight = -1;
  c5: boolean | undefined = undefined;
  /** Kind id, or −1 when the record has no `kind`. */
  kind = -1;

  reset(): void {
    this.code = -1;
    this.draws = -1;
    this.weight = -1;
    this.c5 = undefined;
    this.kind = -1;
  }

  /**
   * Fills the fields from a plain record object; false when the object has any key or value
   * outside the fast shape (the caller then asks the zod schema).
   */
  fromObject(record: unknown): boolean {
    this.reset();
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
    const r = record as Record<string, unknown>;
    for (const key in r) {
      const value = r[key];
      switch (key) {
        case 'code':
          if (typeof value !== 'string') return false;
          this.code = parseApplicationCode(value);
          if (this.code < 0) return false;
          break;
        case 'draws':
          if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return false;
          this.draws = value;
          break;
        case 'weight':
          if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return false;
          this.weight = value;
          break;
        case 'c5':
          if (typeof value !== 'boolean') return false;
          this.c5 = value;
          break;
        case 'kind':
          if (value !== 'individual' && value !== 'family' && value !== 'unit') return false;
          this.kind = kindId(value);
          break;
        default:
          return false;
      }
    }
    return true;
  }
}

/** What a policy accepts on the fast path. */
export interface FastShape {
  /** Explicit policy: records carry `weight`; otherwise `draws` (+ `c5`) and the weigher. */
  readonly explicit: boolean;
  /** Ladder policies need `draws`; flat ones may leave it out. */
  readonly drawsRequired: boolean;
  /** Counted policies: draws and C5 → entries. */
  readonly weigh: CountedWeigher | undefined;
}

/**
 * The fast-path verdict on gathered fields: true when the record is plainly valid, with its
 * entries in `fields.weight` and its kind id in `fields.kind` (no allocation: this runs once per
 * line of multi-million-line files); false when the zod schema must decide and explain.
 * Accepts only what the schema accepts.
 */
export function weighFields(fields: RecordFields, shape: FastShape): boolean {
  if (fields.code < 0) return false;
  if (shape.explicit) {
    if (fields.draws >= 0 || fields.c5 !== undefined) return false;
    if (fields.weight < 1 || fields.weight > MAX_WEIGHT) return false;
    if (fields.kind < 0) fields.kind = 0;
    return true;
  }
  if (fields.weight >= 0 || fields.kind > 0) return false;
  if (fields.draws < 0 && shape.drawsRequired) return false;
  const weight = shape.weigh!(fields.draws < 0 ? 0 : fields.draws, fields.c5 === true);
  if (weight > MAX_WEIGHT) return false;
  fields.weight = weight;
  fields.kind = 0;
  return true;
}

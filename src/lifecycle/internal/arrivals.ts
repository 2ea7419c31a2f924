import { isPersonId } from '../../family/familyRecords';
import { numberToCode } from '../../pool/applicationCode';
import { formatTimestamp } from '../../time/formatTimestamp';
import type { AppliedEvent, ReviewedEvent } from '../RegistryEvent';

/**
 * New individual applications that all apply at one instant and are all approved at a later one,
 * as columns (no object per application). Under a flat or ladder policy the registry takes such a
 * batch in one pass (Transaction.arrivals); it is exactly the fold of arrivalEvents(batch).
 */
export interface ArrivalBatch {
  /** When every arrival applied (epoch ms). */
  readonly appliedAt: number;
  /** When every arrival was approved (epoch ms). */
  readonly reviewedAt: number;
  /** Number of arrivals (the columns may be longer). */
  readonly count: number;
  /** Code values (13-digit codes as numbers), in any order. */
  readonly codes: Float64Array;
  /** Draws entered before (the applied event's `draws`). */
  readonly draws: Uint32Array;
  /** 1 for a C5 licence holder. */
  readonly c5: Uint8Array;
  /** Person ids; default: each arrival's code text (one made-up person per application). */
  readonly personIds?: readonly string[];
}

/**
 * The events a batch stands for: every arrival's `applied` event in batch order, then every
 * arrival's `reviewed` (approved) event in batch order, times at `offset` minutes.
 */
export function* arrivalEvents(batch: ArrivalBatch, offset: number): Generator<AppliedEvent | ReviewedEvent> {
  const applied = formatTimestamp(batch.appliedAt, offset);
  const reviewed = formatTimestamp(batch.reviewedAt, offset);
  for (let k = 0; k < batch.count; k++) {
    const code = numberToCode(batch.codes[k]!);
    yield {
      type: 'applied',
      at: applied,
      code,
      personId: batch.personIds?.[k] ?? code,
      draws: batch.draws[k]!,
      ...(batch.c5[k] === 1 ? { c5: true } : {}),
    };
  }
  for (let k = 0; k < batch.count; k++)
    yield { type: 'reviewed', at: reviewed, code: numberToCode(batch.codes[k]!), approved: true };
}

/** True when every person id of the batch is one an `applied` event accepts. */
export function personIdsValid(batch: ArrivalBatch): boolean {
  if (batch.personIds === undefined) return true;
  for (let k = 0; k < batch.count; k++) if (!isPersonId(batch.personIds[k])) return false;
  return true;
}

import type { Winner } from '../../audit/AuditRecord';
import { APPLICANT_KINDS } from '../../pool/ApplicantKind';
import { numberToCode } from '../../pool/applicationCode';
import { requireObject } from '../../errors/arguments';
import { codeOfKey, kindIdOfKey, poolColumns, requirePool, type Pool } from '../../pool/Pool';
import { checkDrawOptions, type CheckedDrawOptions, type DrawOptions } from '../checkDrawOptions';
import { drawIndexes, type DrawnIndexes } from './drawIndexes';

/** A draw's outcome before any record is made (shared by drawLottery and verifyRecord). */
export interface DrawOutcome extends DrawnIndexes {
  readonly checked: CheckedDrawOptions;
  /** The winner at position k (code, entry, kind), made on demand. */
  readonly winner: (k: number) => Winner;
}

/** Checks the options and draws; winners are named only when asked for (verifying compares numbers). */
export function drawOutcome(pool: Pool, options: DrawOptions): DrawOutcome {
  requirePool(pool, ['pool']);
  requireObject(options, ['options'], 'draw options');
  const checked = checkDrawOptions(options, pool.totalEntries);
  const columns = poolColumns(pool);
  const drawn = drawIndexes(columns.layout, pool.size, checked.quota, checked.generator, checked.seed, checked.label);
  return {
    ...drawn,
    checked,
    winner: (k) => {
      const key = columns.keys[drawn.indexes[k]!]!;
      return { code: numberToCode(codeOfKey(key)), entry: drawn.entries[k]!, kind: APPLICANT_KINDS[kindIdOfKey(key)]! };
    },
  };
}

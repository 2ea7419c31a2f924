import type { Pool } from '../pool/Pool';
import type { Ranking } from './Ranking';

/**
 * The entrants of a planned period, ready to run or verify: a pool per lottery sub-draw, a
 * ranking per ranking sub-draw, and the digest of the plan they were built for. Anyone can rebuild
 * it from the published input with planPeriod.
 */
export class PeriodPools {
  /** Digest of the plan these entrants belong to. */
  readonly planDigest: string;
  private readonly entrants: ReadonlyMap<string, Pool | Ranking>;

  constructor(planDigest: string, entrants: ReadonlyMap<string, Pool | Ranking>) {
    this.planDigest = planDigest;
    this.entrants = entrants;
  }

  /** The pool of a lottery sub-draw. */
  pool(label: string): Pool {
    const found = this.entrants.get(label);
    if (found === undefined || !('totalEntries' in found)) throw new Error(`no lottery pool for sub-draw "${label}"`);
    return found;
  }

  /** The ranking of a ranking sub-draw. */
  ranking(label: string): Ranking {
    const found = this.entrants.get(label);
    if (found === undefined || 'totalEntries' in found) throw new Error(`no ranking for sub-draw "${label}"`);
    return found;
  }
}

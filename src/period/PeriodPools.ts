import { argumentError, requireString } from '../errors/arguments';
import type { PathSegment } from '../errors/Issue';
import { YaohaoError } from '../errors/YaohaoError';
import { requirePool, type Pool } from '../pool/Pool';
import type { PeriodPlan } from './PeriodPlan';
import { Ranking } from './Ranking';

/**
 * The entrants of a planned period, ready to run or verify: a pool per lottery sub-draw, a
 * ranking per ranking sub-draw, and the digest of the plan they were built for. Anyone can rebuild
 * it from the published input with planPeriod.
 */
export class PeriodPools {
  /** Digest of the plan these entrants belong to. */
  readonly planDigest: string;
  /** The plan these entrants belong to, when planPeriod made them (verifyPeriod compares plans field by field). */
  readonly plan: PeriodPlan | undefined;
  private readonly entrants: ReadonlyMap<string, Pool | Ranking>;

  constructor(planDigest: string, entrants: ReadonlyMap<string, Pool | Ranking>, plan?: PeriodPlan) {
    requireString(planDigest, ['planDigest']);
    if (!(entrants instanceof Map))
      throw argumentError(['entrants'], 'a Map from sub-draw label to pool or ranking', entrants);
    for (const [label, value] of entrants as Map<unknown, unknown>) {
      if (typeof label !== 'string') throw argumentError(['entrants'], 'sub-draw labels (strings)', label);
      if (!(value instanceof Ranking)) requirePool(value, ['entrants', label]);
    }
    this.planDigest = planDigest;
    this.entrants = entrants;
    this.plan = plan;
  }

  /** The pool of a lottery sub-draw. */
  pool(label: string): Pool {
    const found = this.entrants.get(label);
    if (found === undefined || found instanceof Ranking) throw missing(label, 'lottery pool');
    return found;
  }

  /** The ranking of a ranking sub-draw. */
  ranking(label: string): Ranking {
    const found = this.entrants.get(label);
    if (!(found instanceof Ranking)) throw missing(label, 'ranking');
    return found;
  }
}

function missing(label: unknown, what: string): YaohaoError {
  return new YaohaoError([
    {
      code: 'invalid_value',
      path: ['label'],
      message: `these entrants have no ${what} for sub-draw ${typeof label === 'string' ? `"${label}"` : '(not a label)'}`,
    },
  ]);
}

/** `value` as PeriodPools (from planPeriod), or a YaohaoError naming `path`. */
export function requirePeriodPools(value: unknown, path: readonly PathSegment[]): PeriodPools {
  if (!(value instanceof PeriodPools)) throw argumentError(path, 'the pools planPeriod returned', value);
  return value;
}

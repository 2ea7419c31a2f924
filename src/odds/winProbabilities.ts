import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import type { Pool } from '../pool/Pool';
import { checkQuota } from './internal/checkQuota';
import { successiveSamplingOdds } from './internal/successiveSampling';
import { compositionOf, type PoolComposition } from './PoolComposition';

/** The odds of one weight class in one draw. */
export interface ClassOdds {
  /** Entries per application. */
  readonly weight: number;
  /** Applications with this weight. */
  readonly count: number;
  /** Probability that one application of this class wins this draw. */
  readonly probability: number;
  /** Expected winners from this class: count × probability (the classes add up to the quota). */
  readonly expectedWinners: number;
  /** The naive base rate weight × quota ÷ total entries (what a published "中签率" suggests; may exceed 1). */
  readonly baseRate: number;
  /** Bound on the absolute error of `probability` (docs/spec.md §17.1). */
  readonly errorBound: number;
}

/** Win probabilities of every weight class of a pool for one draw. */
export interface WinProbabilities {
  /** Winners drawn. */
  readonly quota: number;
  /** Applications in the pool. */
  readonly size: number;
  /** Entries in the pool (T). */
  readonly totalEntries: number;
  /** `all`: the quota covers the pool, everyone wins; `drawn`: a real draw. */
  readonly allocation: 'all' | 'drawn';
  /** One entry per distinct weight, ascending. */
  readonly classes: readonly ClassOdds[];
  /** The largest error bound of any class. */
  readonly errorBound: number;
}

/**
 * The exact probability that one application of each weight class wins one draw of `quota`
 * winners (docs/spec.md §17.1): picks uniform over entries, a code that already won is picked
 * again and thrown away — successive sampling proportional to weight, computed by integrating
 * over exponential ring times, with a stated error bound (≤ 1e−9, usually ~1e−12). Accepts a pool
 * or its composition (`{ classes: [{ weight, count }] }`). Floating point is fine here: nothing in
 * the odds decides a winner.
 */
export function winProbabilities(pool: Pool | PoolComposition, quota: number): WinProbabilities {
  const checkedQuota = checkQuota(quota, ['quota']);
  const { classes } = compositionOf(pool);
  const size = classes.reduce((sum, c) => sum + c.count, 0);
  const totalEntries = classes.reduce((sum, c) => sum + c.count * c.weight, 0);
  const odds = successiveSamplingOdds(
    classes.map((c) => c.weight),
    classes.map((c) => c.count),
    checkedQuota,
    classes.map((c, memberOf) => ({ weight: c.weight, memberOf })),
  );
  const out: ClassOdds[] = classes.map((c, k) => ({
    weight: c.weight,
    count: c.count,
    probability: odds.probabilities[k]!,
    expectedWinners: c.count * odds.probabilities[k]!,
    baseRate: (c.weight * checkedQuota) / totalEntries,
    errorBound: odds.errorBounds[k]!,
  }));
  return {
    quota: checkedQuota,
    size,
    totalEntries,
    allocation: checkedQuota >= size ? 'all' : 'drawn',
    classes: out,
    errorBound: out.reduce((max, c) => Math.max(max, c.errorBound), 0),
  };
}

/** winProbabilities that returns `{ success, value | issues }` instead of throwing. */
export function safeWinProbabilities(pool: Pool | PoolComposition, quota: number): SafeResult<WinProbabilities> {
  return safely(() => winProbabilities(pool, quota));
}

import { requireInteger } from '../errors/arguments';
import { poolColumns, requirePool, type Pool } from '../pool/Pool';

/** Version of the cost rule (docs/spec.md §5.3); it changes only with the spec. */
export const DRAW_COST_RULE = 'yaohao-draw-cost/1';

/** The fewest picks the cost limit allows, whatever the pool (2^22). */
export const MIN_COST_LIMIT: number = 2 ** 22;

/** Picks allowed per code of the pool above MIN_COST_LIMIT. */
export const COST_PER_CODE = 32;

/** The cost of a draw (docs/spec.md §5.3) and the limit it is held to. */
export interface DrawCost {
  /** Σ ceil(T / R_k) for k = 0 … quota − 1, counted only until it passes the limit. */
  readonly cost: number;
  /** max(2^22, 32 × n). */
  readonly limit: number;
  /** cost > limit: the draw is refused. */
  readonly tooCostly: boolean;
}

// ceil(a / b) for safe integers a ≥ 0, b ≥ 1, exactly: a % b and a − a % b are exact in doubles,
// so the quotient is an exact integer division.
function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}

/**
 * The cost of drawing `quota` winners from `pool` (docs/spec.md §5.3), and whether drawLottery
 * refuses it (draw_too_costly). A quota that covers the pool costs nothing: nobody is drawn.
 */
export function drawCost(pool: Pool, quota: number): DrawCost {
  requirePool(pool, ['pool']);
  requireInteger(quota, ['quota'], 1, Number.MAX_SAFE_INTEGER);
  const layout = poolColumns(pool).layout;
  return quota >= pool.size
    ? { cost: 0, limit: costLimit(pool.size), tooCostly: false }
    : costOfWeights(layout.weightCounts(), layout.totalEntries, pool.size, quota);
}

/** max(2^22, 32 × codes): the cost limit of a pool of that many codes. */
export function costLimit(codes: number): number {
  return Math.max(MIN_COST_LIMIT, COST_PER_CODE * codes);
}

/**
 * The worst-case expected number of picks of a draw of `quota` winners (quota < n), from the pool's
 * weights (distinct weights, heaviest first, with their numbers of codes) alone: the picks it takes if the heaviest codes win first. With weights w(1) ≥ w(2) ≥ … and
 * R_k = T − (w(1) + … + w(k)) the entries of codes not yet won after k wins, the k+1-th winner
 * takes T / R_k picks on average; the cost rounds each term up. Integer arithmetic only, so
 * every implementation refuses exactly the same draws. Stops counting once past the limit.
 */
export function costOfWeights(
  weightCounts: readonly { readonly weight: number; readonly count: number }[],
  total: number,
  size: number,
  quota: number,
): DrawCost {
  const limit = costLimit(size);
  let cost = 0;
  let remaining = total;
  let k = 0;
  for (const { weight, count } of weightCounts) {
    for (let c = 0; c < count && k < quota; c++, k++) {
      const term = ceilDiv(total, remaining);
      if (term > limit - cost) return { cost: limit + 1, limit, tooCostly: true };
      cost += term;
      remaining -= weight;
    }
    if (k === quota) break;
  }
  return { cost, limit, tooCostly: false };
}

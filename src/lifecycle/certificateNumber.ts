import { argumentError, requireInteger, requireString } from '../errors/arguments';

/**
 * The number of a quota certificate (指标证明编号) as yaohao issues it (docs/spec.md §16.5): the
 * period's year and id in capitals, `P` for the ordinary pool of persons (individuals and
 * families) or `U` for units, and the winner's rank in the draw with at least six digits:
 * `certificateNumber('2024-h2', 'ordinary', 17)` is `"2024H2P000017"`, `('2019-06', 'ordinaryUnits', 3)`
 * is `"201906U000003"`. Deterministic from the period, the pool and the rank alone.
 */
export function certificateNumber(period: string, pool: 'ordinary' | 'ordinaryUnits', rank: number): string {
  requireString(period, ['period']);
  if (pool !== 'ordinary' && pool !== 'ordinaryUnits')
    throw argumentError(['pool'], "'ordinary' or 'ordinaryUnits'", pool);
  requireInteger(rank, ['rank'], 1, Number.MAX_SAFE_INTEGER);
  return `${period.replace('-', '').toUpperCase()}${pool === 'ordinary' ? 'P' : 'U'}${String(rank).padStart(6, '0')}`;
}

// The cost rule (docs/spec.md §5.3): a draw whose weights make the quota unreachable in practice
// is refused before any pick, from the pool and the quota alone; no Beijing-like draw ever is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, drawLottery, presets, verifyRecord, YaohaoError } from '../../src/index';
import { COST_PER_CODE, costOfWeights, MIN_COST_LIMIT } from '../../src/draw/drawCost';
import { specTooCostly } from '../support/independent';

const code = (i: number): string => String(1_000_000_000_000 + i);

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof YaohaoError)) throw error;
    return error.issues[0]!.code;
  }
}

/** One code of weight `heavy` and two of weight 1: the quota of 2 is all but unreachable. */
const heavyPool = (heavy: number): ReturnType<typeof createPool> =>
  createPool(
    [
      { code: code(1), weight: heavy },
      { code: code(2), weight: 1 },
      { code: code(3), weight: 1 },
    ],
    { policy: presets.explicit },
  );

/** Distinct weights heaviest first with counts, from weight → count. */
const histogram = (counts: Record<number, number>): { weight: number; count: number }[] =>
  Object.entries(counts)
    .map(([weight, count]) => ({ weight: Number(weight), count }))
    .sort((a, b) => b.weight - a.weight);
const totalOf = (h: { weight: number; count: number }[]): number => h.reduce((t, g) => t + g.weight * g.count, 0);
const sizeOf = (h: { weight: number; count: number }[]): number => h.reduce((t, g) => t + g.count, 0);

describe('the draw cost rule (spec §5.3)', () => {
  it('refuses 3 codes weighing 2^32 − 1, 1 and 1 with quota 2, at once, under both generators', () => {
    const pool = heavyPool(2 ** 32 - 1);
    expect(refusal(() => drawLottery(pool, { quota: 2, seed: 'any seed', generator: 'default' }))).toBe(
      'draw_too_costly',
    );
    // The legacy generator takes T ≤ 2^31 − 1: the same shape within its range.
    const legacyPool = heavyPool(2 ** 31 - 3);
    expect(refusal(() => drawLottery(legacyPool, { quota: 2, seed: '033859', generator: 'legacy' }))).toBe(
      'draw_too_costly',
    );
    // A quota that covers the pool is no draw: never refused.
    expect(drawLottery(pool, { quota: 3, seed: 'x', generator: 'default' }).record.allocation).toBe('all');
  });

  it('refuses exactly what the independent implementation of the spec refuses (exact integers)', () => {
    const weight = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2 ** 32 - 1 }));
    const seen = new Set<boolean>();
    fc.assert(
      fc.property(fc.array(weight, { minLength: 2, maxLength: 40 }), fc.nat(), (weights, q) => {
        const quota = 1 + (q % (weights.length - 1));
        const counts = new Map<number, number>();
        for (const w of weights) counts.set(w, (counts.get(w) ?? 0) + 1);
        const h = [...counts].map(([w, count]) => ({ weight: w, count })).sort((a, b) => b.weight - a.weight);
        const total = weights.reduce((a, b) => a + b, 0);
        const mine = costOfWeights(h, total, weights.length, quota).tooCostly;
        const spec = specTooCostly(
          weights.map((w, i) => ({ code: code(i), weight: w, kind: 'I' })),
          quota,
        );
        expect(mine).toBe(spec);
        seen.add(mine);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([false, true]); // both outcomes were exercised
  });

  it('is checked on replay too: such a record cannot be replayed, it is reported, not run', () => {
    const pool = heavyPool(2 ** 32 - 1);
    const { record } = drawLottery(pool, { quota: 3, seed: 'x', generator: 'default' });
    const verdict = verifyRecord(
      { ...record, quota: 2, allocation: 'drawn', winners: record.winners.slice(0, 2) },
      pool,
    );
    expect(verdict).toMatchObject({ ok: false, reason: 'replay-failed' });
  });

  it('never refuses a Beijing-like pool, up to 90 % of its codes as quota', () => {
    const pools = {
      // 2019: 3.1 M individuals, steps 1–10 about uniform (mean 5.5), a few C5 holders one step up.
      'beijing 2019': histogram({
        1: 310_000,
        2: 310_000,
        3: 310_000,
        4: 310_000,
        5: 310_000,
        6: 310_000,
        7: 310_000,
        8: 310_000,
        9: 310_000,
        10: 307_000,
        11: 3_000,
      }),
      // 2014 step snapshot.
      'beijing 2014': histogram({ 1: 1_450_000, 2: 390_000, 3: 25_000 }),
      // 2024 mixed pool: individuals by steps, 221 k families at 56–300 points.
      'beijing 2024 mixed': histogram({
        ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i + 1, 150_000])),
        ...Object.fromEntries(Array.from({ length: 245 }, (_, i) => [56 + i, 900])),
      }),
      // Guangzhou 2019-08: flat.
      'guangzhou flat': histogram({ 1: 759_451 }),
    };
    for (const [name, h] of Object.entries(pools)) {
      const size = sizeOf(h);
      for (const quota of [1, 6_400, Math.floor(size / 100), Math.floor(size / 2), Math.floor(size * 0.9)]) {
        const { tooCostly, cost, limit } = costOfWeights(h, totalOf(h), size, quota);
        expect({ name, quota, tooCostly, underLimit: cost <= limit }).toEqual({
          name,
          quota,
          tooCostly: false,
          underLimit: true,
        });
      }
    }
  });

  it('never refuses a flat pool, whatever the quota (the coupon collector costs n·H(n) < 32 n)', () => {
    for (const n of [2, 1000, 1_000_000]) {
      const h = histogram({ 1: n });
      expect(costOfWeights(h, n, n, n - 1).tooCostly).toBe(false);
    }
    expect(MIN_COST_LIMIT).toBe(2 ** 22);
    expect(COST_PER_CODE).toBe(32);
  });
});

import { describe, expect, it } from 'vitest';
import { createPool, poolComposition, presets, safeWinProbabilities, winProbabilities } from '../../src/index';
import weighted5 from '../vectors/weighted-5.json';
import { exactClassOdds, toNumber } from './bruteForce';

// Beijing 2019 by step class (3.1 M applications, steps 1–10, 0.1 % with a C5 step).
const BEIJING = {
  classes: [309_690, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310].map(
    (count, k) => ({ weight: k + 1, count }),
  ),
};

describe('winProbabilities', () => {
  it('the five-code pool of the spec: exact rationals', () => {
    // Weights 1, 3, 2, 1, 2 (spec §10): classes 1 ×2, 2 ×2, 3 ×1.
    for (const quota of [1, 2, 3, 4]) {
      const exact = exactClassOdds([1, 2, 3], [2, 2, 1], quota).map(toNumber);
      const odds = winProbabilities(
        {
          classes: [
            { weight: 1, count: 2 },
            { weight: 2, count: 2 },
            { weight: 3, count: 1 },
          ],
        },
        quota,
      );
      odds.classes.forEach((c, k) => expect(c.probability).toBeCloseTo(exact[k]!, 13));
    }
    // One winner: exactly weight / T.
    expect(
      winProbabilities(
        {
          classes: [
            { weight: 3, count: 1 },
            { weight: 1, count: 6 },
          ],
        },
        1,
      ).classes[1]!.probability,
    ).toBeCloseTo(3 / 9, 14);
  });

  it('a pool and its composition give the same odds; classes ascend; base rate is weight × quota ÷ T', () => {
    // The five-code pool of the spec (§10), as its test vector holds it.
    const pool = createPool(weighted5.records, { policy: presets.explicit });
    expect(poolComposition(pool).classes).toEqual([
      { weight: 1, count: 2 },
      { weight: 2, count: 2 },
      { weight: 3, count: 1 },
    ]);
    const fromPool = winProbabilities(pool, 2);
    expect(fromPool).toEqual(winProbabilities(poolComposition(pool), 2));
    expect(fromPool.classes.map((c) => c.baseRate)).toEqual([2 / 9, 4 / 9, 6 / 9]);
    expect(fromPool).toMatchObject({ quota: 2, size: 5, totalEntries: 9, allocation: 'drawn' });
  });

  it('one weight: q/n exactly; quota covering the pool: everyone wins', () => {
    expect(winProbabilities({ classes: [{ weight: 4, count: 1000 }] }, 7).classes[0]!.probability).toBe(7 / 1000);
    const all = winProbabilities(
      {
        classes: [
          { weight: 1, count: 3 },
          { weight: 9, count: 2 },
        ],
      },
      5,
    );
    expect(all.allocation).toBe('all');
    expect(all.classes.map((c) => c.probability)).toEqual([1, 1]);
    expect(all.classes.map((c) => c.expectedWinners)).toEqual([3, 2]);
    expect(winProbabilities({ classes: [] }, 3)).toMatchObject({ size: 0, classes: [], allocation: 'all' });
  });

  it('one class holding almost all the weight', () => {
    // Three codes of weight 10^9 against a million of weight 1, two winners: the heavy ones take
    // both places but for ~1e−3 of the time.
    const odds = winProbabilities(
      {
        classes: [
          { weight: 1, count: 1_000_000 },
          { weight: 1_000_000_000, count: 3 },
        ],
      },
      2,
    );
    const [light, heavy] = odds.classes;
    expect(heavy!.probability).toBeGreaterThan(0.6663);
    expect(heavy!.probability).toBeLessThan(2 / 3);
    expect(light!.expectedWinners + heavy!.expectedWinners).toBeCloseTo(2, 9);
    expect(odds.errorBound).toBeLessThanOrEqual(1e-9);
    // 3,000 codes that certainly win, then 500 places among a million.
    const crowd = winProbabilities(
      {
        classes: [
          { weight: 1, count: 1_000_000 },
          { weight: 1_000_000, count: 3000 },
        ],
      },
      3500,
    );
    expect(crowd.classes[1]!.probability).toBeCloseTo(1, 12);
    expect(crowd.classes[0]!.probability).toBeCloseTo(0.0005, 12);
  });

  it('Beijing scale: 11 step classes, quota 6,400 — increasing, sums to the quota, error ≤ 1e−9', () => {
    const odds = winProbabilities(BEIJING, 6400);
    expect(odds.totalEntries).toBe(BEIJING.classes.reduce((s, c) => s + c.weight * c.count, 0));
    for (let k = 1; k < odds.classes.length; k++)
      expect(odds.classes[k]!.probability).toBeGreaterThan(odds.classes[k - 1]!.probability);
    expect(odds.classes.reduce((s, c) => s + c.expectedWinners, 0)).toBeCloseTo(6400, 6);
    expect(odds.errorBound).toBeLessThanOrEqual(1e-9);
    // The naive base rate is off a little (repeats are thrown away, which favours light codes): the
    // ratio P ÷ base rate falls with weight, above 1 for one step, below 1 for eleven.
    const ratios = odds.classes.map((c) => c.probability / c.baseRate);
    for (let k = 1; k < ratios.length; k++) expect(ratios[k]!).toBeLessThan(ratios[k - 1]!);
    expect(ratios[0]!).toBeGreaterThan(1.001);
    expect(ratios[10]!).toBeLessThan(0.9995);
    // A known answer, pinned (the method is deterministic floating point; 1e−12 absolute).
    expect(odds.classes[0]!.probability).toBeCloseTo(0.000375721512846699, 12);
  });

  it('refuses bad input with typed issues', () => {
    const bad = (pool: unknown, quota: unknown) => safeWinProbabilities(pool as never, quota as never);
    expect(bad({ classes: [{ weight: 1, count: 3 }] }, 0)).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_quota', path: ['quota'] }],
    });
    expect(
      bad(
        {
          classes: [
            { weight: 2, count: 3 },
            { weight: 2, count: 1 },
          ],
        },
        1,
      ),
    ).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_value', path: ['pool', 'classes', 1, 'weight'] }],
    });
    expect(bad({ classes: [{ weight: 0, count: 3 }] }, 1)).toMatchObject({
      success: false,
      issues: [{ path: ['pool', 'classes', 0, 'weight'] }],
    });
    expect(bad({ classes: [{ weight: 1, count: -1 }], extra: 1 }, 1)).toMatchObject({ success: false });
    expect(bad({ classes: [{ weight: 2 ** 32 - 1, count: 2 ** 22 }] }, 1)).toMatchObject({
      success: false,
      issues: [{ code: 'too_many_entries' }],
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { winProbabilities } from '../../src/index';
import { exactClassOdds, toNumber } from './bruteForce';

// Tiny compositions: up to 3 classes, at most 6 codes, every quota.
const tinyPool = fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 3 }).chain((weights) =>
  fc
    .tuple(
      fc.constant(weights),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: weights.length, maxLength: weights.length }),
    )
    .filter(([, counts]) => counts.reduce((a, b) => a + b, 0) <= 6)
    .chain(([w, counts]) =>
      fc.tuple(fc.constant(w), fc.constant(counts), fc.integer({ min: 1, max: counts.reduce((a, b) => a + b, 0) })),
    ),
);

// Small compositions for the structural properties.
const smallPool = fc.record({
  classes: fc
    .uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 8 })
    .chain((weights) =>
      fc.tuple(
        ...weights.map((weight) => fc.record({ weight: fc.constant(weight), count: fc.integer({ min: 1, max: 400 }) })),
      ),
    ),
  quota: fc.integer({ min: 1, max: 600 }),
});

describe('winProbabilities: properties', () => {
  it('equals the exact probability (every ordered winner list, in rationals) on tiny pools', () => {
    fc.assert(
      fc.property(tinyPool, ([weights, counts, quota]) => {
        const exact = exactClassOdds(weights, counts, quota).map(toNumber);
        const odds = winProbabilities({ classes: weights.map((weight, k) => ({ weight, count: counts[k]! })) }, quota);
        const byWeight = new Map(odds.classes.map((c) => [c.weight, c]));
        weights.forEach((w, k) => {
          const c = byWeight.get(w)!;
          expect(Math.abs(c.probability - exact[k]!)).toBeLessThanOrEqual(Math.max(c.errorBound, 1e-15));
          expect(c.errorBound).toBeLessThanOrEqual(1e-9);
        });
      }),
      { numRuns: 120 },
    );
  });

  it('is increasing in weight, sums to the quota, and stays within its error bound of 1e−9', () => {
    fc.assert(
      fc.property(smallPool, ({ classes, quota }) => {
        const odds = winProbabilities({ classes }, quota);
        const size = classes.reduce((sum, c) => sum + c.count, 0);
        for (let k = 1; k < odds.classes.length; k++) {
          const [lighter, heavier] = [odds.classes[k - 1]!.probability, odds.classes[k]!.probability];
          if (quota >= size) expect(heavier).toBe(1);
          // Strictly increasing, until both are 1 within double precision.
          else if (lighter < 1 - 1e-12) expect(heavier).toBeGreaterThan(lighter);
          else expect(heavier).toBeGreaterThanOrEqual(lighter);
        }
        const expected = odds.classes.reduce((sum, c) => sum + c.expectedWinners, 0);
        const slack = odds.classes.reduce((sum, c) => sum + c.count * c.errorBound, 0);
        expect(Math.abs(expected - Math.min(quota, size))).toBeLessThanOrEqual(slack + 1e-9);
        expect(odds.errorBound).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 60 },
    );
  });
});

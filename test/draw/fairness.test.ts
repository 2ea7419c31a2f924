// Statistical checks with a fixed list of seeds: deterministic, so they never flake; a failure
// means a real bias (each threshold is the chi-square critical value at p = 0.001).
import { describe, expect, it } from 'vitest';
import { createPool, drawLottery, presets, type Pool } from '../../src/index';

// Chi-square critical values at p = 0.001 by degrees of freedom.
const CRITICAL_0_001: Record<number, number> = { 1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 9: 27.88, 19: 43.82 };

function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
}

// Weight classes 1..5, 40 codes each, codes interleaved so class and code order are unrelated.
const classes = [1, 2, 3, 4, 5];
const pool: Pool = createPool(
  classes.flatMap((weight) =>
    Array.from({ length: 40 }, (_, i) => ({ code: String((i * 5 + weight) * 104_729).padStart(13, '0'), weight })),
  ),
  { policy: presets.explicit },
);
const weightOfClass = (weight: number): number => 40 * weight;

describe.each(['legacy', 'default'] as const)('fairness of the %s generator', (generator) => {
  const seeds = Array.from({ length: 3000 }, (_, i) =>
    generator === 'legacy' ? String(100_000 + i * 7) : `fairness-${i}`,
  );

  it('the first winner falls in each weight class in proportion to its entries', () => {
    const observed = classes.map(() => 0);
    for (const seed of seeds) {
      const [first] = drawLottery(pool, { quota: 1, seed, generator }).winners;
      observed[pool.weightOf(first!.code)! - 1]!++;
    }
    const expected = classes.map((w) => (seeds.length * weightOfClass(w)) / pool.totalEntries);
    expect(chiSquare(observed, expected)).toBeLessThan(CRITICAL_0_001[4]!);
  });

  it('winners are not correlated with input (code) order: each decile of codes wins its share of entries', () => {
    const observed = Array.from({ length: 10 }, () => 0);
    const expected = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < pool.size; i++) expected[Math.floor((i * 10) / pool.size)]! += pool.at(i).weight;
    let total = 0;
    for (const seed of seeds.slice(0, 1000)) {
      for (const w of drawLottery(pool, { quota: 1, seed, generator }).winners) {
        observed[Math.floor((pool.indexOf(w.code) * 10) / pool.size)]!++;
        total++;
      }
    }
    expect(
      chiSquare(
        observed,
        expected.map((e) => (e * total) / pool.totalEntries),
      ),
    ).toBeLessThan(CRITICAL_0_001[9]!);
  });

  it('picks land uniformly on entry numbers (20 bins)', () => {
    const big = createPool(
      Array.from({ length: 1000 }, (_, i) => ({ code: String(i).padStart(13, '0'), weight: 1 })),
      { policy: presets.explicit },
    );
    const bins = Array.from({ length: 20 }, () => 0);
    for (const seed of seeds.slice(0, 500))
      for (const w of drawLottery(big, { quota: 10, seed, generator }).winners)
        bins[Math.floor(((w.entry - 1) * 20) / 1000)]!++;
    expect(
      chiSquare(
        bins,
        bins.map(() => 5000 / 20),
      ),
    ).toBeLessThan(CRITICAL_0_001[19]!);
  });
});

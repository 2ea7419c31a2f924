import { describe, expect, it } from 'vitest';
import {
  createPool,
  drawLottery,
  mergeSimulations,
  presets,
  safeSimulateDraws,
  simulateDraws,
  simulationRunLabel,
  winProbabilities,
  type Pool,
} from '../../src/index';
import { deriveDefaultKey } from '../../src/rng/deriveDefaultKey';
import { Rc4WordSource } from '../../src/rng/Rc4WordSource';
import { uniformIndex } from '../../src/rng/uniformIndex';

// A pool of `n` codes with weights from `weights`, codes spread over the code space.
function poolOf(weights: readonly number[]): Pool {
  return createPool(
    weights.map((weight, i) => ({ code: String((i * 7_919 + 13) * 1_000_003).padStart(13, '0'), weight })),
    { policy: presets.explicit },
  );
}

describe('simulateDraws', () => {
  const pool = poolOf(Array.from({ length: 60 }, (_, i) => 1 + (i % 5) * (i % 3)));

  it('run r is exactly drawLottery with label <label>/r', () => {
    for (const run of [0, 1, 7, 123]) {
      const sim = simulateDraws(pool, 9, { runs: 1, seed: 'same-draw', firstRun: run, label: 'check' });
      const { winners, record } = drawLottery(pool, {
        quota: 9,
        seed: 'same-draw',
        generator: 'default',
        label: simulationRunLabel('check', run),
      });
      const perWeight = new Map<number, number>();
      for (const w of winners) perWeight.set(pool.weightOf(w.code)!, (perWeight.get(pool.weightOf(w.code)!) ?? 0) + 1);
      for (const c of sim.classes) {
        expect(c.wins).toBe(perWeight.get(c.weight) ?? 0);
        expect(c.winsSquared).toBe((perWeight.get(c.weight) ?? 0) ** 2);
      }
      expect(sim.thrownAway).toBe(record.picks - winners.length);
    }
    expect(simulationRunLabel('simulate', 12)).toBe('simulate/12');
  });

  it('is deterministic, and parts merge into exactly the whole', () => {
    const whole = simulateDraws(pool, 9, { runs: 300, seed: 'parts' });
    expect(simulateDraws(pool, 9, { runs: 300, seed: 'parts' })).toEqual(whole);
    const parts = [
      simulateDraws(pool, 9, { runs: 120, seed: 'parts', firstRun: 180 }),
      simulateDraws(pool, 9, { runs: 180, seed: 'parts' }),
    ];
    expect(mergeSimulations(parts)).toEqual(whole);
    expect(() => mergeSimulations([parts[0]!])).not.toThrow();
    expect(() => mergeSimulations([whole, parts[0]!])).toThrow(/follow each other/);
    expect(() =>
      mergeSimulations([parts[1]!, simulateDraws(pool, 8, { runs: 120, seed: 'parts', firstRun: 180 })]),
    ).toThrow(/another pool, quota/);
  });

  it('the exact odds lie within the Monte Carlo interval on 40 small random pools', () => {
    // Pools drawn from a fixed stream: 8–40 codes, weights 1–12, quota up to half the pool.
    const words = Rc4WordSource.fromKey(deriveDefaultKey('odds-vs-monte-carlo', ''));
    let outside = 0;
    let compared = 0;
    for (let k = 0; k < 40; k++) {
      const n = 8 + uniformIndex(words, 33);
      const weights = Array.from({ length: n }, () => 1 + uniformIndex(words, 12));
      const quota = 1 + uniformIndex(words, Math.floor(n / 2));
      const small = poolOf(weights);
      const exact = winProbabilities(small, quota);
      // 99.9 % intervals: with ~250 comparisons, about 0.25 are expected outside by chance.
      const sim = simulateDraws(small, quota, { runs: 1500, seed: `pool-${k}`, confidence: 0.999 });
      exact.classes.forEach((c, i) => {
        const [low, high] = sim.classes[i]!.interval;
        compared++;
        if (c.probability < low || c.probability > high) outside++;
      });
    }
    expect(compared).toBeGreaterThan(200);
    expect(outside).toBeLessThanOrEqual(2);
  });

  it('catches a wrong model: the naive base rate falls outside the interval', () => {
    // Weights 1 and 20: repeats matter, and the base rate overstates the heavy class.
    const skewed = poolOf([...Array.from({ length: 30 }, () => 1), ...Array.from({ length: 5 }, () => 20)]);
    const sim = simulateDraws(skewed, 4, { runs: 4000, seed: 'naive' });
    const exact = winProbabilities(skewed, 4);
    const heavy = sim.classes[1]!;
    expect(exact.classes[1]!.probability).toBeGreaterThanOrEqual(heavy.interval[0]);
    expect(exact.classes[1]!.probability).toBeLessThanOrEqual(heavy.interval[1]);
    expect(exact.classes[1]!.baseRate).toBeGreaterThan(heavy.interval[1]);
  });

  it('everyone wins: probability 1 with a zero-width interval', () => {
    const sim = simulateDraws(pool, 100, { runs: 3, seed: 'all' });
    for (const c of sim.classes) {
      expect(c.probability).toBe(1);
      expect(c.interval).toEqual([1, 1]);
    }
    expect(sim.thrownAway).toBe(0);
  });

  it('refuses bad options with typed issues', () => {
    const issues = (options: unknown, quota = 3) => {
      const result = safeSimulateDraws(pool, quota, options as never);
      return result.success ? [] : result.issues.map((i) => [i.code, i.path.join('.')]);
    };
    expect(issues({ runs: 0, seed: 'x' })).toEqual([['invalid_value', 'options.runs']]);
    expect(issues({ runs: 2, seed: '' })).toEqual([['invalid_seed', 'options.seed']]);
    expect(issues({ runs: 2, seed: 'x', confidence: 1 })).toEqual([['invalid_value', 'options.confidence']]);
    expect(issues({ runs: 2, seed: 'x', firstRun: -1 })).toEqual([['invalid_value', 'options.firstRun']]);
    expect(issues({ runs: 2, seed: 'x' }, 0)).toEqual([['invalid_quota', 'options.quota']]);
  });
});

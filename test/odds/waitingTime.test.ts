import { describe, expect, it } from 'vitest';
import { familyPoints, presets, safeWaitingTime, stepsForDraws, waitingTime, winProbabilities } from '../../src/index';

const STEPS = {
  classes: [40_000, 30_000, 20_000, 10_000, 5_000].map((count, k) => ({ weight: k + 1, count })),
};

describe('waitingTime', () => {
  it('one entry each, the same draw every time: a geometric wait', () => {
    const outlook = { classes: [{ weight: 1, count: 999 }], quota: 10 };
    const wait = waitingTime({ draws: 0 }, presets.beijing2011, outlook, { maxPeriods: 3000 });
    const p = 10 / 1000; // the applicant is the 1,000th code
    expect(wait.periods[0]).toEqual({ period: 1, weight: 1, probability: p, winBy: p });
    expect(wait.periods[9]!.winBy).toBeCloseTo(1 - (1 - p) ** 10, 14);
    expect(wait.median).toBe(Math.ceil(Math.log(0.5) / Math.log(1 - p)));
    expect(wait.p95).toBe(Math.ceil(Math.log(0.05) / Math.log(1 - p)));
    expect(wait.mean).toBeCloseTo(1 / p, 6);
    expect(wait.winWithin).toBeGreaterThan(1 - 1e-9);
  });

  it('steps grow by the policy: ladder weights and the first draw’s odds', () => {
    const wait = waitingTime({ draws: 4, c5: true }, presets.beijing2016, { ...STEPS, quota: 500 }, { maxPeriods: 30 });
    expect(wait.periods.map((p) => p.weight)).toEqual(
      Array.from({ length: 30 }, (_, k) => stepsForDraws(presets.beijing2016.weights, 4 + k) + 1),
    );
    // Period 1: one more application of weight 2 among the outlook's = a member of class 2 in that pool.
    const withApplicant = {
      classes: STEPS.classes.map((c) => (c.weight === 2 ? { ...c, count: c.count + 1 } : c)),
    };
    const member = winProbabilities(withApplicant, 500).classes[1]!;
    expect(wait.periods[0]!.probability).toBeCloseTo(member.probability, 12);
    // Later draws are at least as likely: the weight only grows.
    for (let k = 1; k < wait.periods.length; k++)
      expect(wait.periods[k]!.probability).toBeGreaterThanOrEqual(wait.periods[k - 1]!.probability);
    // Only 30 periods: the median is there, the mean is not (the horizon holds too little).
    expect(wait.mean).toBeUndefined();
    expect(wait.winWithin).toBeLessThan(1);
  });

  it('a list outlook: each period its own pool, the last one repeating', () => {
    const tight = { classes: [{ weight: 1, count: 10_000 }], quota: 1 };
    const loose = { classes: [{ weight: 1, count: 99 }], quota: 50 };
    const wait = waitingTime({ weight: 1 }, presets.explicit, [tight, tight, loose], { maxPeriods: 100 });
    expect(wait.periods.map((p) => p.probability).slice(0, 4)).toEqual([1 / 10_001, 1 / 10_001, 0.5, 0.5]);
    expect(wait.median).toBe(3);
    expect(wait.periods.length).toBeLessThan(100); // stopped once a win is certain but for 1e−12
  });

  it('a family’s points grow by one family year per year (two draws a year under 2021– rules)', () => {
    const family = {
      kind: 'family' as const,
      code: '3141500000001',
      familyYears: 1,
      members: [
        { personId: 'main', role: 'main' as const, steps: 5 },
        { personId: 'spouse', role: 'spouse' as const, steps: 3 },
      ],
    };
    const outlook = { classes: [...STEPS.classes, { weight: 30, count: 2000 }], quota: 400 };
    const wait = waitingTime(family, presets.beijing2024, outlook, { maxPeriods: 6, firstPeriodInYear: 1 });
    const points = (years: number): number =>
      familyPoints({ ...family, familyYears: years }, presets.beijing2024).total;
    // First period is the second draw of its year: the next period starts a new year.
    expect(wait.periods.map((p) => p.weight)).toEqual([
      points(1),
      points(2),
      points(2),
      points(3),
      points(3),
      points(4),
    ]);
  });

  it('2021– individuals: one more draw since 2021 per period', () => {
    const wait = waitingTime(
      { drawsTo2020: 30, drawsSince2021: 3 },
      presets.beijing2024,
      { ...STEPS, quota: 400 },
      {
        maxPeriods: 4,
      },
    );
    // ceil(30 / 6) = 5 at the end of 2020, then one step per two draws from 2021 (the draw held counts).
    expect(wait.periods.map((p) => p.weight)).toEqual([7, 7, 8, 8]);
  });

  it('refuses a history that does not fit the policy, and a bad outlook', () => {
    const codes = (result: ReturnType<typeof safeWaitingTime>) =>
      result.success ? [] : result.issues.map((i) => [i.code, i.path.join('.')]);
    const outlook = { ...STEPS, quota: 10 };
    expect(codes(safeWaitingTime({ draws: 3 }, presets.beijing2024, outlook))).toEqual([
      ['unknown_field', 'history.draws'],
    ]);
    expect(codes(safeWaitingTime({ draws: -1 }, presets.beijing2016, outlook))[0]).toEqual([
      'invalid_value',
      'history.draws',
    ]);
    expect(codes(safeWaitingTime({ draws: 1 }, presets.beijing2016, []))).toEqual([['invalid_value', 'outlook']]);
    expect(codes(safeWaitingTime({ draws: 1 }, presets.beijing2016, [outlook, { classes: [], quota: 0 }]))).toEqual([
      ['invalid_quota', 'outlook.1.quota'],
    ]);
    expect(codes(safeWaitingTime({ draws: 1 }, presets.beijing2016, outlook, { maxPeriods: 0 }))).toEqual([
      ['invalid_value', 'options.maxPeriods'],
    ]);
  });
});

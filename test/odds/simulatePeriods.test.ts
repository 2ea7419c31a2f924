import { describe, expect, it } from 'vitest';
import {
  commitPool,
  createPool,
  drawLottery,
  presets,
  safeSimulatePeriods,
  simulatePeriods,
  syntheticBeijingRecords,
  winProbabilities,
  type SimulatePeriodsOptions,
  type SimulatedPeriod,
} from '../../src/index';

const small: SimulatePeriodsOptions = {
  policy: presets.beijing2016,
  start: '2019-02',
  periods: 6,
  quota: 25,
  arrivals: 40,
  seed: 'test-seed',
  initial: { size: 600 },
};

const all = (options: SimulatePeriodsOptions): SimulatedPeriod[] => [...simulatePeriods(options)];
/** The small options without an initial population. */
const withoutInitial = (): SimulatePeriodsOptions => {
  const { initial: _initial, ...rest } = small;
  return rest;
};

describe('simulatePeriods', () => {
  it('is deterministic: the same options give byte-identical statistics; another seed, others', () => {
    const first = JSON.stringify(all(small));
    expect(JSON.stringify(all(small))).toBe(first);
    const other = all({ ...small, seed: 'another-seed' });
    expect(JSON.stringify(other)).not.toBe(first);
    // Another seed draws other winners from another population, period after period.
    other.forEach((period, k) => expect(period.poolDigest).not.toBe(all(small)[k]!.poolDigest));
  });

  it('conserves applications: whoever entered has won or is still in the pool, every period', () => {
    const periods = all({ ...small, periods: 10, arrivals: [40, 0, 90, 5], quota: (k) => 10 + k * 3 });
    let inPool = 600;
    let won = 0;
    let applicants = 600;
    periods.forEach((p, k) => {
      const arrivals = [40, 0, 90, 5][Math.min(k, 3)]!;
      expect(p.arrivals).toBe(arrivals);
      expect(p.quota).toBe(10 + k * 3);
      applicants += arrivals;
      expect(p.poolSize).toBe(inPool + arrivals); // last period's pool, less its winners, plus arrivals
      expect(p.winners).toBe(Math.min(p.quota, p.poolSize));
      won += p.winners;
      expect(p.applicants).toBe(applicants);
      expect(p.won).toBe(won);
      expect(p.applicants).toBe(p.won + p.inPool); // inPool is the registry's own count
      expect(p.classes.reduce((sum, c) => sum + c.count, 0)).toBe(p.poolSize);
      expect(p.classes.reduce((sum, c) => sum + c.count * c.weight, 0)).toBe(p.entries);
      expect(p.classes.reduce((sum, c) => sum + c.winners, 0)).toBe(p.winners);
      expect(p.classes.reduce((sum, c) => sum + c.expectedWinners!, 0)).toBeCloseTo(p.winners, 6);
      for (const c of p.classes) expect(c.winRate).toBe(c.winners / c.count);
      inPool = p.inPool;
    });
  });

  it('draws with the real draw: the first pool is the synthetic population, its draw is drawLottery’s', () => {
    const [first] = all({ ...small, arrivals: 0, periods: 1 });
    const pool = createPool([...syntheticBeijingRecords({ size: 600, seed: 'test-seed' })], {
      policy: presets.beijing2016,
    });
    expect(first!.poolDigest).toBe(commitPool(pool).digest);
    const { record } = drawLottery(pool, {
      quota: 25,
      seed: 'test-seed',
      generator: 'default',
      label: 'simulate/2019-02',
    });
    expect(first!.label).toBe('simulate/2019-02');
    expect(first!.thrownAway).toBe(record.picks - 25);
    const byWeight = new Map<number, number>();
    for (const w of record.winners)
      byWeight.set(pool.weightOf(w.code)!, (byWeight.get(pool.weightOf(w.code)!) ?? 0) + 1);
    for (const c of first!.classes) expect(c.winners).toBe(byWeight.get(c.weight) ?? 0);
    // The exact odds are winProbabilities' of that pool.
    const odds = winProbabilities(pool, 25);
    expect(first!.classes.map((c) => c.probability)).toEqual(odds.classes.map((c) => c.probability));
  });

  it('losers carry one more draw, winners leave; a newcomer’s wait counts from its arrival', () => {
    // No initial population: every winner arrived during the simulation, with 0 draws, and has
    // entered every draw since, so the draws it entered are the periods since its arrival + 1.
    const periods = all({ ...withoutInitial(), arrivals: 30, quota: 7, periods: 12, c5OneIn: 2 ** 32 });
    for (const p of periods) {
      expect(p.arrivedWinners).toBe(p.winners);
      expect(p.meanDrawsEntered).toBeCloseTo(p.meanPeriodsSinceArrival! + 1, 12);
    }
    // Steps grow with draws (beijing2016: one more step per 6 draws): weight 2 appears at the 7th draw.
    expect(periods[5]!.classes.map((c) => c.weight)).toEqual([1]);
    expect(periods[6]!.classes.map((c) => c.weight)).toEqual([1, 2]);
    // The first cohort, less its winners so far, is at 2 steps; everyone else is at 1.
    expect(periods[6]!.classes[1]!.count).toBeGreaterThan(0);
    expect(periods[6]!.classes[1]!.count).toBeLessThan(30);
    expect(periods.at(-1)!.meanPeriodsSinceArrival).toBeGreaterThan(1);
  });

  it('wins each class as often as the exact odds say, over many periods (|z| ≤ 4 per class)', () => {
    // Small pools, many draws: per weight class, the observed winners summed over the periods
    // against the expected ones; the binomial variance Σ count·p·(1 − p) bounds the draw's
    // (successive sampling has negative covariances). 4 standard deviations: a wrong rate fails.
    const periods = all({
      policy: presets.beijing2016,
      start: '2014-02',
      periods: 150,
      quota: 12,
      arrivals: 12,
      seed: 'agreement',
      initial: { size: 400, maxDraws: 48 },
    });
    const totals = new Map<number, { observed: number; expected: number; variance: number }>();
    for (const p of periods)
      for (const c of p.classes) {
        const t = totals.get(c.weight) ?? { observed: 0, expected: 0, variance: 0 };
        t.observed += c.winners;
        t.expected += c.expectedWinners!;
        t.variance += c.count * c.probability! * (1 - c.probability!);
        totals.set(c.weight, t);
      }
    expect(totals.size).toBeGreaterThanOrEqual(8);
    for (const [, t] of totals) {
      if (t.variance === 0) expect(t.observed).toBe(t.expected);
      else expect(Math.abs(t.observed - t.expected) / Math.sqrt(t.variance)).toBeLessThanOrEqual(4);
    }
    // Heavier classes win more often: the simulated rates rise with the weight.
    const rates = [...totals].filter(([, t]) => t.expected > 20).map(([w, t]) => [w, t.observed] as const);
    expect(rates.length).toBeGreaterThan(3);
  });

  it('streams: a period is yielded as soon as it is drawn, and stopping early is fine', () => {
    const iterator = simulatePeriods({ ...small, periods: 1000 });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect((first.value as SimulatedPeriod).period).toBe('2019-02');
    expect(iterator.return(undefined).done).toBe(true);
  });

  it('runs 2021– rules with families: points classes, conservation, determinism', () => {
    const options: SimulatePeriodsOptions = {
      policy: presets.beijing2024,
      start: '2024-h1',
      periods: 4,
      quota: 8,
      arrivals: 40,
      familiesPerMille: 250,
      seed: 'families',
      initial: { size: 300, families: 60 },
    };
    const periods = all(options);
    expect(JSON.stringify(all(options))).toBe(JSON.stringify(periods));
    expect(periods.map((p) => p.period)).toEqual(['2024-h1', '2024-h2', '2025-h1', '2025-h2']);
    for (const p of periods) {
      expect(p.applicants).toBe(p.won + p.inPool);
      expect(p.classes.reduce((sum, c) => sum + c.count, 0)).toBe(p.poolSize);
      expect(p.classes.reduce((sum, c) => sum + c.winners, 0)).toBe(p.winners);
    }
    // Families weigh their points: far more than an individual's steps.
    expect(Math.max(...periods[0]!.classes.map((c) => c.weight))).toBeGreaterThan(40);
  });

  it('without odds, the classes carry only what was drawn', () => {
    const [first] = all({ ...small, periods: 1, odds: false });
    expect(first!.classes[0]).not.toHaveProperty('probability');
    expect(first!.classes[0]).not.toHaveProperty('expectedWinners');
  });

  it('an empty pool draws nobody, and a quota above the pool lets everyone win', () => {
    const periods = all({ ...withoutInitial(), arrivals: [0, 5], quota: 10, periods: 3 });
    expect(periods[0]).toMatchObject({ poolSize: 0, winners: 0, inPool: 0 });
    expect(periods[0]).not.toHaveProperty('meanDrawsEntered');
    expect(periods[1]).toMatchObject({ poolSize: 5, winners: 5, inPool: 0, meanDrawsEntered: 1 });
  });
});

describe('simulatePeriods: bad options', () => {
  const issuesOf = (options: unknown): { code: string; path: (string | number)[] }[] => {
    const result = safeSimulatePeriods(options as SimulatePeriodsOptions);
    expect(result.success).toBe(false);
    return (result as unknown as { issues: { code: string; path: (string | number)[] }[] }).issues;
  };
  const paths = (options: unknown): string[] => issuesOf(options).map((i) => i.path.join('.'));

  it('names every bad option by its path, before anything runs', () => {
    expect(
      paths({
        ...small,
        periods: 0,
        quota: [25, 0],
        arrivals: -1,
        seed: '',
        label: 7,
        c5OneIn: 0,
        odds: 'yes',
        initial: { size: -5, colour: 'red' },
      }),
    ).toEqual([
      'options.periods',
      'options.seed',
      'options.label',
      'options.quota.1',
      'options.arrivals',
      'options.c5OneIn',
      'options.odds',
      'options.initial.colour',
      'options.initial.size',
    ]);
    expect(() => simulatePeriods({ ...small, periods: 0 })).toThrow(/periods/);
  });

  it('refuses a policy without lifecycle rules, an explicit one, families where there are none', () => {
    expect(paths({ ...small, policy: presets.explicit })).toEqual(['options.policy.lifecycle']);
    expect(paths({ ...small, policy: { id: 'x' } })[0]).toMatch(/^options\.policy/);
    expect(paths({ ...small, familiesPerMille: 10, initial: { size: 5, families: 2 } })).toEqual([
      'options.initial.families',
      'options.familiesPerMille',
    ]);
  });

  it('refuses a start that is not a period of the calendar, and a missing periods', () => {
    expect(paths({ ...small, start: '2019-03' })).toEqual(['options.start']);
    expect(paths({ ...small, start: '2024-h1' })).toEqual(['options.start']);
    expect(paths({ ...small, periods: undefined })).toEqual(['options.periods']);
    expect(paths({ ...small, calendar: { holidays: ['2019-02-30'] } })).toEqual(['options.calendar.holidays.0']);
  });

  it('a hole in a list is a missing value, refused before anything runs', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = [40, , 10] as unknown as number[];
    expect(() => simulatePeriods({ ...small, arrivals: holed })).toThrow(
      /arrivals: expected an integer ≥ 0.*got nothing/,
    );
    expect(paths({ ...small, arrivals: holed })).toEqual(['options.arrivals.1']);
  });

  it('arrivals given as numbers that would pass 900,000,000 applications are refused before the first draw', () => {
    // 1,000 periods of 1,000,000: the limit would be passed at the 900th draw, hours in.
    expect(() => simulatePeriods({ ...small, periods: 1000, arrivals: 1_000_000 })).toThrow(
      /at most 900000000 applications .* 1000 periods of arrivals bring 1000000600/,
    );
    expect(paths({ ...small, periods: 3, arrivals: [10, 899_999_000] })).toEqual(['options.arrivals']);
    // Exactly the limit (600 + 10 + 899,999,390) is accepted; the generator is not run here.
    expect(() => simulatePeriods({ ...small, periods: 2, arrivals: [10, 899_999_390] })).not.toThrow();
    expect(paths({ ...small, periods: 2, arrivals: [10, 899_999_391] })).toEqual(['options.arrivals']);
  });

  it('a bad value from a function is refused when its period comes, naming the option', () => {
    const iterator = simulatePeriods({ ...small, arrivals: (k) => (k === 2 ? -3 : 10) });
    iterator.next();
    iterator.next();
    expect(() => iterator.next()).toThrow(/arrivals for 2019-06 must be an integer ≥ 0/);
    expect(issuesOf({ ...small, quota: () => 1.5 })).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['options', 'quota'] }),
    ]);
  });

  it('a function that throws is refused the same way: safeSimulatePeriods never throws', () => {
    const failing = (k: number): number => {
      if (k === 1) throw new RangeError('no figures for this period');
      return 10;
    };
    expect(issuesOf({ ...small, arrivals: failing })).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        path: ['options', 'arrivals'],
        message: 'arrivals for 2019-04: the function threw (no figures for this period)',
      }),
    ]);
    const thrown = safeSimulatePeriods({
      ...small,
      quota: () => {
        // Anything can be thrown, not only Errors.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'not an Error';
      },
    });
    expect(thrown.success).toBe(false);
    if (!thrown.success) expect(thrown.issues[0]!.message).toMatch(/quota for 2019-02: the function threw/);
  });

  it('safeSimulatePeriods never throws; anything but an options object is refused', () => {
    for (const bad of [undefined, null, 5, 'x', [], { policy: presets.beijing2016 }])
      expect(safeSimulatePeriods(bad as never).success).toBe(false);
    expect(() => simulatePeriods(null as never)).toThrow(/options/);
    const ok = safeSimulatePeriods({ ...small, periods: 2 });
    expect(ok.success && ok.value.length).toBe(2);
  });
});

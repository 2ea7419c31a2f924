// docs/spec.md §17.7 written out again with nothing of the registry: the streams, codes and event
// times of the spec, a plain list of records, createPool and drawLottery each period. It must give
// simulatePeriods' statistics exactly; and test/vectors/simulate/ pins those statistics.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitPool,
  createPool,
  deriveDefaultKey,
  drawLottery,
  presets,
  Rc4WordSource,
  simulatePeriods,
  uniformIndex,
  type SimulatedPeriod,
  type SimulatePeriodsOptions,
} from '../../src/index';

interface Applicant {
  code: string;
  draws: number;
  c5: boolean;
  arrivedAt: number; // index of the draw it arrived for; −1: initial
}

/** §17.7 for a flat or ladder policy, from the spec's words alone. */
function* independent(o: {
  policy: typeof presets.beijing2016;
  periods: readonly string[];
  quota: readonly number[];
  arrivals: readonly number[];
  seed: string;
  size: number;
}): Generator<Omit<SimulatedPeriod, 'classes'> & { classes: { weight: number; count: number; winners: number }[] }> {
  const stream = (label: string): ((n: number) => number) => {
    const words = Rc4WordSource.fromKey(deriveDefaultKey(o.seed, label));
    return (n) => uniformIndex(words, n);
  };
  const codeOf = (r: number, s: number): string => String(r * 1e9 + s).padStart(13, '0');
  const pool = new Map<string, Applicant>();
  const initial = stream('synthetic-beijing-records');
  for (let i = 0; i < o.size; i++) {
    const r = initial(10000);
    const draws = initial(60);
    const c5 = initial(1000) === 0;
    pool.set(codeOf(r, 100_000_000 + i), { code: codeOf(r, 100_000_000 + i), draws, c5, arrivedAt: -1 });
  }
  let serial = 100_000_000 + o.size;
  let applicants = o.size;
  let won = 0;
  for (let k = 0; k < o.periods.length; k++) {
    const period = o.periods[k]!;
    const count = o.arrivals[Math.min(k, o.arrivals.length - 1)]!;
    const quota = o.quota[Math.min(k, o.quota.length - 1)]!;
    const arrivals = stream(`simulate/arrivals/${period}`);
    for (let a = 0; a < count; a++) {
      const code = codeOf(arrivals(10000), serial++);
      pool.set(code, { code, draws: 0, c5: arrivals(1000) === 0, arrivedAt: k });
    }
    applicants += count;
    const drawn = createPool(
      [...pool.values()].map((p) => ({ code: p.code, draws: p.draws, ...(p.c5 ? { c5: true } : {}) })),
      { policy: o.policy },
    );
    const { record } = drawLottery(drawn, { quota, seed: o.seed, generator: 'default', label: `simulate/${period}` });
    const byWeight = new Map<number, { count: number; winners: number }>();
    for (const app of drawn.applications()) {
      const c = byWeight.get(app.weight) ?? { count: 0, winners: 0 };
      c.count++;
      byWeight.set(app.weight, c);
    }
    let draws = 0;
    let waited = 0;
    let arrived = 0;
    for (const w of record.winners) {
      byWeight.get(drawn.weightOf(w.code)!)!.winners++;
      const p = pool.get(w.code)!;
      draws += p.draws + 1;
      if (p.arrivedAt >= 0) {
        arrived++;
        waited += k - p.arrivedAt;
      }
      pool.delete(w.code);
    }
    for (const p of pool.values()) p.draws++;
    won += record.winners.length;
    const n = record.winners.length;
    yield {
      index: k,
      period,
      label: `simulate/${period}`,
      arrivals: count,
      poolSize: drawn.size,
      entries: drawn.totalEntries,
      poolDigest: commitPool(drawn).digest,
      quota,
      winners: n,
      thrownAway: record.picks === 0 ? 0 : record.picks - n,
      ...(n > 0 ? { meanDrawsEntered: draws / n } : {}),
      arrivedWinners: arrived,
      ...(arrived > 0 ? { meanPeriodsSinceArrival: waited / arrived } : {}),
      applicants,
      won,
      inPool: pool.size,
      classes: [...byWeight]
        .sort(([a], [b]) => a - b)
        .map(([weight, c]) => ({ weight, count: c.count, winners: c.winners })),
    };
  }
}

const options: SimulatePeriodsOptions = {
  policy: presets.beijing2016,
  start: '2019-10',
  periods: 8,
  quota: [12, 30, 9],
  arrivals: [25, 0, 60, 7],
  seed: 'spec-17.7',
  initial: { size: 300 },
  odds: false,
};

describe('simulatePeriods against docs/spec.md §17.7', () => {
  const simulated = [...simulatePeriods(options)];

  it('an independent list-based implementation of the spec gives the same statistics', () => {
    const withoutWinRate = simulated.map((p) => ({
      ...p,
      classes: p.classes.map(({ weight, count, winners }) => ({ weight, count, winners })),
    }));
    const expected = [
      ...independent({
        policy: presets.beijing2016,
        periods: ['2019-10', '2019-12', '2020-02', '2020-04', '2020-06', '2020-08', '2020-10', '2020-12'],
        quota: [12, 30, 9],
        arrivals: [25, 0, 60, 7],
        seed: 'spec-17.7',
        size: 300,
      }),
    ];
    expect(withoutWinRate).toEqual(expected);
    // Steps grow during the run: the heaviest class of the last pool is heavier than the first's.
    expect(simulated.at(-1)!.classes.at(-1)!.weight).toBeGreaterThan(simulated[0]!.classes.at(-1)!.weight);
  });

  it('matches its test vector (test/vectors/simulate/simulate-periods.json)', () => {
    const file = join(import.meta.dirname, '..', 'vectors', 'simulate', 'simulate-periods.json');
    const vector = {
      description: 'docs/spec.md §17.7: simulatePeriods, beijing2016, 8 draws',
      options,
      expect: simulated,
    };
    const json = `${JSON.stringify({ ...vector, options: { ...options, policy: 'beijing2016' } }, null, 2)}\n`;
    if (process.env['UPDATE_VECTORS'] === '1') writeFileSync(file, json);
    expect(readFileSync(file, 'utf8')).toBe(json);
  });
});

import { describe, expect, it } from 'vitest';
import {
  createPool,
  drawLottery,
  presets,
  safeSelfCheck,
  selfCheck,
  syntheticBeijingRecords,
  type AuditRecord,
  type Pool,
  type SelfCheckResult,
} from '../../src/index';
import { thrownAwayTest } from '../../src/odds/internal/thrownAwayPicks';
import { deriveDefaultKey } from '../../src/rng/deriveDefaultKey';
import { Rc4WordSource } from '../../src/rng/Rc4WordSource';
import { uniformIndex } from '../../src/rng/uniformIndex';

// 20,000 Beijing-like applications: codes are 4 random digits then the submission serial, so code
// order and submission order differ, as in the real pool.
const pool = createPool(syntheticBeijingRecords({ size: 20_000, seed: 'self-check' }), {
  policy: presets.beijing2016,
});
const QUOTA = 500;
const honest = (seed: string): AuditRecord => drawLottery(pool, { quota: QUOTA, seed, generator: 'default' }).record;

// Every entry of every code, to forge winning entries that fit the layout.
const entriesOf: number[][] = Array.from({ length: pool.size }, () => []);
for (let e = 1; e <= pool.totalEntries; e++) entriesOf[pool.indexAtEntry(e)]!.push(e);

/**
 * A doctored draw: an honest draw over the same codes with weights bent by `bend`, written as if
 * drawn from the real pool — each winner at one of its real entries, chosen uniformly (so only
 * the bend shows), picks as the honest record of the real pool would have them.
 */
function doctored(seed: string, bend: (weight: number, serial: number, index: number) => number): AuditRecord {
  const bent = createPool(
    Array.from(pool.applications(), (a, i) => ({ code: a.code, weight: bend(a.weight, Number(a.code.slice(4)), i) })),
    { policy: presets.explicit },
  );
  const words = Rc4WordSource.fromKey(deriveDefaultKey(seed, 'forge'));
  const { winners } = drawLottery(bent, { quota: QUOTA, seed, generator: 'default' });
  const real = honest(seed);
  return {
    ...real,
    winners: winners.map((w) => {
      const entries = entriesOf[pool.indexOf(w.code)]!;
      return { ...w, entry: entries[uniformIndex(words, entries.length)]! };
    }),
  };
}

const failed = (result: SelfCheckResult): string[] => result.tests.filter((t) => !t.passed).map((t) => t.name);

describe('selfCheck', () => {
  it('an honest draw passes every test, with the thresholds it states', () => {
    const result = selfCheck(pool, honest('honest-0'));
    expect(result.ok).toBe(true);
    expect(result.alpha).toBe(0.001);
    expect(result.skipped).toEqual([]);
    expect(result.tests.filter((t) => t.name !== 'weight-class').map((t) => t.name)).toEqual([
      'winners-in-pool',
      'weight-classes',
      'code-order',
      'submission-order',
      'entry-passes',
      'thrown-away-picks',
    ]);
    const classes = result.tests.filter((t) => t.name === 'weight-class');
    expect(classes.map((t) => t.weight)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const t of result.tests)
      expect(t.threshold).toBeCloseTo(t.name === 'weight-class' ? 0.001 / 6 / 11 : 0.001 / 6, 15);
  });

  it('honest draws: no false alarm in 150 seeds at alpha 0.001, and p-values spread as they should', () => {
    let alarms = 0;
    let belowTenth = 0;
    let tests = 0;
    for (let s = 0; s < 150; s++) {
      const result = selfCheck(pool, honest(`honest-${s}`));
      if (!result.ok) alarms++;
      for (const t of result.tests) {
        if (t.name === 'winners-in-pool' || t.name === 'weight-class') continue;
        tests++;
        if (t.pValue < 0.1) belowTenth++;
      }
    }
    expect(alarms).toBe(0);
    // About 10 % of honest p-values fall below 0.1 (a little fewer: the tests are conservative).
    expect(belowTenth / tests).toBeGreaterThan(0.04);
    expect(belowTenth / tests).toBeLessThan(0.16);
  });

  it('flags a draw that favours early submissions (the 2012 visa lottery failure)', () => {
    // Applications in the first fifth of serials get three times their weight.
    const cut = [...pool.applications()].map((a) => Number(a.code.slice(4))).sort((a, b) => a - b)[4000]!;
    const result = selfCheck(
      pool,
      doctored('early', (w, serial) => (serial < cut ? 3 * w : w)),
    );
    expect(result.ok).toBe(false);
    expect(failed(result)).toContain('submission-order');
    expect(failed(result)).not.toContain('winners-in-pool');
  });

  it('flags a draw that gives one step class three times its weight', () => {
    const result = selfCheck(
      pool,
      doctored('step', (w) => (w === 5 ? 3 * w : w)),
    );
    expect(result.ok).toBe(false);
    expect(failed(result)).toContain('weight-classes');
    expect(result.tests.find((t) => t.name === 'weight-class' && t.weight === 5)!.passed).toBe(false);
  });

  it('flags winning entries that are all first entries, and a pick count that does not fit', () => {
    const real = honest('entries');
    const firstEntries = { ...real, winners: real.winners.map((w) => ({ ...w, entry: pool.indexOf(w.code) + 1 })) };
    expect(failed(selfCheck(pool, firstEntries))).toEqual(['entry-passes']);
    expect(failed(selfCheck(pool, { ...real, picks: real.picks + 60 }))).toEqual(['thrown-away-picks']);
  });

  it('winners that cannot come from this pool fail before any statistics', () => {
    const real = honest('structure');
    const [first, second] = real.winners;
    const moved = { ...real, winners: [{ ...first!, entry: first!.entry === 1 ? 2 : 1 }, ...real.winners.slice(1)] };
    const twice = { ...real, winners: [first!, first!, ...real.winners.slice(2)] };
    const short = { ...real, winners: real.winners.slice(1) };
    const stranger = { ...real, winners: [{ ...second!, code: '0000000000000' }, ...real.winners.slice(1)] };
    for (const record of [moved, twice, short, stranger]) {
      const result = selfCheck(pool, record);
      expect(result.ok).toBe(false);
      expect(result.tests.map((t) => t.name)).toEqual(['winners-in-pool']);
      expect(result.skipped.length).toBe(6);
    }
  });

  it('everyone wins: nothing to test but the list', () => {
    const small = createPool(
      [
        { code: '0001100000001', weight: 1 },
        { code: '2345100000002', weight: 3 },
      ],
      { policy: presets.explicit },
    );
    const result = selfCheck(small, drawLottery(small, { quota: 5, seed: 'x', generator: 'default' }).record);
    expect(result.ok).toBe(true);
    expect(result.tests.map((t) => t.name)).toEqual(['winners-in-pool']);
  });

  it('refuses a record of another pool, a malformed record and a bad alpha', () => {
    const other: Pool = createPool([{ code: '0001100000001', weight: 1 }], { policy: presets.explicit });
    const record = honest('other');
    expect(safeSelfCheck(other, record)).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_record', path: ['record', 'pool', 'digest'] }],
    });
    expect(safeSelfCheck(pool, { ...record, quota: 'many' })).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_record', path: ['record', 'quota'] }],
    });
    expect(safeSelfCheck(pool, record, { alpha: 1 })).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_value', path: ['options', 'alpha'] }],
    });
  });

  it('thrown-away picks: a sum of geometric variables, exact', () => {
    // One winner already in with half the entries: Geometric(1/2) thrown away before the second.
    const test = thrownAwayTest(Float64Array.of(0, 0.5), 3);
    expect(test.expected).toBe(1);
    // P(X ≥ 3) = 1/8, P(X ≤ 3) = 15/16: two-sided 1/4.
    expect(test.pValue).toBeCloseTo(0.25, 14);
    expect(thrownAwayTest(Float64Array.of(0, 0.5), 0).pValue).toBe(1);
  });
});

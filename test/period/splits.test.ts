import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPeriod, presets, splitCategory, type CategoryNotice, type Policy } from '../../src/index';

describe('published splits (presets)', () => {
  const parts = (policy: Policy, category: 'nev' | 'ordinary'): Record<string, number> => {
    const notice = policy.allocation!.notices.find((n) => n.category === category)!;
    const split = splitCategory(notice, policy.allocation!.rounding);
    if ('problem' in split) throw new Error(split.problem);
    return Object.fromEntries(split.parts);
  };
  it('NEV 2023: family 50,880, individual 12,720, unit 3,600, operating 2,800', () => {
    expect(parts(presets.beijing2023, 'nev')).toEqual({
      family: 50_880,
      individual: 12_720,
      unit: 3_600,
      operating: 2_800,
    });
  });
  it('NEV 2024: 58,400 / 14,600 / 4,000 / 3,000', () => {
    expect(parts(presets.beijing2024, 'nev')).toEqual({
      family: 58_400,
      individual: 14_600,
      unit: 4_000,
      operating: 3_000,
    });
  });
  it('ordinary 2024: family + individual 19,200, unit 800, half in June and half in December', () => {
    expect(parts(presets.beijing2024, 'ordinary')).toEqual({ 'family+individual': 19_200, unit: 800 });
    for (const period of ['2024-h1', '2024-h2']) {
      const { plan } = planPeriod({}, presets.beijing2024, { period });
      const ordinary = plan.subDraws.filter((d) => d.category === 'ordinary').map((d) => [d.label, d.baseQuota]);
      expect(ordinary).toEqual([
        ['ordinary/unit', 400],
        ['ordinary/family+individual', 9_600],
      ]);
    }
  });
});

describe('split properties', () => {
  const noticeArb = fc
    .record({
      total: fc.integer({ min: 0, max: 200_000 }),
      fixed: fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 3 }),
      shares: fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 100 }).map((p) => (p / 100).toFixed(2)),
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 3, max: 7 })).map(([a, b]) => `${a}/${b}`),
        ),
        { maxLength: 2 },
      ),
      rounding: fc.constantFrom('floor' as const, 'half-up' as const, 'half-even' as const),
    })
    .map(({ total, fixed, shares, rounding }) => ({
      rounding,
      notice: {
        category: 'nev',
        total,
        fixed: fixed.map((amount, i) => ({ part: `fixed${i}`, amount })),
        shares: shares.map((share, i) => ({ part: `share${i}`, share })),
        rest: 'rest',
      } satisfies CategoryNotice,
    }));
  it('parts add up to the total exactly, none negative, or the notice is refused', () => {
    fc.assert(
      fc.property(noticeArb, ({ notice, rounding }) => {
        const split = splitCategory(notice, rounding);
        const fixed = notice.fixed.reduce((s, f) => s + f.amount, 0);
        if ('problem' in split) {
          expect(fixed > notice.total || notice.shares.length > 1).toBe(true);
          return;
        }
        const values = [...split.parts.values()];
        expect(values.reduce((a, b) => a + b, 0)).toBe(notice.total);
        for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it('periods of a year add up to the annual part (through-shares telescope)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (individuals) => {
        const policy: Policy = {
          ...presets.beijing2016,
          allocation: {
            ...presets.beijing2016.allocation!,
            notices: [
              {
                category: 'ordinary',
                total: individuals + 7,
                fixed: [{ part: 'unit', amount: 7 }],
                shares: [],
                rest: 'individual',
              },
            ],
          },
        };
        const sum = ['02', '04', '06', '08', '10', '12']
          .map(
            (m) =>
              planPeriod({}, policy, {
                period: `2018-${m}`,
                quotas: { 'nev/unit': 0, 'nev/individual': 0 },
              }).plan.subDraws.find((d) => d.label === 'ordinary/individual')!.baseQuota,
          )
          .reduce((a, b) => a + b, 0);
        expect(sum).toBe(individuals);
      }),
      { numRuns: 50 },
    );
  });
});

// Nothing ambiguous accepted silently: totals beyond 2^32 − 1, a plan edited after it was made,
// a personId's length counted one way only; and a period record made by another version verifies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyShare,
  createPool,
  familyPoints,
  periodRecordDigest,
  planDigest,
  planPeriod,
  recordDigest,
  presets,
  runPeriod,
  safeFamilyPoints,
  safeRunPeriod,
  verifyPeriod,
  YaohaoError,
  type Individual2021Record,
  type Policy,
} from '../../src/index';

const issueOf = (run: () => unknown): { code: string; path: unknown[] } => {
  try {
    run();
  } catch (error) {
    if (!(error instanceof YaohaoError)) throw error;
    return { code: error.issues[0]!.code, path: [...error.issues[0]!.path] };
  }
  throw new Error('expected a YaohaoError');
};

describe('totals above 2^32 − 1', () => {
  // A policy whose points per step are huge: any step makes the total exceed what a weight can hold.
  const generous: Policy = {
    ...presets.beijing2024,
    id: 'generous',
    family: { ...presets.beijing2024.family!, pointsPerStep: 2 ** 31 },
  };
  const family = {
    kind: 'family',
    code: '3000000000001',
    members: [
      { personId: 'a', role: 'main', steps: 1 },
      { personId: 'b', role: 'spouse', steps: 1 },
    ],
  };

  it('familyPoints refuses them (as the spec says), and so do pools and rankings', () => {
    expect(issueOf(() => familyPoints(family, generous))).toEqual({ code: 'invalid_value', path: ['members'] });
    expect(safeFamilyPoints(family, generous)).toMatchObject({ success: false });
    expect(issueOf(() => createPool([family], { policy: generous }))).toEqual({
      code: 'invalid_value',
      path: [0, 'members'],
    });
    expect(
      issueOf(() =>
        planPeriod({ nevFamilies: [family] }, generous, { period: '2024-h1', quotas: { 'nev/family': 1 } }),
      ),
    ).toEqual({ code: 'invalid_value', path: ['input', 'nevFamilies', 0, 'members'] });
    // The same family under the preset is fine.
    expect(familyPoints(family, presets.beijing2024).total).toBe((3 + 2) * 2 * 1);
  });
});

describe('runPeriod and plans', () => {
  const input = {
    ordinaryUnits: [{ code: '1000000000001' }, { code: '1000000000002' }],
    ordinary: [{ code: '1000000000003', personId: 'p', drawsTo2020: 7 }],
  };
  const quotas = { 'ordinary/unit': 1, 'ordinary/family+individual': 1 };
  const { plan, pools } = planPeriod(input, presets.beijing2024, { period: '2024-h2', quotas });

  it('refuses a plan whose digest does not match its content', () => {
    const edited = { ...plan, subDraws: plan.subDraws.map((d) => ({ ...d, quota: d.quota + 1 })) };
    expect(issueOf(() => runPeriod(edited, pools, { seed: 's' }))).toEqual({
      code: 'invalid_value',
      path: ['plan', 'digest'],
    });
    expect(safeRunPeriod({ ...plan, total: 99 }, pools, { seed: 's' })).toMatchObject({ success: false });
    expect(safeRunPeriod({ ...plan, extra: 1 } as never, pools, { seed: 's' })).toMatchObject({ success: false });
  });

  it('verifies a record made by another version of yaohao (the engine is informative)', () => {
    const { record } = runPeriod(plan, pools, { seed: 's' });
    // Re-seal everything as an older engine would have written it.
    const engine = 'yaohao 0.0.9';
    const olderPlan = { ...plan, engine };
    const sealedPlan = { ...olderPlan, digest: planDigest(olderPlan) };
    const results = record.results.map((r) =>
      r.method === 'lottery' && r.record !== undefined
        ? { ...r, record: { ...r.record, engine, digest: recordDigest({ ...r.record, engine }) } }
        : r,
    );
    const older = { ...record, engine, plan: sealedPlan, results };
    const sealed = { ...older, digest: periodRecordDigest(older) };
    expect(verifyPeriod(sealed, pools)).toEqual({ ok: true });
    // A real difference in the plan is still found, and named.
    const otherQuotas = planPeriod(input, presets.beijing2024, {
      period: '2024-h2',
      quotas: { ...quotas, 'ordinary/unit': 2 },
    });
    expect(verifyPeriod(record, otherQuotas.pools)).toMatchObject({ ok: false, reason: 'plan-mismatch' });
    expect((verifyPeriod(record, otherQuotas.pools) as { message: string }).message).toMatch(
      /subDraws\[0\]\.baseQuota/,
    );
  });
});

describe('personId length', () => {
  const individual = (personId: string): Individual2021Record => ({
    code: '1000000000009',
    personId,
    drawsTo2020: 3,
  });
  it('counts Unicode code points: 200 astral characters are fine, 201 characters are not', () => {
    const astral = '😀'.repeat(200); // 400 UTF-16 code units
    expect(createPool([individual(astral)], { policy: presets.beijing2024 }).size).toBe(1);
    expect(createPool([individual('x'.repeat(200))], { policy: presets.beijing2024 }).size).toBe(1);
    expect(issueOf(() => createPool([individual('😀'.repeat(201))], { policy: presets.beijing2024 }))).toMatchObject({
      path: [0, 'personId'],
    });
    expect(issueOf(() => createPool([individual('x'.repeat(201))], { policy: presets.beijing2024 }))).toMatchObject({
      path: [0, 'personId'],
    });
  });
});

describe('quota splits round the exact product', () => {
  it('1/3 and 1/6 are fractions, not 0.333… or 0.1666…7 (floor and half-even were off by one)', () => {
    expect(applyShare(6, '1/3', 'floor')).toBe(2);
    expect(applyShare(3, '1/6', 'half-even')).toBe(0);
    expect(applyShare(9, '1/6', 'half-even')).toBe(2);
    expect(applyShare(3, '1/6', 'half-up')).toBe(1);
    expect(applyShare(73_000, '0.8', 'half-up')).toBe(58_400);
  });

  it('agrees with BigInt rational arithmetic for every rounding', () => {
    const rounding = fc.constantFrom('floor' as const, 'half-up' as const, 'half-even' as const);
    fc.assert(
      fc.property(fc.nat(10 ** 12), fc.nat(1000), fc.integer({ min: 1, max: 1000 }), rounding, (a, p, q, r) => {
        const n = BigInt(a) * BigInt(p);
        const d = BigInt(q);
        const floor = n / d;
        const twice = 2n * (n % d);
        const up = r !== 'floor' && (twice > d || (twice === d && (r === 'half-up' || floor % 2n === 1n)));
        expect(applyShare(a, `${p}/${q}`, r)).toBe(Number(floor + (up ? 1n : 0n)));
        // A decimal share is the fraction of its digits.
        expect(applyShare(a, `0.${String(p % 1000).padStart(3, '0')}`, r)).toBe(applyShare(a, `${p % 1000}/1000`, r));
      }),
    );
  });
});

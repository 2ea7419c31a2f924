import { describe, expect, it } from 'vitest';
import {
  planPeriod,
  presets,
  runPeriod,
  safePlanPeriod,
  safeRunPeriod,
  syntheticPeriodInput,
  verifyPeriod,
  type Issue,
  type PeriodInput,
  type PeriodRecord,
} from '../../src/index';

// A 2024-style population, and quotas scaled down so that every sub-draw is contested.
const input = syntheticPeriodInput({
  year: 2024,
  nevUnits: 120,
  nevOperators: 60,
  nevFamilies: 900,
  nevIndividuals: 1500,
  ordinaryUnits: 300,
  ordinaryIndividuals: 4000,
  ordinaryFamilies: 500,
});
const quotas = {
  'nev/unit': 40,
  'nev/operating': 20,
  'nev/family': 300,
  'nev/individual': 200,
  'ordinary/unit': 25,
  'ordinary/family+individual': 350,
};
const planned = planPeriod(input, presets.beijing2024, { period: '2024-h1', quotas });

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('a full 2024-style period', () => {
  it('plans every sub-draw in order, with quotas that add up', () => {
    const { plan } = planned;
    expect(plan.subDraws.map((d) => [d.label, d.method, d.quota, d.allocated])).toEqual([
      ['nev/unit', 'ranking', 40, 40],
      ['nev/operating', 'ranking', 20, 20],
      ['nev/family', 'ranking', 300, 300],
      ['nev/individual', 'ranking', 200, 200],
      ['ordinary/unit', 'lottery', 25, 25],
      ['ordinary/family+individual', 'lottery', 350, 350],
    ]);
    expect(plan.total).toBe(935);
    expect(plan.subDraws.reduce((s, d) => s + d.allocated, 0) + plan.unallocated).toBe(plan.total);
    // NEV families beyond the 300 served that asked for it continue into the ordinary pool.
    const ordinary = plan.subDraws.find((d) => d.label === 'ordinary/family+individual')!;
    expect(ordinary.joinedFamilies).toBeGreaterThan(200);
    expect(ordinary.pool).toMatchObject({ size: 4500 + ordinary.joinedFamilies! });
  });

  it('runs, records, and replays', () => {
    const { record, results } = runPeriod(planned.plan, planned.pools, { seed: 'beacon 2024-06-26' });
    expect(results.map((r) => r.winners.length)).toEqual([40, 20, 300, 200, 25, 350]);
    const winners = results.flatMap((r) => r.winners.map((w) => w.code));
    expect(new Set(winners).size).toBe(winners.length); // nobody wins twice in a period
    expect(verifyPeriod(clone(record), planned.pools)).toEqual({ ok: true });
    // An auditor rebuilds the entrants from the published input and gets the same plan.
    const again = planPeriod(clone(input), presets.beijing2024, { period: '2024-h1', quotas });
    expect(again.plan.digest).toBe(planned.plan.digest);
    expect(verifyPeriod(clone(record), again.pools)).toEqual({ ok: true });
  });

  it('does not depend on the order of the input lists', () => {
    const reversed: PeriodInput = Object.fromEntries(
      Object.entries(input).map(([list, records]) => [list, [...(records as unknown[])].reverse()]),
    );
    expect(planPeriod(reversed, presets.beijing2024, { period: '2024-h1', quotas }).plan.digest).toBe(
      planned.plan.digest,
    );
  });

  it.each(['nev/unit', 'nev/operating', 'nev/family', 'nev/individual', 'ordinary/unit', 'ordinary/family+individual'])(
    'detects a tampered winner in %s',
    (label) => {
      const { record } = runPeriod(planned.plan, planned.pools, { seed: 'beacon 2024-06-26' });
      const tampered = clone(record) as unknown as {
        results: { label: string; winners: { code: string }[]; record?: { winners: { code: string }[] } }[];
      };
      const result = tampered.results.find((r) => r.label === label)!;
      const replacement = '0000000000000';
      result.winners[3]!.code = replacement;
      if (result.record !== undefined) result.record.winners[3]!.code = replacement;
      const verdict = verifyPeriod(tampered, planned.pools);
      expect(verdict).toMatchObject({ ok: false, reason: 'result-mismatch', subDraw: label, position: 3 });
    },
  );

  it('detects a changed seed, plan or digest', () => {
    const { record } = runPeriod(planned.plan, planned.pools, { seed: 'beacon 2024-06-26' });
    expect(verifyPeriod({ ...clone(record), seed: 'another seed' }, planned.pools)).toMatchObject({
      ok: false,
      subDraw: 'ordinary/unit',
    });
    const editedPlan = clone(record) as PeriodRecord & { plan: { total: number } };
    editedPlan.plan.total += 1;
    expect(verifyPeriod(editedPlan, planned.pools)).toMatchObject({ ok: false, reason: 'plan-mismatch' });
    expect(verifyPeriod({ ...clone(record), engine: 'x' }, planned.pools)).toMatchObject({
      ok: false,
      reason: 'digest-mismatch',
    });
    const otherPools = planPeriod(input, presets.beijing2024, {
      period: '2024-h1',
      quotas: { ...quotas, 'nev/unit': 41 },
    }).pools;
    expect(verifyPeriod(clone(record), otherPools)).toMatchObject({ ok: false, reason: 'plan-mismatch' });
  });

  it('legacy: one ceremony seed per lottery sub-draw', () => {
    const legacy = planPeriod(input, presets.beijing2024, { period: '2024-h1', quotas, generator: 'legacy' });
    const seeds = { 'ordinary/unit': '481516', 'ordinary/family+individual': '033859' };
    const { record } = runPeriod(legacy.plan, legacy.pools, { seeds });
    expect(verifyPeriod(clone(record), legacy.pools)).toEqual({ ok: true });
    const missing = safeRunPeriod(legacy.plan, legacy.pools, { seeds: { 'ordinary/unit': '1' } });
    expect(missing.success).toBe(false);
    if (!missing.success)
      expect(missing.issues[0]).toMatchObject({
        code: 'invalid_seed',
        path: ['options', 'seeds', 'ordinary/family+individual'],
      });
  });

  it('outputs carry codes, never person ids', () => {
    const { record } = runPeriod(planned.plan, planned.pools, { seed: 'beacon 2024-06-26' });
    expect(JSON.stringify(record)).not.toMatch(/person-/);
  });
});

describe('leftovers and unused quota', () => {
  it('unused family quota goes to individuals; other unused quota is reported unallocated', () => {
    const { plan } = planPeriod(input, presets.beijing2024, {
      period: '2024-h1',
      quotas: { ...quotas, 'nev/family': 1000, 'nev/unit': 150 },
    });
    const family = plan.subDraws.find((d) => d.label === 'nev/family')!;
    const individual = plan.subDraws.find((d) => d.label === 'nev/individual')!;
    expect(family).toMatchObject({ quota: 1000, allocated: 900, leftover: 100, leftoverTo: 'nev/individual' });
    expect(individual).toMatchObject({ baseQuota: 200, inflow: 100, quota: 300, allocated: 300 });
    expect(plan.unallocated).toBe(30); // units: 150 quota, 120 entrants
    expect(plan.subDraws.find((d) => d.label === 'ordinary/family+individual')!.joinedFamilies).toBe(0);
  });
  it('with the published 2024 figures everyone in a small population is served', () => {
    const { plan } = planPeriod(input, presets.beijing2024, { period: '2024-h1' });
    expect(plan.total).toBe(80_000 + 10_000);
    expect(plan.subDraws.reduce((s, d) => s + d.allocated, 0) + plan.unallocated).toBe(plan.total);
  });
});

describe('pre-2021 periods', () => {
  it('2016–2020: NEV by queue, ordinary lotteries every two months, quotas from the notice', () => {
    const old: PeriodInput = {
      nevIndividuals: Array.from({ length: 50 }, (_, i) => ({
        code: String(7_000_000_000_000 + i),
        queueSince: `2017-0${1 + (i % 9)}-1${i % 10}T08:00:00.${String(i).padStart(3, '0')}+08:00`,
      })),
      nevUnits: [{ code: '6000000000001', queueSince: '2017-05-01T00:00:00+08:00' }],
      ordinaryUnits: Array.from({ length: 30 }, (_, i) => ({ code: String(5_000_000_000_000 + i) })),
      ordinary: Array.from({ length: 200 }, (_, i) => ({ code: String(1_000_000_000_000 + i * 3), draws: i % 40 })),
    };
    const { plan, pools } = planPeriod(old, presets.beijing2016, {
      period: '2018-06',
      quotas: { 'nev/unit': 1, 'nev/individual': 10, 'ordinary/unit': 5, 'ordinary/individual': 20 },
    });
    expect(plan.subDraws.map((d) => [d.label, d.method, d.allocated])).toEqual([
      ['nev/unit', 'ranking', 1],
      ['nev/individual', 'ranking', 10],
      ['ordinary/unit', 'lottery', 5],
      ['ordinary/individual', 'lottery', 20],
    ]);
    const { record } = runPeriod(plan, pools, { seed: '123456' });
    expect(verifyPeriod(clone(record), pools)).toEqual({ ok: true });
  });
  it('2014–2015: new-energy quotas by lottery', () => {
    const { plan } = planPeriod(
      { nevIndividuals: [{ code: '1000000000001' }, { code: '1000000000002' }] },
      presets.beijing2014,
      {
        period: '2015-04',
        quotas: { 'nev/individual': 1, 'ordinary/unit': 0, 'ordinary/individual': 0 },
      },
    );
    expect(plan.subDraws[0]).toMatchObject({ label: 'nev/individual', method: 'lottery', quota: 1, allocated: 1 });
  });
});

describe('planPeriod errors (all at once, with paths)', () => {
  const issuesOf = (...args: Parameters<typeof safePlanPeriod>): readonly Issue[] => {
    const result = safePlanPeriod(...args);
    if (result.success) throw new Error('expected failure');
    return result.issues;
  };
  it('a period the policy does not have', () => {
    expect(issuesOf({}, presets.beijing2024, { period: '2024-h3' })[0]).toMatchObject({
      code: 'invalid_value',
      path: ['options', 'period'],
    });
    expect(issuesOf({}, presets.beijing2024, { period: '2023-h1' })[0]).toMatchObject({
      message: expect.stringContaining('is for 2024'),
    });
  });
  it('a year whose split the policy does not carry needs options.quotas', () => {
    expect(issuesOf({}, presets.beijing2022, { period: '2022-h1' }).map((i) => i.path)).toContainEqual([
      'options',
      'quotas',
      'nev/family',
    ]);
  });
  it('unknown or unused input lists', () => {
    expect(issuesOf({ nevFamilys: [] } as PeriodInput, presets.beijing2024, { period: '2024-h1' })[0]).toMatchObject({
      code: 'unknown_field',
      path: ['input', 'nevFamilys'],
    });
    expect(issuesOf({ nevFamilies: [{}] }, presets.beijing2024, { period: '2024-h2' })[0]).toMatchObject({
      path: ['input', 'nevFamilies'],
      message: expect.stringContaining('no sub-draw'),
    });
  });
  it('bad records, named by list and index', () => {
    const issues = issuesOf(
      {
        nevIndividuals: [{ code: '1000000000001' }, { code: '1000000000002', queueSince: '2020-02-30T00:00:00+08:00' }],
        nevFamilies: [{ kind: 'family', code: '2000000000001', alsoOrdinary: 'yes', members: [] }],
        ordinary: [{ code: '3000000000001', personId: 'x', draws: 1 }],
      },
      presets.beijing2024,
      { period: '2024-h1' },
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['missing_field', ['input', 'nevIndividuals', 0, 'queueSince']],
        ['invalid_value', ['input', 'nevIndividuals', 1, 'queueSince']],
        ['invalid_type', ['input', 'nevFamilies', 0, 'alsoOrdinary']],
      ]),
    );
  });
  it('one application per code and per person across lists', () => {
    const issues = issuesOf(
      {
        nevIndividuals: [{ code: '1000000000001', queueSince: '2020-01-01T00:00:00+08:00', personId: 'p1' }],
        ordinary: [
          { code: '1000000000001', personId: 'p9' },
          { code: '1000000000002', personId: 'p1' },
        ],
      },
      presets.beijing2024,
      { period: '2024-h1' },
    );
    expect(issues.map((i) => [i.code, i.path, i.relatedPath])).toEqual([
      ['duplicate_code', ['input', 'ordinary', 0, 'code'], ['input', 'nevIndividuals', 0, 'code']],
      ['duplicate_person', ['input', 'ordinary', 1, 'personId'], ['input', 'nevIndividuals', 0, 'personId']],
    ]);
  });
  it('ordinary pool problems point at the input list, even for families that joined from NEV', () => {
    const issues = issuesOf({ ordinary: [{ code: 'bad', personId: 'p' }] }, presets.beijing2024, { period: '2024-h1' });
    expect(issues[0]).toMatchObject({ code: 'invalid_code', path: ['input', 'ordinary', 0, 'code'] });
  });
});

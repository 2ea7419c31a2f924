import { describe, expect, it } from 'vitest';
import { familyPoints, presets, safeCreatePool, safeFamilyPoints, type Issue, type Policy } from '../../src/index';

const m = (personId: string, role: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  personId,
  role,
  ...extra,
});
const family = (members: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'family',
  code: '1234500000001',
  members,
  ...extra,
});

function issuesOf(value: unknown, policy: Policy = presets.beijing2024): readonly Issue[] {
  const result = safeFamilyPoints(value, policy);
  if (result.success) throw new Error('expected failure');
  return result.issues;
}

describe('familyPoints breakdown', () => {
  it('explains every part and shows the formula with the numbers filled in', () => {
    const points = familyPoints(
      family([m('a', 'main', { steps: 5, queueYears: 1 }), m('b', 'spouse', { steps: 5 }), m('c', 'child')], {
        familyYears: 1,
      }),
      presets.beijing2024,
    );
    expect(points).toMatchObject({ total: 68, hasSpouse: true, generations: 2, generationMultiplier: 2, subtotal: 34 });
    expect(points.members[0]).toEqual({
      personId: 'a',
      role: 'main',
      base: 2,
      steps: 5,
      stepPoints: 5,
      queueYears: 1,
      queuePoints: 1,
      familyYearPoints: 1,
      points: 9,
      factor: 2,
    });
    expect(points.members.map((x) => [x.role, x.points, x.factor])).toEqual([
      ['main', 9, 2],
      ['spouse', 7, 2],
      ['child', 2, 1],
    ]);
    expect(points.formula).toBe('((9 + 7) × 2 + 2) × 2 = 68');
  });
  it('lists members in canonical order whatever the input order', () => {
    const points = familyPoints(
      family([m('z', 'child'), m('y', 'spouse-parent'), m('x', 'parent'), m('w', 'spouse'), m('v', 'main')]),
      presets.beijing2024,
    );
    expect(points.members.map((x) => x.role)).toEqual(['main', 'spouse', 'parent', 'spouse-parent', 'child']);
    expect(points.generations).toBe(3);
  });
  it('counts queue years by the policy: full years to the end of the year before, or to a deadline rounding a part year up', () => {
    const since = '2019-03-15T10:00:00.000+08:00';
    const at = (policy: Policy): number =>
      familyPoints(family([m('a', 'main', { queueSince: since }), m('b', 'child')]), policy).members[0]!.queueYears;
    expect(at(presets.beijing2021)).toBe(1); // to 2020-12-31: 1 full year
    expect(at(presets.beijing2024)).toBe(4); // to 2023-12-31
    const oneOff: Policy = {
      ...presets.beijing2021,
      family: {
        ...presets.beijing2021.family!,
        queueYears: {
          countTo: 'deadline',
          deadline: '2020-10-08T24:00:00+08:00'.replace('24:00:00', '23:59:59'),
          partYear: 'round-up',
        },
      },
    };
    expect(at(oneOff)).toBe(2); // 1 full year + a part year rounded up
  });
  it('reads the anniversary in Beijing time, not UTC', () => {
    // 2019-12-31T20:00Z is 2020-01-01 04:00 in Beijing: joining then gives 0 full years by 2020-12-31 (Beijing).
    const points = familyPoints(
      family([m('a', 'main', { queueSince: '2019-12-31T20:00:00Z' }), m('b', 'child')]),
      presets.beijing2021,
    );
    expect(points.members[0]!.queueYears).toBe(0);
    const earlier = familyPoints(
      family([m('a', 'main', { queueSince: '2019-12-31T15:00:00Z' }), m('b', 'child')]),
      presets.beijing2021,
    );
    expect(earlier.members[0]!.queueYears).toBe(1);
  });
});

describe('family validation (each issue with its code and path)', () => {
  it('exactly one main applicant', () => {
    expect(issuesOf(family([m('a', 'spouse'), m('b', 'child')]))).toEqual([
      expect.objectContaining({
        code: 'invalid_family',
        path: ['members'],
        message: expect.stringContaining('exactly one main'),
      }),
    ]);
    expect(issuesOf(family([m('a', 'main'), m('b', 'main')]))[0]).toMatchObject({
      code: 'invalid_family',
      path: ['members'],
    });
  });
  it('at most one spouse', () => {
    expect(issuesOf(family([m('a', 'main'), m('b', 'spouse'), m('c', 'spouse')]))[0]).toMatchObject({
      code: 'invalid_family',
      message: expect.stringContaining('at most one spouse'),
    });
  });
  it('at least two members', () => {
    expect(issuesOf(family([m('a', 'main')]))[0]).toMatchObject({
      code: 'invalid_family',
      message: expect.stringContaining('at least 2 members'),
    });
  });
  it('roles that make sense', () => {
    expect(issuesOf(family([m('a', 'main'), m('b', 'spouse-parent')]))[0]).toMatchObject({
      code: 'invalid_family',
      message: expect.stringContaining('no spouse'),
    });
    expect(issuesOf(family([m('a', 'main'), m('b', 'parent'), m('c', 'parent'), m('d', 'parent')]))[0]).toMatchObject({
      code: 'invalid_family',
      message: expect.stringContaining('two parents'),
    });
    expect(issuesOf(family([m('a', 'main'), m('b', 'cousin')]))[0]).toMatchObject({
      code: 'invalid_value',
      path: ['members', 1, 'role'],
    });
  });
  it('nobody twice', () => {
    expect(issuesOf(family([m('a', 'main'), m('b', 'child'), m('a', 'child')]))[0]).toMatchObject({
      code: 'duplicate_person',
      path: ['members', 2, 'personId'],
      relatedPath: ['members', 0],
    });
  });
  it('no more generations than the policy multiplies', () => {
    const twoGenerations: Policy = {
      ...presets.beijing2024,
      family: { ...presets.beijing2024.family!, generationMultipliers: [1, 2] },
    };
    expect(issuesOf(family([m('a', 'main'), m('b', 'parent'), m('c', 'child')]), twoGenerations)[0]).toMatchObject({
      code: 'invalid_family',
      message: expect.stringContaining('3 generations'),
    });
  });
  it('history fields: steps or draw counts, queueYears or queueSince, real timestamps', () => {
    expect(issuesOf(family([m('a', 'main', { steps: 2, drawsTo2020: 3 }), m('b', 'child')]))[0]).toMatchObject({
      code: 'invalid_value',
      path: ['members', 0, 'steps'],
    });
    expect(
      issuesOf(
        family([m('a', 'main', { queueYears: 2, queueSince: '2020-01-01T00:00:00+08:00' }), m('b', 'child')]),
      )[0],
    ).toMatchObject({ code: 'invalid_value', path: ['members', 0, 'queueYears'] });
    expect(issuesOf(family([m('a', 'main', { queueSince: '2020-01-01 00:00:00' }), m('b', 'child')]))[0]).toMatchObject(
      { code: 'invalid_value', path: ['members', 0, 'queueSince'] },
    );
    expect(
      issuesOf(family([m('a', 'main', { queueSince: '2021-02-29T00:00:00+08:00' }), m('b', 'child')]))[0],
    ).toMatchObject({
      code: 'invalid_value',
      path: ['members', 0, 'queueSince'],
      message: expect.stringContaining('not a real date'),
    });
    expect(
      issuesOf(family([m('a', 'main'), m('b', 'child', { registeredAt: '2021-04-31T08:00:00+08:00' })]))[0],
    ).toMatchObject({
      code: 'invalid_value',
      path: ['members', 1, 'registeredAt'],
      message: 'registeredAt is not a real date and time: "2021-04-31T08:00:00+08:00"',
    });
    expect(issuesOf(family([m('a', 'main', { steps: -1 }), m('b', 'child')]))[0]).toMatchObject({
      code: 'invalid_value',
      path: ['members', 0, 'steps'],
    });
    expect(issuesOf(family([m('', 'main'), m('b', 'child')]))[0]).toMatchObject({ path: ['members', 0, 'personId'] });
    expect(issuesOf(family([m('a', 'main', { name: '张三' }), m('b', 'child')]))[0]).toMatchObject({
      code: 'unknown_field',
      path: ['members', 0, 'name'],
    });
  });
  it('a family rule whose offset or deadline cannot be read is refused', () => {
    const rule = presets.beijing2024.family!;
    const withRule = (family: object): Policy => ({ ...presets.beijing2024, family: { ...rule, ...family } });
    const couple = family([m('a', 'main'), m('b', 'spouse')]);
    expect(issuesOf(couple, withRule({ utcOffset: '+24:00' }))[0]).toMatchObject({
      code: 'invalid_policy',
      path: ['options', 'policy', 'family', 'utcOffset'],
    });
    const deadline = (text: string): Policy =>
      withRule({ queueYears: { countTo: 'deadline', deadline: text, partYear: 'round-up' } });
    expect(issuesOf(couple, deadline('2020-02-30T00:00:00+08:00'))[0]).toMatchObject({
      code: 'invalid_policy',
      path: ['options', 'policy', 'family', 'queueYears', 'deadline'],
    });
    expect(issuesOf(couple, deadline('2020-12-31'))[0]).toMatchObject({ code: 'invalid_policy' });
    expect(safeFamilyPoints(couple, deadline('2020-12-31T23:59:59+08:00')).success).toBe(true);
  });
  it('a policy without family rules is refused', () => {
    expect(issuesOf(family([m('a', 'main'), m('b', 'child')]), presets.beijing2016)[0]).toMatchObject({
      code: 'invalid_policy',
    });
  });
});

describe('mixed pool cross-checks (before any draw)', () => {
  const issuesOfPool = (records: unknown[], policy: Policy = presets.beijing2024): readonly Issue[] => {
    const result = safeCreatePool(records, { policy });
    if (result.success) throw new Error('expected failure');
    return result.issues;
  };
  const fam = (code: string, ids: string[]): Record<string, unknown> => ({
    kind: 'family',
    code,
    members: ids.map((id, i) => m(id, i === 0 ? 'main' : 'child')),
  });

  it('a person in a family may not also be an individual applicant', () => {
    expect(issuesOfPool([fam('1000000000001', ['p1', 'p2']), { code: '2000000000001', personId: 'p2' }])).toEqual([
      expect.objectContaining({
        code: 'duplicate_person',
        path: [1, 'personId'],
        relatedPath: [0, 'members', 1, 'personId'],
      }),
    ]);
  });
  it('nor in two families', () => {
    expect(issuesOfPool([fam('1000000000001', ['p1', 'p2']), fam('1000000000002', ['p3', 'p1'])])[0]).toMatchObject({
      code: 'duplicate_person',
      path: [1, 'members', 1, 'personId'],
      relatedPath: [0, 'members', 0, 'personId'],
      message: expect.not.stringContaining('p1'),
    });
  });
  it('a family code may not also be an individual code', () => {
    expect(
      issuesOfPool([fam('1000000000001', ['p1', 'p2']), { code: '1000000000001', personId: 'p9' }])[0],
    ).toMatchObject({
      code: 'duplicate_code',
      path: [1, 'code'],
      relatedPath: [0],
      message: expect.stringContaining('an individual application here and a family one'),
    });
  });
  it('individuals under a 2021– policy need a personId and a history in the 2021 shape', () => {
    expect(issuesOfPool([{ code: '2000000000001' }])[0]).toMatchObject({
      code: 'missing_field',
      path: [0, 'personId'],
    });
    expect(issuesOfPool([{ code: '2000000000001', personId: 'x', draws: 4 }])[0]).toMatchObject({
      code: 'unknown_field',
      path: [0, 'draws'],
    });
    expect(issuesOfPool([{ code: '2000000000001', personId: 'x', steps: 0 }])[0]).toMatchObject({
      code: 'invalid_value',
      path: [0, 'steps'],
    });
  });
  it('families need a 2021– policy', () => {
    expect(issuesOfPool([fam('1000000000001', ['p1', 'p2'])], presets.beijing2016)[0]).toMatchObject({
      path: [0, 'kind'],
    });
  });
  it('reports in input order', () => {
    const issues = issuesOfPool([
      fam('1000000000001', ['p1', 'p2']),
      { code: '1000000000001', personId: 'q' },
      { code: '3000000000001', personId: 'p1' },
    ]);
    expect(issues.map((i) => i.path[0])).toEqual([1, 2]);
  });
});

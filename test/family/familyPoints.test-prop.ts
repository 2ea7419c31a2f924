import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyPoints, presets, steps2021, stepsForDraws, type FamilyRole, type Policy } from '../../src/index';

const policies = [presets.beijing2021, presets.beijing2022, presets.beijing2023, presets.beijing2024];
const history = fc.oneof(
  fc.record({ steps: fc.nat(20) }),
  fc.record({ drawsTo2020: fc.nat(80), drawsSince2021: fc.nat(10), c5: fc.boolean() }),
  fc.record({ queueYears: fc.nat(6) }),
  fc.record({
    queueSince: fc
      .date({ min: new Date('2011-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  }),
  fc.constant({}),
);
const member = (role: FamilyRole): fc.Arbitrary<Record<string, unknown>> => history.map((h) => ({ role, ...h }));

// Valid families: a main applicant, maybe a spouse, up to two parents each side, some children.
const familyArb = fc
  .record({
    main: member('main'),
    spouse: fc.option(member('spouse'), { nil: undefined }),
    parents: fc.array(member('parent'), { maxLength: 2 }),
    spouseParents: fc.array(member('spouse-parent'), { maxLength: 2 }),
    children: fc.array(member('child'), { maxLength: 3 }),
    familyYears: fc.nat(3),
  })
  .filter((f) => f.spouse !== undefined || f.spouseParents.length === 0)
  .filter((f) => 1 + (f.spouse ? 1 : 0) + f.parents.length + f.spouseParents.length + f.children.length >= 2)
  .map((f) => {
    const members = [f.main, ...(f.spouse ? [f.spouse] : []), ...f.parents, ...f.spouseParents, ...f.children].map(
      (x, i): Record<string, unknown> & { personId: string; role: FamilyRole } => ({
        personId: `person-${i}`,
        ...(x as { role: FamilyRole }),
      }),
    );
    return { kind: 'family', code: '1000000000001', familyYears: f.familyYears, members };
  });
const policyArb = fc.constantFrom(...policies);

describe('family points properties', () => {
  it('the total equals the formula recomputed from the breakdown', () => {
    fc.assert(
      fc.property(familyArb, policyArb, (family, policy) => {
        const p = familyPoints(family, policy);
        for (const x of p.members) expect(x.points).toBe(x.base + x.stepPoints + x.queuePoints + x.familyYearPoints);
        const couple = p.members
          .filter((x) => x.role === 'main' || x.role === 'spouse')
          .reduce((s, x) => s + x.points, 0);
        const others = p.members
          .filter((x) => x.role !== 'main' && x.role !== 'spouse')
          .reduce((s, x) => s + x.points, 0);
        expect(p.total).toBe(((p.hasSpouse ? couple * 2 : couple) + others) * p.generations);
        expect(p.formula.endsWith(`= ${p.total}`)).toBe(true);
      }),
    );
  });
  it('permuting members changes nothing', () => {
    fc.assert(
      fc.property(familyArb, policyArb, fc.integer(), (family, policy, seed) => {
        const shuffled = {
          ...family,
          members: [...family.members].sort(
            (a, b) => ((a.personId.charCodeAt(7) * 17 + seed) % 11) - ((b.personId.charCodeAt(7) * 17 + seed) % 11),
          ),
        };
        expect(familyPoints(shuffled, policy)).toEqual(familyPoints(family, policy));
      }),
    );
  });
  it('adding a member never lowers the total', () => {
    fc.assert(
      fc.property(
        familyArb,
        policyArb,
        fc.constantFrom<FamilyRole>('child', 'parent', 'spouse', 'spouse-parent'),
        history,
        (family, policy, role, extra) => {
          const count = (r: string): number => family.members.filter((x) => x.role === r).length;
          fc.pre(role !== 'spouse' || count('spouse') === 0);
          fc.pre(role !== 'parent' || count('parent') < 2);
          fc.pre(role !== 'spouse-parent' || (count('spouse') === 1 && count('spouse-parent') < 2));
          const bigger = { ...family, members: [...family.members, { personId: 'newcomer', role, ...extra }] };
          expect(familyPoints(bigger, policy).total).toBeGreaterThanOrEqual(familyPoints(family, policy).total);
        },
      ),
    );
  });
  it("a spouse's points count exactly twice (one more spouse point adds 2 × G)", () => {
    fc.assert(
      fc.property(familyArb, policyArb, (family, policy) => {
        const spouse = family.members.find((x) => x.role === 'spouse');
        fc.pre(spouse !== undefined && typeof spouse['steps'] === 'number');
        const plusOne = {
          ...family,
          members: family.members.map((x) => (x === spouse ? { ...x, steps: (x['steps'] as number) + 1 } : x)),
        };
        const before = familyPoints(family, policy);
        expect(familyPoints(plusOne, policy).total - before.total).toBe(2 * before.generations);
      }),
    );
  });
});

describe('steps are monotone in draws entered, for every preset', () => {
  it('ladder presets', () => {
    for (const policy of [presets.beijing2011, presets.beijing2014, presets.beijing2016] as Policy[]) {
      let previous = 0;
      for (let draws = 0; draws < 500; draws++) {
        const steps = stepsForDraws(policy.weights, draws);
        expect(steps).toBeGreaterThanOrEqual(previous);
        previous = steps;
      }
    }
  });
  it('the 2021 rule, in both arguments and both readings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('floor', 'ceil'),
        fc.nat(200),
        fc.nat(200),
        fc.nat(3),
        fc.nat(3),
        (rounding, d2020, d2021, more2020, more2021) => {
          const rule = { ...presets.beijing2024.weights, after2020Rounding: rounding };
          expect(steps2021(rule, d2020 + more2020, d2021 + more2021)).toBeGreaterThanOrEqual(
            steps2021(rule, d2020, d2021),
          );
        },
      ),
    );
  });
});

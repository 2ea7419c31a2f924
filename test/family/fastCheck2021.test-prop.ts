import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FamilyRecordSchema, Individual2021RecordSchema } from '../../src/index';
import { plainFamily, plainIndividual2021 } from '../../src/family/fastCheck2021';
import { historyIssues } from '../../src/family/personHistory';

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const countLike = fc.oneof(
  fc.nat(100),
  fc.integer({ min: -3, max: 3 }),
  fc.double(),
  fc.string(),
  fc.constant(2 ** 60),
);
const timestampLike = fc.oneof(
  fc.constantFrom(
    '2018-01-07T14:56:11.401+08:00',
    '2020-02-29T00:00:00Z',
    '2021-02-29T00:00:00Z',
    '2020-13-01T00:00:00Z',
    '2020-01-01 00:00:00',
    '2019-12-31T23:59:59.9-05:00',
  ),
  fc.string(),
);
const historyArb = fc.record(
  {
    personId: fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constant(''),
      fc.constant('\uD800'),
      fc.string({ minLength: 199, maxLength: 202 }),
      fc.integer(),
    ),
    steps: countLike,
    drawsTo2020: countLike,
    drawsSince2021: countLike,
    c5: fc.oneof(fc.boolean(), fc.constant('yes')),
    queueYears: countLike,
    queueSince: timestampLike,
    registeredAt: timestampLike,
    extra: fc.string(),
  },
  { requiredKeys: [] },
);
const codeLike = fc.oneof(fc.stringMatching(/^[0-9]{13}$/), fc.string(), fc.integer());

const individualArb = fc
  .tuple(historyArb, maybe(fc.constantFrom('individual', 'family', 'x')), codeLike)
  .map(([h, kind, code]) => ({ ...h, ...(kind === undefined ? {} : { kind }), code }));
const familyArb = fc
  .tuple(
    fc.array(fc.tuple(historyArb, fc.constantFrom('main', 'spouse', 'child', 'parent', 'spouse-parent', 'boss')), {
      maxLength: 4,
    }),
    codeLike,
    maybe(countLike),
  )
  .map(([members, code, familyYears]) => ({
    kind: 'family',
    code,
    ...(familyYears === undefined ? {} : { familyYears }),
    members: members.map(([h, role]) => ({ ...h, role })),
  }));

describe('2021 fast path', () => {
  it('accepts an individual only when the schema and the history rules accept it', () => {
    fc.assert(
      fc.property(individualArb, (record) => {
        if (plainIndividual2021(record) === undefined) return;
        const parsed = Individual2021RecordSchema.safeParse(record);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(historyIssues(parsed.data, [], undefined)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
  it('accepts a family only when the schema and the history rules accept its fields', () => {
    fc.assert(
      fc.property(familyArb, (record) => {
        if (plainFamily(record) === undefined) return;
        const parsed = FamilyRecordSchema.safeParse(record);
        expect(parsed.success).toBe(true);
        if (parsed.success) for (const m of parsed.data.members) expect(historyIssues(m, [], undefined)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
  it('does accept the plain shapes (it is a fast path, not a dead one)', () => {
    expect(
      plainIndividual2021({
        code: '1234567890123',
        personId: 'p',
        drawsTo2020: 3,
        queueSince: '2018-01-07T14:56:11.401+08:00',
      }),
    ).toBeDefined();
    expect(
      plainFamily({ kind: 'family', code: '1234567890123', members: [{ personId: 'a', role: 'main', steps: 2 }] }),
    ).toBeDefined();
  });
});

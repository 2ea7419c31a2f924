// The spec defines every byte of a period (docs/spec.md §12): an implementation written from the
// spec alone (test/support/independentPeriod.ts) reproduces the library's plans and period records,
// digests included, on random periods of every era, under both generators.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENGINE,
  planPeriod,
  presets,
  runPeriod,
  syntheticPeriodInput,
  verifyPeriod,
  type PeriodInput,
  type PresetName,
} from '../../src/index';
import { specPeriod } from '../support/independentPeriod';

const plain = <T>(value: T): unknown => JSON.parse(JSON.stringify(value)) as unknown;

// A synthetic 2021– population, cut down to the lists the period takes.
function inputFor(policy: PresetName, period: string, sizes: number[], seed: string): PeriodInput {
  const all = syntheticPeriodInput({
    year: presets[policy].year ?? Number(period.slice(0, 4)),
    nevUnits: sizes[0]!,
    nevOperators: sizes[1]!,
    nevFamilies: sizes[2]!,
    nevIndividuals: sizes[3]!,
    ordinaryUnits: sizes[4]!,
    ordinaryIndividuals: sizes[5]!,
    ordinaryFamilies: policy.startsWith('beijing202') ? sizes[6]! : 0,
    seed,
  });
  const rule = presets[policy].allocation!.periods.find((p) => period.endsWith(`-${p.id}`))!;
  const taken = new Set<string>(rule.subDraws.map((d) => d.entrants));
  const ordinary = policy.startsWith('beijing202')
    ? all.ordinary
    : // Before 2021 the ordinary pool holds counted records.
      (all.ordinary ?? []).map((r, i) => ({ code: (r as { code: string }).code, draws: (i * 7) % 50 }));
  const lists: Record<string, readonly unknown[] | undefined> = { ...all, ordinary };
  // Pre-2021 queue lists have no families; 2014 draws NEV individuals by lottery (queueSince optional).
  return Object.fromEntries(Object.entries(lists).filter(([list]) => taken.has(list)));
}

const cases = fc.record({
  era: fc.constantFrom(
    ['beijing2024', '2024-h1'] as const,
    ['beijing2024', '2024-h2'] as const,
    ['beijing2023', '2023-h1'] as const,
    ['beijing2016', '2016-06'] as const,
    ['beijing2014', '2014-08'] as const,
    ['beijing2011', '2011-03'] as const,
  ),
  sizes: fc.array(fc.nat(8), { minLength: 7, maxLength: 7 }),
  quotas: fc.array(fc.nat(12), { minLength: 6, maxLength: 6 }),
  useNotices: fc.boolean(),
  legacy: fc.boolean(),
  seed: fc.string({ minLength: 1, maxLength: 12 }),
  ceremony: fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 6, maxLength: 6 }),
});

describe('periods, from the spec alone', () => {
  it('the independent implementation gives the same plan and record, byte for byte, and the record verifies', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(cases, (c) => {
        const policy: PresetName = c.era[0];
        const period: string = c.era[1];
        const input = inputFor(policy, period, c.sizes, c.seed);
        const rule = presets[policy].allocation!.periods.find((p) => period.endsWith(`-${p.id}`))!;
        const labels = rule.subDraws.map((d) => d.label);
        // Published splits where the preset carries them (2024), else quotas for every sub-draw.
        const notices = c.useNotices && policy === 'beijing2024';
        const quotas = notices ? undefined : Object.fromEntries(labels.map((label, i) => [label, c.quotas[i]!]));
        const generator = c.legacy ? ('legacy' as const) : ('default' as const);
        const seeds = Object.fromEntries(labels.map((label, i) => [label, String(c.ceremony[i]!).padStart(6, '0')]));
        const options = { period, generator, ...(quotas === undefined ? {} : { quotas }) };
        const { plan, pools } = planPeriod(input, presets[policy], options);
        const { record } = runPeriod(plan, pools, c.legacy ? { seeds } : { seed: c.seed });
        const spec = specPeriod(input as Record<string, unknown[]>, plain(presets[policy]), {
          ...options,
          ...(c.legacy ? { seeds } : { seed: c.seed }),
          engine: ENGINE,
        });
        expect(spec.plan).toEqual(plain(plan));
        expect(spec.record).toEqual(plain(record));
        expect(verifyPeriod(record, pools)).toEqual({ ok: true });
        for (const result of record.results) if (result.winners.length > 0) seen.add(`${result.method} ${generator}`);
        if (plan.subDraws.some((d) => (d.joinedFamilies ?? 0) > 0)) seen.add('joined families');
        if (plan.subDraws.some((d) => d.leftoverTo !== undefined && d.leftover > 0)) seen.add('leftover passed on');
      }),
      { numRuns: 60 },
    );
    // The cases that matter were all drawn.
    expect([...seen].sort()).toEqual([
      'joined families',
      'leftover passed on',
      'lottery default',
      'lottery legacy',
      'ranking default',
      'ranking legacy',
    ]);
  });
});

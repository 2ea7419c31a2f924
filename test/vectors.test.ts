// One loop over test/vectors/*.json: every vector pins a behaviour of docs/spec.md.
// Regenerate (after a deliberate spec change only) with: UPDATE_VECTORS=1 npx vitest run test/vectors.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  planPeriod,
  runPeriod,
  Ranking,
  syntheticPeriodInput,
  type PeriodInput,
  type RankingEntrant,
  familyPoints,
  steps2021,
  commitPool,
  createPool,
  deriveDefaultKey,
  drawLottery,
  LegacyDotNetRandom,
  presets,
  Rc4WordSource,
  type PresetName,
  ENGINE,
  PolicySchema,
} from '../src/index';
import { z } from 'zod';
import {
  SpecDotNetRandom,
  specDefaultKey,
  specDigest,
  specDraw,
  specEntries,
  type SpecRecord,
} from './support/independent';
import { specPeriod } from './support/independentPeriod';

const DIR = join(import.meta.dirname, 'vectors');
const pick = ({ total, formula }: { total: number; formula: string }): { total: number; formula: string } => ({
  total,
  formula,
});

interface DrawVector {
  generator: 'legacy' | 'default';
  seed: string;
  label: string;
  quota: number;
  picks: number;
  allocation: 'drawn' | 'all';
  winners: [string, number][];
}
interface PoolVector {
  type: 'pool';
  description: string;
  source: string;
  policy: PresetName;
  records: Record<string, unknown>[];
  expect: { size: number; totalEntries: number; digest: string; canonical?: string; entries?: string[] };
  draws: DrawVector[];
}
interface GeneratorVector {
  type: 'generator';
  description: string;
  source: string;
  legacy: { seed: number; next: number[] }[];
  defaultKeys: { seed: string; label: string; key: string }[];
  defaultWords: { seed: string; label: string; words: number[] }[];
}
interface FamilyPointsVector {
  type: 'familyPoints';
  description: string;
  source: string;
  cases: { description: string; policy: PresetName; family: Record<string, unknown>; total: number; formula: string }[];
}
interface StepsVector {
  type: 'steps2021';
  description: string;
  source: string;
  cases: { rounding: 'floor' | 'ceil'; drawsTo2020: number; drawsSince2021: number; steps: number }[];
}
interface SplitVector {
  type: 'split';
  description: string;
  source: string;
  cases: { policy: PresetName; period: string; subDraws: [string, number][] }[];
}
interface RankingVector {
  type: 'ranking';
  description: string;
  source: string;
  entrants: RankingEntrant[];
  quota: number;
  digest: string;
  top: ReturnType<Ranking['top']>;
}
interface PeriodVector {
  type: 'period';
  description: string;
  source: string;
  policy: PresetName;
  period: string;
  generator?: 'legacy' | 'default';
  quotas?: Record<string, number>;
  seed?: string;
  seeds?: Record<string, string>;
  input: PeriodInput;
  /** The engine string the digests below were made with (informative, but bound by the digests). */
  engine: string;
  planDigest: string;
  recordDigest: string;
  subDraws: { label: string; quota: number; allocated: number; pool: string; winners: string[] }[];
}
interface LegacyRuntimeVector {
  type: 'legacyRuntime';
  description: string;
  source: string;
  cases: { seed: number; next: number[]; nextBelow: Record<string, number[]> }[];
}
interface PresetsVector {
  type: 'presets';
  description: string;
  source: string;
  presets: Record<string, unknown>;
}
interface PolicySchemaVector {
  type: 'policy-schema';
  description: string;
  source: string;
  schema: unknown;
}
type Vector =
  | PoolVector
  | GeneratorVector
  | FamilyPointsVector
  | StepsVector
  | SplitVector
  | RankingVector
  | PeriodVector
  | LegacyRuntimeVector
  | PresetsVector
  | PolicySchemaVector;

type PeriodCase = Omit<PeriodVector, 'subDraws' | 'planDigest' | 'recordDigest'>;

function runPeriodVector(v: PeriodCase): Pick<PeriodVector, 'subDraws' | 'planDigest' | 'recordDigest'> {
  const options = {
    period: v.period,
    ...(v.generator === undefined ? {} : { generator: v.generator }),
    ...(v.quotas === undefined ? {} : { quotas: v.quotas }),
  };
  const { plan, pools } = planPeriod(v.input, presets[v.policy], options);
  const { results, record } = runPeriod(plan, pools, v.seeds === undefined ? { seed: v.seed! } : { seeds: v.seeds });
  // The independent implementation, from the spec alone, gives the same plan and record (with this
  // engine), and the digests the vector pins (with the vector's engine).
  const spec = (engine: string): ReturnType<typeof specPeriod> =>
    specPeriod(v.input as Record<string, unknown[]>, JSON.parse(JSON.stringify(presets[v.policy])), {
      ...options,
      ...(v.seed === undefined ? {} : { seed: v.seed }),
      ...(v.seeds === undefined ? {} : { seeds: v.seeds }),
      engine,
    });
  expect(spec(ENGINE).plan).toEqual(JSON.parse(JSON.stringify(plan)));
  expect(spec(ENGINE).record).toEqual(JSON.parse(JSON.stringify(record)));
  const pinned = spec(v.engine);
  return {
    planDigest: pinned.plan.digest,
    recordDigest: pinned.record.digest,
    subDraws: plan.subDraws.map((d, k) => ({
      label: d.label,
      quota: d.quota,
      allocated: d.allocated,
      pool: d.pool.digest,
      winners: results[k]!.winners.map((w) => w.code),
    })),
  };
}

function runDraw(
  pool: ReturnType<typeof createPool>,
  d: Omit<DrawVector, 'picks' | 'winners' | 'allocation'>,
): DrawVector {
  const { record } = drawLottery(pool, { quota: d.quota, seed: d.seed, generator: d.generator, label: d.label });
  return {
    ...d,
    picks: record.picks,
    allocation: record.allocation,
    winners: record.winners.map((w) => [w.code, w.entry]),
  };
}

describe('test vectors', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const file of files) {
    const vector = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Vector;
    it(`${file}: ${vector.description}`, () => {
      if (vector.type === 'split') {
        for (const c of vector.cases) {
          // Sub-draws the vector does not list (figures not published) get 0 and are not compared.
          const listed = new Set(c.subDraws.map(([label]) => label));
          const labels = presets[c.policy]
            .allocation!.periods.find((p) => c.period.endsWith(`-${p.id}`))!
            .subDraws.map((d) => d.label);
          const quotas = Object.fromEntries(labels.filter((l) => !listed.has(l)).map((l) => [l, 0]));
          const { plan } = planPeriod({}, presets[c.policy], { period: c.period, quotas });
          expect(plan.subDraws.filter((d) => listed.has(d.label)).map((d) => [d.label, d.baseQuota])).toEqual(
            c.subDraws,
          );
        }
        return;
      }
      if (vector.type === 'ranking') {
        const ranking = new Ranking(vector.entrants);
        expect(ranking.commit().digest).toBe(vector.digest);
        expect(ranking.top(vector.quota)).toEqual(vector.top);
        return;
      }
      if (vector.type === 'period') {
        expect(runPeriodVector(vector)).toEqual({
          planDigest: vector.planDigest,
          recordDigest: vector.recordDigest,
          subDraws: vector.subDraws,
        });
        return;
      }
      if (vector.type === 'presets') {
        expect(JSON.parse(JSON.stringify(presets))).toEqual(vector.presets);
        return;
      }
      if (vector.type === 'policy-schema') {
        expect(z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' })).toEqual(vector.schema);
        return;
      }
      if (vector.type === 'familyPoints') {
        for (const c of vector.cases)
          expect({ description: c.description, ...pick(familyPoints(c.family, presets[c.policy])) }).toEqual({
            description: c.description,
            total: c.total,
            formula: c.formula,
          });
        return;
      }
      if (vector.type === 'steps2021') {
        for (const c of vector.cases) {
          const rule = { ...presets.beijing2024.weights, after2020Rounding: c.rounding };
          expect({ ...c, steps: steps2021(rule, c.drawsTo2020, c.drawsSince2021) }).toEqual(c);
        }
        return;
      }
      if (vector.type === 'legacyRuntime') {
        // Both implementations against a real .NET runtime, wrapping seeds above MSEED included.
        for (const { seed, next, nextBelow } of vector.cases) {
          for (const make of [(s: number) => new LegacyDotNetRandom(s), (s: number) => new SpecDotNetRandom(s)]) {
            const random = make(seed);
            expect(next.map(() => random.next())).toEqual(next);
            for (const [max, values] of Object.entries(nextBelow)) {
              const below = make(seed);
              expect(values.map(() => below.nextBelow(Number(max)))).toEqual(values);
            }
          }
        }
        return;
      }
      if (vector.type === 'generator') {
        for (const { seed, next } of vector.legacy) {
          const random = new LegacyDotNetRandom(seed);
          expect(next.map(() => random.next())).toEqual(next);
        }
        for (const { seed, label, key } of vector.defaultKeys) expect(deriveDefaultKey(seed, label)).toBe(key);
        for (const { seed, label, words } of vector.defaultWords) {
          const source = Rc4WordSource.fromKey(deriveDefaultKey(seed, label));
          expect(words.map(() => source.nextUint32())).toEqual(words);
        }
        return;
      }
      const pool = createPool(vector.records, { policy: presets[vector.policy] });
      const commitment = commitPool(pool);
      expect({ size: commitment.size, totalEntries: commitment.totalEntries, digest: commitment.digest }).toEqual({
        size: vector.expect.size,
        totalEntries: vector.expect.totalEntries,
        digest: vector.expect.digest,
      });
      if (vector.expect.entries !== undefined) {
        expect(vector.expect.entries.map((_, i) => pool.codeAt(i + 1))).toEqual(vector.expect.entries);
      }
      for (const draw of vector.draws) expect(runDraw(pool, draw)).toEqual(draw);
    });
  }
});

// ---- generation (UPDATE_VECTORS=1): computed by the library, checked against the independent
// implementation and against the published values quoted in docs/spec.md before anything is written.

const update = process.env['UPDATE_VECTORS'] === '1';

function specRecords(vector: Omit<PoolVector, 'type' | 'expect' | 'draws'>): SpecRecord[] {
  const pool = createPool(vector.records, { policy: presets[vector.policy] });
  return [...pool.applications()].map((a) => ({
    code: a.code,
    weight: a.weight,
    kind: a.kind === 'individual' ? 'I' : a.kind === 'family' ? 'F' : 'U',
  }));
}

function poolVector(
  base: Omit<PoolVector, 'type' | 'expect' | 'draws'>,
  draws: Omit<DrawVector, 'picks' | 'winners' | 'allocation'>[],
  withEntries: boolean,
): PoolVector {
  const pool = createPool(base.records, { policy: presets[base.policy] });
  const commitment = commitPool(pool);
  const spec = specRecords(base);
  expect(commitment.digest).toBe(specDigest(spec));
  const computed = draws.map((d) => runDraw(pool, d));
  for (const d of computed) {
    const independent = specDraw(spec, d.quota, d.generator, d.seed, d.label);
    expect(['exhausted', 'too-costly']).not.toContain(independent);
    expect(d.winners).toEqual(
      (independent as Exclude<typeof independent, 'exhausted' | 'too-costly'>).winners.map((w) => [w.code, w.entry]),
    );
    expect(d.picks).toBe((independent as Exclude<typeof independent, 'exhausted' | 'too-costly'>).picks);
  }
  return {
    type: 'pool',
    ...base,
    expect: {
      size: commitment.size,
      totalEntries: commitment.totalEntries,
      digest: commitment.digest,
      ...(withEntries ? { entries: specEntries(spec) } : {}),
    },
    draws: computed,
  };
}

const code = (prefix: number, serial: number): string =>
  String(prefix).padStart(4, '0') + String(serial).padStart(9, '0');

describe.runIf(update)('regenerate vectors', () => {
  it('writes test/vectors/*.json', () => {
    const write = (name: string, vector: Vector): void =>
      writeFileSync(join(DIR, name), `${JSON.stringify(vector, null, 2)}\n`);

    const generator: GeneratorVector = {
      type: 'generator',
      description: 'legacy .NET System.Random outputs; default-generator keys and first words',
      source:
        'legacy: Microsoft’s documented values of System.Random, quoted in docs/spec.md §4.1; default: frozen, checked against test/support/independent.ts',
      legacy: [
        { seed: 123, next: [2114319875, 1949518561, 1596751841, 1742987178, 1586516133, 103755708] },
        { seed: 456, next: [2044805024, 1323311594, 1087799997, 1907260840, 179380355, 120870348] },
        { seed: 12, next: [2137491492, 726598452, 334746691] },
      ],
      defaultKeys: [
        ['033859', ''],
        ['033859', 'ordinary/individual'],
        ['a', ''],
        ['aa', ''],
        ['š', ''],
        ['摇号 2024-06-26', '家庭'],
      ].map(([seed, label]) => ({ seed: seed!, label: label!, key: specDefaultKey(seed!, label!) })),
      defaultWords: [
        ['033859', ''],
        ['a', ''],
        ['aa', ''],
      ].map(([seed, label]) => {
        const source = Rc4WordSource.fromKey(deriveDefaultKey(seed!, label!));
        return { seed: seed!, label: label!, words: Array.from({ length: 8 }, () => source.nextUint32()) };
      }),
    };
    for (const { seed, next } of generator.legacy) {
      const random = new LegacyDotNetRandom(seed);
      expect(next.map(() => random.next())).toEqual(next);
    }
    write('generators.json', generator);

    // docs/spec.md §9: no-step pools.
    const flat100 = poolVector(
      {
        description: 'no-step pool, T = 100 (docs/spec.md §9)',
        source:
          'docs/spec.md §9 (legacy winners); digest and default draws frozen, checked against the independent implementation',
        policy: 'beijing2011',
        records: Array.from({ length: 100 }, (_, i) => ({ code: code(1000 + i, i + 1) })),
      },
      [
        { generator: 'legacy', seed: '123456', label: '', quota: 10 },
        { generator: 'default', seed: '123456', label: '', quota: 10 },
      ],
      false,
    );
    expect(flat100.draws[0]!.winners.map((w) => w[1])).toEqual([27, 11, 3, 37, 83, 49, 20, 40, 55, 81]);
    write('flat-100.json', flat100);

    const flat20 = poolVector(
      {
        description: 'no-step pool, T = 20 (docs/spec.md §9)',
        source: 'docs/spec.md §9',
        policy: 'beijing2011',
        records: Array.from({ length: 20 }, (_, i) => ({ code: code(2000 + i, i + 1) })),
      },
      [
        { generator: 'legacy', seed: '1', label: '', quota: 5 },
        { generator: 'legacy', seed: '000001', label: '', quota: 5 },
        { generator: 'default', seed: '1', label: '', quota: 5 },
      ],
      false,
    );
    expect(flat20.draws[0]!.winners.map((w) => w[1])).toEqual([5, 3, 10, 16, 14]);
    expect(flat20.draws[1]!.winners).toEqual(flat20.draws[0]!.winners);
    write('flat-20.json', flat20);

    // docs/spec.md §10: the weighted five-code pool.
    const weighted = poolVector(
      {
        description: 'weighted pool of five codes, T = 9, with a thrown-away pick (docs/spec.md §10)',
        source: 'docs/spec.md §10 (layout, legacy winners and picks)',
        policy: 'explicit',
        records: [
          { code: '0001100000001', weight: 1 },
          { code: '2345100000002', weight: 3 },
          { code: '5000100000003', weight: 2 },
          { code: '7777100000004', weight: 1 },
          { code: '9999100000005', weight: 2 },
        ],
      },
      [
        { generator: 'legacy', seed: '654321', label: '', quota: 3 },
        { generator: 'legacy', seed: '100000', label: '', quota: 2 },
        { generator: 'default', seed: '654321', label: '', quota: 3 },
        { generator: 'default', seed: '654321', label: 'another sub-draw', quota: 3 },
      ],
      true,
    );
    expect(weighted.expect.entries!.map((c) => c.slice(0, 4))).toEqual([
      '0001',
      '2345',
      '5000',
      '7777',
      '9999',
      '2345',
      '5000',
      '9999',
      '2345',
    ]);
    expect(weighted.draws[0]!.winners).toEqual([
      ['2345100000002', 6],
      ['9999100000005', 8],
      ['5000100000003', 3],
    ]);
    expect(weighted.draws[1]!).toMatchObject({
      picks: 3,
      winners: [
        ['5000100000003', 3],
        ['2345100000002', 6],
      ],
    });
    write('weighted-5.json', weighted);

    // A code at every step 1..14 under beijing2016 (draws = 6·(step − 1)), plus C5 holders.
    const steps = poolVector(
      {
        description: 'beijing2016 pool with one code at every step from 1 to 14, and two C5 holders',
        source: 'docs/spec.md §1.3, §3; frozen from yaohao 0.1.0, checked against the independent implementation',
        policy: 'beijing2016',
        records: [
          ...Array.from({ length: 14 }, (_, s) => ({ code: code(9000 - s * 531, 100 + s), draws: 6 * s })),
          { code: code(4242, 900), draws: 0, c5: true },
          { code: code(4243, 901), draws: 13, c5: true },
        ],
      },
      [
        { generator: 'legacy', seed: '033859', label: '', quota: 4 },
        { generator: 'default', seed: '033859', label: '', quota: 4 },
        { generator: 'default', seed: 'beacon:7f3a…', label: 'ordinary/individual', quota: 15 },
      ],
      true,
    );
    expect(steps.expect.totalEntries).toBe((14 * 15) / 2 + 2 + 4);
    write('steps-1-to-14.json', steps);

    const everyone = poolVector(
      {
        description: 'quota ≥ size: everyone wins without a draw, in code order, at their pass-1 entry',
        source: 'docs/spec.md §5.1',
        policy: 'explicit',
        records: [
          { code: '9000000000001', weight: 3 },
          { code: '0000000000002', weight: 1 },
          { code: '5000000000003', weight: 2, kind: 'unit' },
        ],
      },
      [
        { generator: 'legacy', seed: '1', label: '', quota: 3 },
        { generator: 'default', seed: 'x', label: '', quota: 100 },
      ],
      true,
    );
    write('quota-covers-pool.json', everyone);

    const legacyFlatFallback = poolVector(
      {
        description: 'fewer codes than the quota but more entries: every code wins (the official tool would fail here)',
        source: 'docs/spec.md §5.1',
        policy: 'explicit',
        records: [
          { code: '1111000000001', weight: 5 },
          { code: '2222000000002', weight: 5 },
        ],
      },
      [{ generator: 'legacy', seed: '777', label: '', quota: 4 }],
      false,
    );
    write('codes-below-quota.json', legacyFlatFallback);

    // Family points: the official examples of the 2020 explainer (docs/spec.md §11.4), then our own.
    const member = (personId: string, role: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      personId,
      role,
      ...extra,
    });
    const familyCases: FamilyPointsVector['cases'] = [
      {
        description: 'official: 3 generations, 8 people, main + spouse + 2 others at step 5, 4 others none',
        policy: 'beijing2021',
        family: {
          kind: 'family',
          code: '1100000000001',
          members: [
            member('p1', 'main', { steps: 5 }),
            member('p2', 'spouse', { steps: 5 }),
            member('p3', 'parent', { steps: 5 }),
            member('p4', 'child', { steps: 5 }),
            member('p5', 'parent'),
            member('p6', 'spouse-parent'),
            member('p7', 'spouse-parent'),
            member('p8', 'child'),
          ],
        },
        total: 126,
        formula: '',
      },
      {
        description: 'official: 2 generations, 3 people, main and spouse at step 5, one child',
        policy: 'beijing2021',
        family: {
          kind: 'family',
          code: '1100000000002',
          members: [member('a', 'main', { steps: 5 }), member('b', 'spouse', { steps: 5 }), member('c', 'child')],
        },
        total: 54,
        formula: '',
      },
      {
        description: 'official: main + spouse, 1 generation, only the main applicant at step 5',
        policy: 'beijing2021',
        family: {
          kind: 'family',
          code: '1100000000003',
          members: [member('a', 'main', { steps: 5 }), member('b', 'spouse')],
        },
        total: 16,
        formula: '',
      },
      {
        description: 'no spouse: (P_main + Σ P_others) × G — main at step 3 with two parents at step 2 and 0',
        policy: 'beijing2024',
        family: {
          kind: 'family',
          code: '1100000000004',
          members: [member('a', 'main', { steps: 3 }), member('b', 'parent', { steps: 2 }), member('c', 'parent')],
        },
        total: 18, // (5 + 3 + 1) × 2
        formula: '',
      },
      {
        description: 'queue years: given as a count, and counted from queueSince to 31 Dec 2023 (beijing2024)',
        policy: 'beijing2024',
        family: {
          kind: 'family',
          code: '1100000000005',
          members: [
            member('a', 'main', { queueYears: 3 }),
            member('b', 'spouse', { queueSince: '2018-01-07T14:56:11.401+08:00' }),
            member('c', 'child', { queueSince: '2023-06-01T00:00:00+08:00' }),
          ],
        },
        total: 46, // ((5 + 6) × 2 + 1) × 2: 2018-01-07 → 2024-01-01 is 5 full years; 2023-06 → 0
        formula: '',
      },
      {
        description: 'C5: adds a step to steps computed from draws, not to the authority’s steps',
        policy: 'beijing2024',
        family: {
          kind: 'family',
          code: '1100000000006',
          members: [
            member('a', 'main', { drawsTo2020: 30, drawsSince2021: 4, c5: true }),
            member('b', 'child', { steps: 4, c5: true }),
          ],
        },
        total: 30, // (2 + 5 + 2 + 1 [C5]) + (1 + 4) = 15, × 2 generations
        formula: '',
      },
      {
        description: 'yearly family bonus: +1 for every member per full year applied as a family',
        policy: 'beijing2024',
        family: {
          kind: 'family',
          code: '1100000000007',
          familyYears: 2,
          members: [member('a', 'main'), member('b', 'spouse'), member('c', 'spouse-parent')],
        },
        total: 34, // ((4 + 3) × 2 + 3) × 2
        formula: '',
      },
    ];
    for (const c of familyCases) c.formula = familyPoints(c.family, presets[c.policy]).formula;
    expect(familyCases.map((c) => familyPoints(c.family, presets[c.policy]).total)).toEqual(
      familyCases.map((c) => c.total),
    );
    write('family-points.json', {
      type: 'familyPoints',
      description: 'family points (家庭积分): the three official examples and the rest of the formula',
      source: 'docs/spec.md §11.4 (official examples 126, 54, 16); the others computed by hand from the formula',
      cases: familyCases,
    });

    const stepsCases: StepsVector['cases'] = [];
    for (const rounding of ['floor', 'ceil'] as const) {
      for (const [drawsTo2020, drawsSince2021] of [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
        [6, 0],
        [6, 1],
        [6, 2],
        [7, 0],
        [30, 0],
        [30, 5],
        [61, 10],
      ] as const) {
        stepsCases.push({
          rounding,
          drawsTo2020,
          drawsSince2021,
          steps: steps2021(
            { ...presets.beijing2024.weights, after2020Rounding: rounding },
            drawsTo2020,
            drawsSince2021,
          ),
        });
      }
    }
    // By hand: 6 draws by 2020 → 1 step; floor adds one after 2 post-2020 draws, ceil at the first.
    expect(stepsCases.filter((c) => c.drawsTo2020 === 6).map((c) => [c.rounding, c.drawsSince2021, c.steps])).toEqual([
      ['floor', 0, 1],
      ['floor', 1, 1],
      ['floor', 2, 2],
      ['ceil', 0, 1],
      ['ceil', 1, 2],
      ['ceil', 2, 2],
    ]);
    write('steps-2021.json', {
      type: 'steps2021',
      description:
        'the 2021 step rule: ladder to the end of 2020, then +1 per 2 draws, with both readings of the boundary',
      source: 'docs/spec.md §11.1; computed by hand for 6 draws by 2020 (checked in the generator), the rest frozen',
      cases: stepsCases,
    });

    // A mixed ordinary pool: families by points and individuals by steps, one pass layout.
    const mixed = poolVector(
      {
        description: 'beijing2024 mixed ordinary pool: three families and four individuals',
        source:
          'docs/spec.md §11 (family totals as in family-points.json; individuals by steps2021 with the draw being held); frozen, checked against the independent implementation',
        policy: 'beijing2024',
        records: [
          // Person ids must be unique across the pool: give each family its own.
          ...[1, 2, 6].map((k) => {
            const family = familyCases[k]!.family as { members: { personId: string }[] };
            return { ...family, members: family.members.map((m) => ({ ...m, personId: `f${k}-${m.personId}` })) };
          }),
          { code: '5000000000001', personId: 'i1', drawsTo2020: 30, drawsSince2021: 4 },
          { code: '5000000000002', personId: 'i2' },
          { kind: 'individual', code: '0500000000003', personId: 'i3', steps: 9 },
          { code: '5000000000004', personId: 'i4', drawsTo2020: 1, c5: true },
        ],
      },
      [
        { generator: 'legacy', seed: '202406', label: '', quota: 3 },
        { generator: 'default', seed: '202406', label: 'ordinary/family+individual', quota: 3 },
      ],
      false,
    );
    expect(mixed.expect.totalEntries).toBe(54 + 16 + 34 + 7 + 1 + 9 + 2);
    write('mixed-2024.json', mixed);

    const splits: SplitVector['cases'] = [
      { policy: 'beijing2023', period: '2023-h1', subDraws: [] },
      { policy: 'beijing2024', period: '2024-h1', subDraws: [] },
      { policy: 'beijing2024', period: '2024-h2', subDraws: [] },
    ];
    for (const c of splits) {
      const quotas = c.policy === 'beijing2023' ? { 'ordinary/unit': 0, 'ordinary/family+individual': 0 } : {};
      c.subDraws = planPeriod({}, presets[c.policy], { period: c.period, quotas }).plan.subDraws.map((d) => [
        d.label,
        d.baseQuota,
      ]);
    }
    // The published figures (docs/spec.md §12.1) must be what the presets give.
    expect(splits[0]!.subDraws.slice(0, 4)).toEqual([
      ['nev/unit', 3_600],
      ['nev/operating', 2_800],
      ['nev/family', 50_880],
      ['nev/individual', 12_720],
    ]);
    expect(splits[1]!.subDraws).toEqual([
      ['nev/unit', 4_000],
      ['nev/operating', 3_000],
      ['nev/family', 58_400],
      ['nev/individual', 14_600],
      ['ordinary/unit', 400],
      ['ordinary/family+individual', 9_600],
    ]);
    splits[0]!.subDraws = splits[0]!.subDraws.slice(0, 4);
    write('quota-splits.json', {
      type: 'split',
      description: 'published quota splits: NEV 2023 and 2024, ordinary 2024 in its two periods',
      source:
        'docs/spec.md §12.1 (NEV 2023: 50,880 / 12,720 / 3,600 / 2,800; NEV 2024: 58,400 / 14,600 / 4,000 / 3,000; ordinary 2024: 19,200 + 800 a year)',
      cases: splits,
    } as unknown as Vector);

    const t0 = 1_515_308_171_401; // 2018-01-07T06:56:11.401Z
    const entrants: RankingEntrant[] = [
      { code: '8786101582146', kind: 'family', points: 126, time: t0 + 5 },
      { code: '1000000000001', kind: 'family', points: 126, time: t0 },
      { code: '3000000000003', kind: 'family', points: 120, time: t0 },
      { code: '2000000000002', kind: 'family', points: 120, time: t0 },
      { code: '4000000000004', kind: 'family', points: 120, time: t0 },
      { code: '5000000000005', kind: 'family', points: 120 },
      { code: '6000000000006', kind: 'family', points: 56, time: t0 - 1 },
    ];
    const ranking = new Ranking(entrants);
    const top = ranking.top(4);
    expect(top.boundaryTies).toEqual([
      {
        key: { points: 120, time: '2018-01-07T06:56:11.401Z' },
        within: ['2000000000002', '3000000000003'],
        outside: ['4000000000004'],
      },
    ]);
    write('ranking-ties.json', {
      type: 'ranking',
      description:
        'family ranking: points high first, earliest registration, then code; a tie at the quota boundary decided by code',
      source:
        'docs/spec.md §12.3, computed by hand (ranks 1–4: 1000…, 8786…, 2000…, 3000…; tie with 4000… at the boundary)',
      entrants,
      quota: 4,
      digest: ranking.commit().digest,
      top,
    } as unknown as Vector);
    expect(top.winners.map((w) => w.code)).toEqual([
      '1000000000001',
      '8786101582146',
      '2000000000002',
      '3000000000003',
    ]);

    const periodSource =
      'docs/spec.md §12: the plan and period record digests are computed by test/support/independentPeriod.ts from the spec alone (with the engine string below) and equal the library’s';
    const periodBase: PeriodCase = {
      type: 'period',
      description: 'a small 2024 h1 period: NEV rankings, families continuing into the ordinary pool, two lotteries',
      source: periodSource,
      engine: 'yaohao 0.1.0',
      policy: 'beijing2024',
      period: '2024-h1',
      quotas: {
        'nev/unit': 2,
        'nev/operating': 1,
        'nev/family': 4,
        'nev/individual': 3,
        'ordinary/unit': 2,
        'ordinary/family+individual': 6,
      },
      seed: 'vector seed 2024',
      input: syntheticPeriodInput({
        year: 2024,
        nevUnits: 4,
        nevOperators: 2,
        nevFamilies: 8,
        nevIndividuals: 6,
        ordinaryUnits: 5,
        ordinaryIndividuals: 20,
        ordinaryFamilies: 4,
        seed: 'vector',
      }),
    };
    write('period-2024-h1.json', { ...periodBase, ...runPeriodVector(periodBase) });
    // Pre-2021, legacy: one ceremony seed per lottery, NEV individuals in a one-entry lottery (policy
    // id "beijing2014:nevIndividuals" in its record), a quota beyond its entrants passed on to nobody.
    const code14 = (i: number): string => code(1000 + i * 37, 200_000 + i);
    const legacyBase: PeriodCase = {
      type: 'period',
      description: 'a 2014 bimonthly period under the legacy generator: NEV one-entry lottery, units, the step pool',
      source: periodSource,
      engine: 'yaohao 0.1.0',
      policy: 'beijing2014',
      period: '2014-04',
      generator: 'legacy',
      quotas: { 'nev/individual': 3, 'ordinary/unit': 9, 'ordinary/individual': 5 },
      seeds: { 'nev/individual': '052713', 'ordinary/unit': '000917', 'ordinary/individual': '338105' },
      input: {
        nevIndividuals: Array.from({ length: 7 }, (_, i) => ({ code: code14(i), personId: `nev-${i}` })),
        ordinaryUnits: Array.from({ length: 4 }, (_, i) => ({ code: code14(10 + i) })),
        ordinary: Array.from({ length: 12 }, (_, i) => ({
          code: code14(20 + i),
          draws: (i * 7) % 40,
          ...(i % 5 === 0 ? { c5: true } : {}),
        })),
      },
    };
    write('period-2014-04.json', { ...legacyBase, ...runPeriodVector(legacyBase) });
    write('presets.json', {
      type: 'presets',
      description: 'every preset policy object, exactly as yaohao uses it (weights, family rules, allocation tables)',
      source: 'src/policy/presets.ts; docs/spec.md §1.3, §11, §12.1',
      presets: JSON.parse(JSON.stringify(presets)) as Record<string, unknown>,
    });
    write('policy-schema.json', {
      type: 'policy-schema',
      description: 'the JSON Schema of a policy object (yaohao schema policy)',
      source: 'docs/spec.md §1.3',
      schema: z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }),
    });
  });
});

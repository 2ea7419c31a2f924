// One loop over test/vectors/*.json: every vector pins a behaviour of docs/spec.md.
// Regenerate (after a deliberate spec change only) with: UPDATE_VECTORS=1 npx vitest run test/vectors.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitPool,
  createPool,
  deriveDefaultKey,
  drawLottery,
  LegacyDotNetRandom,
  presets,
  Rc4WordSource,
  type PresetName,
} from '../src/index';
import { specDefaultKey, specDigest, specDraw, specEntries, type SpecRecord } from './support/independent';

const DIR = join(import.meta.dirname, 'vectors');

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
type Vector = PoolVector | GeneratorVector;

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
// implementation and against the published values of domain.md before anything is written.

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
    expect(independent).not.toBe('exhausted');
    expect(d.winners).toEqual(
      (independent as Exclude<typeof independent, 'exhausted'>).winners.map((w) => [w.code, w.entry]),
    );
    expect(d.picks).toBe((independent as Exclude<typeof independent, 'exhausted'>).picks);
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
        'legacy: Microsoft documentation of System.Random (domain.md §5); default: frozen, checked against test/support/independent.ts',
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

    // domain.md §5: no-step pools.
    const flat100 = poolVector(
      {
        description: 'no-step pool, T = 100 (domain.md §5)',
        source:
          'domain.md §5 (legacy winners); digest and default draws frozen, checked against the independent implementation',
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
        description: 'no-step pool, T = 20 (domain.md §5)',
        source: 'domain.md §5',
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

    // domain.md §5: the weighted five-code pool.
    const weighted = poolVector(
      {
        description: 'weighted pool of five codes, T = 9, with a thrown-away pick (domain.md §5)',
        source: 'domain.md §5 (layout, legacy winners and picks)',
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
        source: 'frozen from yaohao 0.1.0, checked against the independent implementation',
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
        source: 'domain.md §5; docs/spec.md §5.1',
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
        source: 'domain.md §5; docs/spec.md §5.1',
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
  });
});

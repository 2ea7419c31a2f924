import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, presets } from '../../src/index';
import { recordReaderFor } from '../../src/pool/recordReader';
import { recordSchemaFor } from '../../src/pool/recordSchemas';
import { sortKeys } from '../../src/pool/internal/sortKeys';
import { EntryLayout } from '../../src/pool/EntryLayout';
import { numberToCode, parseApplicationCode } from '../../src/pool/applicationCode';
import { writeCanonicalPool } from '../../src/pool/canonicalPoolBytes';
import { specEntries } from '../support/independent';

const codeArb = fc.stringMatching(/^[0-9]{13}$/);

describe('entry layout', () => {
  it('matches the naive expanded layout of the spec, for any weights', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ code: codeArb, weight: fc.integer({ min: 1, max: 20 }) }), {
          selector: (r) => r.code,
          maxLength: 60,
        }),
        (records) => {
          const pool = createPool(records, { policy: presets.explicit });
          const expected = specEntries(records.map((r) => ({ ...r, kind: 'I' })));
          expect(pool.totalEntries).toBe(expected.length);
          expect(expected.map((_, i) => pool.codeAt(i + 1))).toEqual(expected);
        },
      ),
    );
  });
  it('both ways of finding a code (block counts, member lists) agree with the naive layout', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 300 }), (weights) => {
        const expected: number[] = [];
        const max = Math.max(...weights);
        for (let pass = 1; pass <= max; pass++) weights.forEach((w, i) => w >= pass && expected.push(i));
        for (const strategy of ['blocks', 'members'] as const) {
          const layout = EntryLayout.build(Uint32Array.from(weights), strategy) as EntryLayout;
          expect(layout.totalEntries).toBe(expected.length);
          expect(expected.map((_, e) => layout.indexAt(e))).toEqual(expected);
        }
      }),
    );
  });
  it('handles huge explicit weights without materialising entries', () => {
    const pool = createPool(
      [
        { code: '0000000000001', weight: 1 },
        { code: '0000000000002', weight: 3_000_000_000 },
      ],
      { policy: presets.explicit },
    );
    expect(pool.totalEntries).toBe(3_000_000_001);
    expect(pool.codeAt(1)).toBe('0000000000001');
    expect(pool.codeAt(3)).toBe('0000000000002');
    expect(pool.codeAt(3_000_000_001)).toBe('0000000000002');
  });
});

describe('sortKeys', () => {
  const check = (keys: number[]): void => {
    const weights = Uint32Array.from(keys, (_, i) => i);
    const sorted = sortKeys(Float64Array.from(keys), weights, keys.length);
    const expected = keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0]);
    expect(Array.from(sorted.keys)).toEqual(expected.map((e) => e[0]));
    // weights travel with their keys (ties may come in any order)
    for (let k = 0; k < keys.length; k++) expect(keys[sorted.weights[k]!]).toBe(sorted.keys[k]);
  };
  it('sorts any keys below 2^53, clustered or spread', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 4 * 10 ** 13 }), { maxLength: 400 }), check));
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 400 }), check));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(4 * 10 ** 13 - 1)), { maxLength: 400 }),
        check,
      ),
    );
  });
  it('stays linear on a crowded range (many equal and near-equal keys)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 4 * 10 ** 13 - 1 : i % 3));
    check(keys);
  });
});

describe('record reader', () => {
  const anyRecord = fc.oneof(
    fc.record(
      {
        code: fc.oneof(codeArb, fc.string(), fc.integer()),
        draws: fc.oneof(fc.nat(300), fc.integer(), fc.double(), fc.string(), fc.constant(Number.MAX_SAFE_INTEGER)),
        c5: fc.oneof(fc.boolean(), fc.string()),
        kind: fc.constantFrom('individual', 'family', 'unit', 'x'),
        weight: fc.oneof(fc.integer({ min: -2, max: 2 ** 33 }), fc.double()),
        extra: fc.string(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );
  for (const name of ['beijing2011', 'beijing2014', 'beijing2016', 'explicit'] as const) {
    it(`fast path accepts exactly what the ${name} schema accepts, with the same weight`, () => {
      const policy = presets[name];
      const read = recordReaderFor(policy);
      const schema = recordSchemaFor(policy);
      fc.assert(
        fc.property(anyRecord, (record) => {
          const result = read(record, { path: [0] });
          const valid = schema.safeParse(record).success;
          if (!valid) expect(Array.isArray(result)).toBe(true);
          else if (!Array.isArray(result)) {
            const parsed = schema.parse(record) as { code: string; draws?: number; c5?: boolean; weight?: number };
            expect(result.code).toBe(Number(parsed.code));
          }
        }),
        { numRuns: 2000 },
      );
    });
  }
});

describe('numberToCode', () => {
  it('is the 13 digits of the value, leading zeros kept, and parseApplicationCode inverts it', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.constantFrom(0, 9_999_999_999_999)),
        (value) => {
          const code = numberToCode(value);
          expect(code).toBe(String(value).padStart(13, '0'));
          expect(parseApplicationCode(code)).toBe(value);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('canonical form', () => {
  // The writer makes each line's digits with arithmetic on the key (canonicalPoolBytes.ts); this
  // spells the lines with strings, as spec §2.3 says, for codes at the edges of their range too.
  const edgeCode = fc.constantFrom('0000000000000', '0000000000001', '0000009999999', '0000010000000', '9999999999999');
  it('is the spec text for any codes, kinds and weights', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            code: fc.oneof(codeArb, edgeCode),
            kind: fc.constantFrom('individual', 'family', 'unit'),
            weight: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 2 ** 32 - 1 })),
          }),
          { selector: (r) => r.code, maxLength: 80 },
        ),
        (records) => {
          const pool = createPool(records, { policy: presets.explicit });
          const chunks: Uint8Array[] = [];
          writeCanonicalPool(pool, (chunk) => chunks.push(chunk), 64);
          const letter = { individual: 'I', family: 'F', unit: 'U' } as const;
          const lines = [...records]
            .sort((a, b) => (a.code < b.code ? -1 : 1))
            .map((r) => `${r.code} ${letter[r.kind]} ${r.weight}\n`);
          expect(Buffer.concat(chunks).toString('latin1')).toBe(`yaohao-pool/1\n${lines.join('')}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

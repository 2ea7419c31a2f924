import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, drawLottery, presets, serializeRecord } from '../../src/index';
import { specDraw } from '../support/independent';

const codeArb = fc.stringMatching(/^[0-9]{13}$/);
const recordsArb = fc.uniqueArray(
  fc.record({
    code: codeArb,
    weight: fc.integer({ min: 1, max: 12 }),
    kind: fc.constantFrom('individual', 'family', 'unit'),
  }),
  {
    selector: (r) => r.code,
    minLength: 1,
    maxLength: 80,
  },
);
const optionsArb = fc.oneof(
  fc.record({
    generator: fc.constant('legacy' as const),
    seed: fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
    label: fc.constant(''),
  }),
  fc.record({
    generator: fc.constant('default' as const),
    seed: fc.string({ minLength: 1, maxLength: 20 }),
    label: fc.string({ maxLength: 10 }),
  }),
);

describe('drawLottery properties', () => {
  it('same inputs → byte-identical record; any input order → identical record', () => {
    fc.assert(
      fc.property(
        recordsArb,
        optionsArb,
        fc.integer({ min: 1, max: 100 }),
        fc.integer(),
        (records, options, quota, shuffleSeed) => {
          const pool = createPool(records, { policy: presets.explicit });
          const shuffled = [...records].sort(
            (a, b) =>
              ((a.code.charCodeAt(shuffleSeed & 7) * 31 + shuffleSeed) % 97) -
              ((b.code.charCodeAt(shuffleSeed & 7) * 31 + shuffleSeed) % 97),
          );
          const again = createPool(shuffled, { policy: presets.explicit });
          const first = serializeRecord(drawLottery(pool, { ...options, quota }).record);
          expect(serializeRecord(drawLottery(pool, { ...options, quota }).record)).toBe(first);
          expect(serializeRecord(drawLottery(again, { ...options, quota }).record)).toBe(first);
        },
      ),
    );
  });
  it('winners are distinct pool members, exactly min(quota, size) of them, each at an entry of its own code', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, fc.integer({ min: 1, max: 100 }), (records, options, quota) => {
        const pool = createPool(records, { policy: presets.explicit });
        const { winners } = drawLottery(pool, { ...options, quota });
        expect(winners).toHaveLength(Math.min(quota, pool.size));
        expect(new Set(winners.map((w) => w.code)).size).toBe(winners.length);
        for (const w of winners) {
          expect(pool.codeAt(w.entry)).toBe(w.code);
          expect(pool.kindOf(w.code)).toBe(w.kind);
        }
      }),
    );
  });
  it('asking for more winners never changes the earlier ones (for a fixed pool and seed)', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, fc.integer({ min: 1, max: 40 }), (records, options, quota) => {
        const pool = createPool(records, { policy: presets.explicit });
        fc.pre(quota + 1 < pool.size);
        const fewer = drawLottery(pool, { ...options, quota }).winners;
        const more = drawLottery(pool, { ...options, quota: quota + 1 }).winners;
        expect(more.slice(0, quota)).toEqual(fewer);
      }),
    );
  });
  it('agrees with the independent implementation of the spec', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, fc.integer({ min: 1, max: 100 }), (records, options, quota) => {
        const pool = createPool(records, { policy: presets.explicit });
        const spec = specDraw(
          records.map((r) => ({
            code: r.code,
            weight: r.weight,
            kind: r.kind === 'individual' ? 'I' : r.kind === 'family' ? 'F' : 'U',
          })),
          quota,
          options.generator,
          options.seed,
          options.label,
        );
        fc.pre(spec !== 'exhausted' && spec !== 'too-costly');
        const { record } = drawLottery(pool, { ...options, quota });
        expect(record.winners.map((w) => ({ code: w.code, entry: w.entry }))).toEqual(spec.winners);
        expect(record.picks).toBe(spec.picks);
      }),
      { numRuns: 300 },
    );
  });
});

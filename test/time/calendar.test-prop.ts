// The calendar arithmetic behind queue years, and timestamps read from bytes, against plain references.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullYearsBetween } from '../../src/time/fullYearsBetween';
import { civilFromDays, isTimestamp, parseTimestamp, readTimestamp, timestampOf } from '../../src/time/timestamp';

// Anniversaries by comparing (month, day, time of day) field by field, as the spec (§11.3) words it.
function referenceYears(from: number, to: number, offsetMinutes: number, roundUpPart: boolean): number {
  if (to <= from) return 0;
  const fields = (ms: number): [number, number, number, number] => {
    const local = ms + offsetMinutes * 60_000;
    const days = Math.floor(local / 86_400_000);
    const { year, month, day } = civilFromDays(days);
    return [year, month, day, local - days * 86_400_000];
  };
  const [ay, am, ad, at] = fields(from);
  const [by, bm, bd, bt] = fields(to);
  const reached = bm > am || (bm === am && (bd > ad || (bd === ad && bt >= at)));
  const years = by - ay - (reached ? 0 : 1);
  const exact = reached && bm === am && bd === ad && bt === at;
  return roundUpPart && !exact ? years + 1 : years;
}

const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
const offset = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });

describe('fullYearsBetween', () => {
  it('counts the anniversaries reached, as the field-by-field comparison does', () => {
    fc.assert(
      fc.property(instant, instant, offset, fc.boolean(), (from, to, minutes, roundUp) => {
        expect(fullYearsBetween(from, to, minutes, roundUp)).toBe(referenceYears(from, to, minutes, roundUp));
      }),
      { numRuns: 5000 },
    );
  });
  it('is exact on anniversaries, 29 February included', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -2, max: 2 }),
        offset,
        (from, years, nudge, minutes) => {
          const { year, month, day } = civilFromDays(Math.floor((from + minutes * 60_000) / 86_400_000));
          const to = from + (Date.UTC(year + years, month - 1, day) - Date.UTC(year, month - 1, day)) + nudge;
          for (const roundUp of [false, true])
            expect(fullYearsBetween(from, to, minutes, roundUp)).toBe(referenceYears(from, to, minutes, roundUp));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('timestamps read from bytes', () => {
  const text = fc.oneof(
    fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,4})?(Z|[+-]\d{2}:\d{2})$/),
    fc.string({ maxLength: 32 }),
  );
  it('agree with parseTimestamp, in a longer buffer too', () => {
    fc.assert(
      fc.property(text, fc.string({ maxLength: 3 }), (value, around) => {
        const expected = parseTimestamp(value);
        const bytes = new TextEncoder().encode(`${around}${value}${around}`);
        const start = new TextEncoder().encode(around).length;
        const end = bytes.length - start;
        expect(timestampOf(value)).toBe(expected ?? Number.NaN);
        expect(readTimestamp(bytes, start, end)).toBe(expected ?? Number.NaN);
        expect(isTimestamp(bytes, start, end)).toBe(expected !== undefined);
      }),
      { numRuns: 5000 },
    );
  });
});

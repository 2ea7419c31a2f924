import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMESTAMP_PATTERN, parseOffset, parseTimestamp } from '../../src/time/timestamp';

// The oracle: the grammar as a regex plus the platform's ISO parser, which is exact for strings
// that match the grammar (4-digit years, explicit offsets). Out-of-range fields must be refused
// rather than rolled over, which Date.parse does not promise, so they are checked separately.
function reference(text: string): number | undefined {
  const match = TIMESTAMP_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, , zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const monthDays = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // leap-year-agnostic bound
  const leapFeb = month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > monthDays || leapFeb) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (zone !== 'Z' && (Number(zone!.slice(1, 3)) > 23 || Number(zone!.slice(4, 6)) > 59)) return undefined;
  const value = Date.parse(text);
  return Number.isNaN(value) ? undefined : value;
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const timestampLike = fc
  .tuple(
    fc.integer({ min: 1900, max: 2100 }).map(String),
    two(13),
    two(32),
    two(24),
    two(60),
    two(60),
    fc.option(
      fc
        .integer({ min: 0, max: 999 })
        .chain((n) => fc.constantFrom(String(n).slice(0, 1), String(n), String(n).padStart(3, '0'))),
      { nil: undefined },
    ),
    fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), two(24), two(60)).map(([sign, h, m]) => `${sign}${h}:${m}`),
    ),
  )
  .map(([y, mo, d, h, mi, s, ms, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${ms === undefined ? '' : `.${ms}`}${zone}`);

describe('parseTimestamp', () => {
  it('agrees with the grammar and the ISO parser on timestamp-shaped text', () => {
    fc.assert(
      fc.property(timestampLike, (text) => {
        expect(parseTimestamp(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses anything off the grammar', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 32 }), timestampLike, fc.nat(40), (junk, text, cut) => {
        for (const candidate of [
          junk,
          text.slice(0, cut),
          `${text} `,
          ` ${text}`,
          text.replace('T', ' '),
          text + junk,
        ]) {
          if (!TIMESTAMP_PATTERN.test(candidate)) expect(parseTimestamp(candidate)).toBeUndefined();
          else expect(parseTimestamp(candidate)).toBe(reference(candidate));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('knows leap days, fractions and offsets', () => {
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2023-02-29T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp('1900-02-29T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2018-01-07T14:56:11.4+08:00')).toBe(Date.UTC(2018, 0, 7, 6, 56, 11, 400));
    expect(parseTimestamp('2018-01-07T14:56:11.04+08:00')).toBe(Date.UTC(2018, 0, 7, 6, 56, 11, 40));
    expect(parseTimestamp('2018-01-07T14:56:11.1234+08:00')).toBeUndefined();
    expect(parseTimestamp('2018-01-07T14:56:11.+08:00')).toBeUndefined();
    expect(parseTimestamp('2018-01-07T14:56:11')).toBeUndefined();
    expect(parseTimestamp('2018-01-07T24:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2018-01-07T06:56:11-00:30')).toBe(Date.UTC(2018, 0, 7, 7, 26, 11));
    expect(parseTimestamp('２018-01-07T06:56:11Z')).toBeUndefined();
  });

  it('reads offsets on their own', () => {
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('+08:00')).toBe(480);
    expect(parseOffset('-05:30')).toBe(-330);
    for (const bad of ['', 'z', 'Z ', '+24:00', '+08:60', '+0800', '08:00', '+08:00:00', '+8:00'])
      expect(parseOffset(bad)).toBeUndefined();
  });
});

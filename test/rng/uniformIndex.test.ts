import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformIndex, YaohaoError, type WordSource } from '../../src/index';

function words(values: number[]): WordSource & { used: number } {
  const source = { used: 0, nextUint32: () => values[source.used++]! };
  return source;
}

describe('uniformIndex', () => {
  it('accepts w below 2^32 − (2^32 mod n) and returns w mod n', () => {
    // n = 3: 2^32 mod 3 = 1, so the limit is 2^32 − 1 and 0xffffffff is rejected.
    const source = words([0xffff_ffff, 7]);
    expect(uniformIndex(source, 3)).toBe(1);
    expect(source.used).toBe(2);
  });
  it('n = 1 and n = 2^32 never reject', () => {
    expect(uniformIndex(words([0xffff_ffff]), 1)).toBe(0);
    expect(uniformIndex(words([0xffff_ffff]), 2 ** 32)).toBe(0xffff_ffff);
  });
  it('above 2^32 combines two words into 53 bits: (hi >>> 11) · 2^32 + lo', () => {
    const n = 2 ** 32 + 5;
    const hi = 0x0000_0800; // hi >>> 11 = 1
    expect(uniformIndex(words([hi, 10]), n)).toBe((2 ** 32 + 10) % n);
  });
  it('agrees with exact BigInt arithmetic for any n and words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 0, max: 0xffff_ffff }), { minLength: 64, maxLength: 64 }),
        (n, stream) => {
          const source = words(stream);
          let expected: number | undefined;
          const big = BigInt(n);
          let at = 0;
          while (expected === undefined && at + 2 <= stream.length) {
            if (n <= 2 ** 32) {
              const w = BigInt(stream[at++]!);
              if (w < 2n ** 32n - (2n ** 32n % big)) expected = Number(w % big);
            } else {
              const x = BigInt(stream[at]! >>> 11) * 2n ** 32n + BigInt(stream[at + 1]!);
              at += 2;
              if (x < 2n ** 53n - (2n ** 53n % big)) expected = Number(x % big);
            }
          }
          fc.pre(expected !== undefined);
          expect(uniformIndex(source, n)).toBe(expected);
          expect(source.used).toBe(at);
        },
      ),
    );
  });
  it('refuses n outside 1..2^53 − 1', () => {
    expect(() => uniformIndex(words([1]), 0)).toThrow(YaohaoError);
    expect(() => uniformIndex(words([1]), 2 ** 53)).toThrow(YaohaoError);
    expect(() => uniformIndex(words([1]), 1.5)).toThrow(YaohaoError);
  });
});

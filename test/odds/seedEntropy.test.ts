import { describe, expect, it } from 'vitest';
import { safeSeedEntropy, seedEntropy, SECURE_SEED_BITS } from '../../src/index';

const BEIJING = {
  classes: [
    { weight: 1, count: 1_550_000 },
    { weight: 10, count: 1_550_000 },
  ],
};
const log2FallingFactorial = (n: number, q: number): number => {
  let bits = 0;
  for (let k = 0; k < q; k++) bits += Math.log2(n - k);
  return bits;
};

describe('seedEntropy', () => {
  it('a 6-digit ceremony seed: 19.93 bits against a huge outcome space, with a warning and what to do', () => {
    const result = seedEntropy('033859', 'legacy', BEIJING, 6400);
    expect(result.seedBits).toBeCloseTo(Math.log2(1e6), 12);
    expect(result.seedRule).toBe('6 decimal digits: 10^6 seeds');
    expect(result.outcomeBits).toBeCloseTo(log2FallingFactorial(3_100_000, 6400), 4);
    expect(result.warning).toMatch(/only about 1000000 values/);
    expect(result.warning).toMatch(/randomness beacon/);
    expect(result.warning).toMatch(/several independent public sources/);
  });

  it('legacy seeds never exceed the generator’s 2^31 seeds', () => {
    expect(seedEntropy('2147483647', 'legacy', BEIJING, 10).seedBits).toBe(31);
  });

  it('default seeds: counted by character classes and length, capped at the 256-bit key', () => {
    const hex = 'e2a6c0b1f3d4'.repeat(6); // 72 hex digits
    const beacon = seedEntropy(hex, 'default', BEIJING, 6400);
    expect(beacon.seedBits).toBe(256);
    expect(beacon.seedRule).toMatch(/72 hex digits.*capped at the 256-bit key/);
    expect(beacon.warning).toBeUndefined();
    const phrase = seedEntropy('beacon round 4513224', 'default', BEIJING, 6400);
    // 20 characters from digits, lower-case and other ASCII: 69 symbols.
    expect(phrase.seedBits).toBeCloseTo(20 * Math.log2(69), 12);
    expect(phrase.seedRule).toMatch(/digits, lower-case letters, other ASCII \(69 symbols\)/);
    expect(seedEntropy('abc', 'default', BEIJING, 1).seedBits).toBeCloseTo(3 * Math.log2(26), 12);
    expect(seedEntropy('摇号', 'default', BEIJING, 1).seedBits).toBe(32);
    expect(seedEntropy('123456', 'default', BEIJING, 6400).warning).toBeDefined();
  });

  it('no warning when the outcome space is smaller than the seed space, and 0 bits when everyone wins', () => {
    const tiny = { classes: [{ weight: 1, count: 10 }] };
    expect(seedEntropy('033859', 'legacy', tiny, 1)).toEqual({
      seedBits: Math.log2(10) * 6,
      seedRule: '6 decimal digits: 10^6 seeds',
      outcomeBits: expect.closeTo(Math.log2(10), 12),
    });
    expect(seedEntropy('1', 'legacy', tiny, 10).outcomeBits).toBe(0);
    expect(SECURE_SEED_BITS).toBe(128);
  });

  it('refuses a seed its generator does not take', () => {
    expect(safeSeedEntropy('12a', 'legacy', BEIJING, 3)).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_seed', path: ['seed'] }],
    });
    expect(safeSeedEntropy('x', 'default', BEIJING, 0)).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_quota' }],
    });
  });
});

import { argumentError, requireInteger } from '../errors/arguments';
import type { WordSource } from './WordSource';

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/**
 * An unbiased integer in [0, n) by rejection sampling, integer arithmetic only (docs/spec.md §4.3).
 * n ≤ 2^32: one word w; accept when w < 2^32 − (2^32 mod n); return w mod n.
 * n > 2^32 (up to 2^53 − 1): two words hi, lo form x = (hi >>> 11)·2^32 + lo, a 53-bit integer;
 * accept when x < 2^53 − (2^53 mod n); return x mod n.
 * All values stay below 2^53, so every JS number operation here is exact.
 */
export function uniformIndex(words: WordSource, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) requireInteger(n, ['n'], 1, Number.MAX_SAFE_INTEGER);
  if (typeof (words as Partial<WordSource> | null)?.nextUint32 !== 'function')
    throw argumentError(['words'], 'a word source (nextUint32)', words);
  if (n <= TWO_POW_32) {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const w = words.nextUint32();
      if (w < limit) return w % n;
      if (!(w < TWO_POW_32)) badWord(w); // a rejection must be a real word, or the loop would never end
    }
  }
  const limit = TWO_POW_53 - (TWO_POW_53 % n);
  for (;;) {
    const hi = words.nextUint32() >>> 11;
    const x = hi * TWO_POW_32 + words.nextUint32();
    if (x < limit) return x % n;
    if (!(x < TWO_POW_53)) badWord(x);
  }
}

function badWord(word: unknown): never {
  throw argumentError(['words'], 'a word source whose nextUint32 returns integers in [0, 2^32)', word);
}

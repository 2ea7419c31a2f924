import { argumentError, isObject, requireInteger } from '../errors/arguments';

/** The saved state of a LegacyDotNetRandom; `fromState` continues exactly where it was taken. */
export interface LegacyDotNetRandomState {
  /** The 56-slot table (slot 0 unused), each value in [0, MBIG). */
  readonly seedArray: readonly number[];
  /** Index of the slot the next sample updates (1..55). */
  readonly inext: number;
  /** Index of the lagged slot subtracted from it (1..55). */
  readonly inextp: number;
}

const MBIG = 2147483647;
const MSEED = 161803398;
// Sample() in .NET is InternalSample() * (1.0 / MBIG): a multiplication by this rounded
// constant, not a division. Reproducing the exact float steps is what makes legacy picks match.
const INV_MBIG = 1.0 / MBIG;

/**
 * The legacy .NET `System.Random(int seed)` (Knuth's subtractive generator), as used by the
 * official Beijing verification tool. Integer arithmetic except `sample()`, the one documented
 * float step of the legacy mode. See docs/spec.md §4.1.
 */
export class LegacyDotNetRandom {
  private readonly seedArray: Int32Array;
  private inext: number;
  private inextp: number;

  /** `seed` must be an integer in 0..2147483647 (yaohao never passes negative seeds; .NET takes |seed|). */
  constructor(seed: number) {
    requireInteger(seed, ['seed'], 0, MBIG);
    // C# int arithmetic is unchecked: every step wraps modulo 2^32, which `| 0` reproduces.
    // (Seeds above MSEED = 161803398 make the table negative and these wraps happen.)
    const a = new Int32Array(56);
    let mj = (MSEED - seed) | 0;
    a[55] = mj;
    let mk = 1;
    for (let i = 1; i < 55; i++) {
      const ii = (21 * i) % 55;
      a[ii] = mk;
      mk = (mj - mk) | 0;
      if (mk < 0) mk = (mk + MBIG) | 0;
      mj = a[ii]!;
    }
    for (let k = 1; k < 5; k++) {
      for (let i = 1; i < 56; i++) {
        let value = (a[i]! - a[1 + ((i + 30) % 55)]!) | 0;
        if (value < 0) value = (value + MBIG) | 0;
        a[i] = value;
      }
    }
    this.seedArray = a;
    this.inext = 0;
    this.inextp = 21;
  }

  /** Rebuilds a generator from `getState()`; it continues the same sequence. */
  static fromState(state: LegacyDotNetRandomState): LegacyDotNetRandom {
    const table = isObject(state) ? state['seedArray'] : undefined;
    if (
      !Array.isArray(table) ||
      table.length !== 56 ||
      !table.every((v) => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31)
    )
      throw argumentError(['state', 'seedArray'], '56 32-bit integers (from getState)', table);
    requireInteger(state.inext, ['state', 'inext'], 0, 55);
    requireInteger(state.inextp, ['state', 'inextp'], 0, 55);
    const random = new LegacyDotNetRandom(0);
    random.seedArray.set(state.seedArray);
    random.inext = state.inext;
    random.inextp = state.inextp;
    return random;
  }

  /** A copy of the internal state. */
  getState(): LegacyDotNetRandomState {
    return { seedArray: Array.from(this.seedArray), inext: this.inext, inextp: this.inextp };
  }

  /** .NET `InternalSample()` (what `Next()` returns): an integer in [0, 2147483647) for seeds up to MSEED; larger seeds can yield −1, as in .NET. */
  next(): number {
    let locINext = this.inext + 1;
    if (locINext >= 56) locINext = 1;
    let locINextp = this.inextp + 1;
    if (locINextp >= 56) locINextp = 1;
    let value = (this.seedArray[locINext]! - this.seedArray[locINextp]!) | 0;
    if (value === MBIG) value--;
    if (value < 0) value = (value + MBIG) | 0;
    this.seedArray[locINext] = value;
    this.inext = locINext;
    this.inextp = locINextp;
    return value;
  }

  /** .NET `Sample()`: `Next() × (1.0 / 2147483647)`, a double in [0, 1). */
  sample(): number {
    return this.next() * INV_MBIG;
  }

  /** .NET `Next(maxValue)`: `(int)(Sample() × maxValue)`, for 1 ≤ maxValue ≤ 2147483647. Slightly non-uniform for large maxValue, as in .NET. */
  nextBelow(maxValue: number): number {
    if (typeof maxValue !== 'number' || !(maxValue >= 1 && maxValue <= MBIG && Number.isInteger(maxValue)))
      requireInteger(maxValue, ['maxValue'], 1, MBIG);
    // (int) in C# truncates toward zero.
    return Math.trunc(this.sample() * maxValue);
  }
}

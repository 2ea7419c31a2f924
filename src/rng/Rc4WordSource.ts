import seedrandom from 'seedrandom';
import { argumentError, isObject, requireInteger, requireString } from '../errors/arguments';
import type { WordSource } from './WordSource';

/** The saved state of an Rc4WordSource (RC4's i, j and permutation S). */
export interface Rc4State {
  /** RC4's index i (0–255). */
  readonly i: number;
  /** RC4's index j (0–255). */
  readonly j: number;
  /** RC4's permutation S of 0..255. */
  readonly S: readonly number[];
}

interface Arc4Prng {
  int32(): number;
  state(): Rc4State;
}

/**
 * 32-bit words from seedrandom's ARC4 generator: RC4 keyed by the key string's char codes
 * (yaohao keys are 64 ASCII hex characters, so no two keys collide), the first 256 keystream
 * bytes dropped; each word is the next 4 keystream bytes, big-endian. See docs/spec.md §4.2.
 */
export class Rc4WordSource implements WordSource {
  private readonly prng: Arc4Prng;

  private constructor(prng: Arc4Prng) {
    this.prng = prng;
  }

  /** A fresh stream for `key` (use deriveDefaultKey to get one). */
  static fromKey(key: string): Rc4WordSource {
    requireString(key, ['key']);
    return new Rc4WordSource(seedrandom(key, { state: true, global: false }));
  }

  /** Rebuilds a stream from `getState()`; it continues the same sequence. */
  static fromState(state: Rc4State): Rc4WordSource {
    const table = isObject(state) ? state['S'] : undefined;
    // RC4's S is a permutation of 0..255.
    if (
      !Array.isArray(table) ||
      table.length !== 256 ||
      new Set(table).size !== 256 ||
      !table.every((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 256)
    )
      throw argumentError(['state', 'S'], 'a permutation of 0..255 (from getState)', table);
    requireInteger(state.i, ['state', 'i'], 0, 255);
    requireInteger(state.j, ['state', 'j'], 0, 255);
    const copy = { i: state.i, j: state.j, S: state.S.slice() };
    return new Rc4WordSource(seedrandom('', { state: copy, global: false } as never));
  }

  /** A copy of the RC4 state. */
  getState(): Rc4State {
    return this.prng.state();
  }

  nextUint32(): number {
    return this.prng.int32() >>> 0;
  }
}

import { requireInteger, requireObject, requireString } from '../errors/arguments';
import { numberToCode } from '../pool/applicationCode';
import { deriveDefaultKey } from '../rng/deriveDefaultKey';
import { Rc4WordSource } from '../rng/Rc4WordSource';
import { uniformIndex } from '../rng/uniformIndex';

/** Options of syntheticBeijingRecords. */
export interface SyntheticPoolOptions {
  /** Number of applications. Beijing 2019: 3,100,000. */
  readonly size: number;
  /** Any string; the same seed gives the same records. Default "yaohao-synthetic". */
  readonly seed?: string;
  /** Earlier draws are uniform in 0..maxDraws−1. Default 60, which under beijing2016 gives steps 1..10, mean 5.5. */
  readonly maxDraws?: number;
  /** One applicant in this many holds a C5 licence. Default 1000. */
  readonly c5OneIn?: number;
}

/** One synthetic individual record (beijing2014/2016 shape). */
export interface SyntheticRecord {
  /** 13-digit application code. */
  readonly code: string;
  /** Earlier draws entered. */
  readonly draws: number;
  /** Holds a C5 licence. */
  readonly c5?: true;
}

/**
 * A deterministic synthetic pool of individual applications, Beijing-2019-like: codes are
 * 4 random digits and a 9-digit running number (so they are unique and arrive out of code
 * order, as applications do), draw counts are uniform, about 0.1 % hold a C5 licence.
 * Randomness comes from the default generator's stream, so any platform gives the same records.
 */
export function syntheticBeijingRecords(options: SyntheticPoolOptions): Generator<SyntheticRecord, void, undefined> {
  // Checked when called, not when the first record is asked for.
  const o = requireObject(options, ['options']);
  const size = requireInteger(o['size'], ['options', 'size'], 0, MAX_SYNTHETIC_SIZE);
  const seed = o['seed'] === undefined ? 'yaohao-synthetic' : requireString(o['seed'], ['options', 'seed']);
  const maxDraws =
    o['maxDraws'] === undefined ? 60 : requireInteger(o['maxDraws'], ['options', 'maxDraws'], 1, 2 ** 32);
  const c5OneIn = o['c5OneIn'] === undefined ? 1000 : requireInteger(o['c5OneIn'], ['options', 'c5OneIn'], 1, 2 ** 32);
  return records(size, seed, maxDraws, c5OneIn);
}

/** The most records syntheticBeijingRecords makes: codes are a 9-digit running number from 100,000,000. */
export const MAX_SYNTHETIC_SIZE = 900_000_000;

/** Synthetic records as columns: code values, earlier draws, C5 (1 or 0). */
export interface SyntheticColumns {
  readonly codes: Float64Array;
  readonly draws: Uint32Array;
  readonly c5: Uint8Array;
}

/**
 * Records `from` … `from + count − 1` of a synthetic pool drawn from `words` (which must have
 * produced records 0 … from − 1 already), into columns at `at`: per record three words — the
 * code's 4 random digits, the draws, the C5 licence — and the running number 100,000,000 + index.
 */
export function fillSyntheticColumns(
  words: Rc4WordSource,
  from: number,
  count: number,
  maxDraws: number,
  c5OneIn: number,
  out: SyntheticColumns,
  at = 0,
): void {
  for (let k = 0; k < count; k++) {
    const prefix = uniformIndex(words, 10_000);
    out.draws[at + k] = uniformIndex(words, maxDraws);
    out.c5[at + k] = uniformIndex(words, c5OneIn) === 0 ? 1 : 0;
    out.codes[at + k] = prefix * 1_000_000_000 + 100_000_000 + from + k;
  }
}

/** The word stream of a synthetic pool's records. */
export function syntheticWords(seed: string): Rc4WordSource {
  return Rc4WordSource.fromKey(deriveDefaultKey(seed, 'synthetic-beijing-records'));
}

const CHUNK = 4096;

function* records(
  size: number,
  seed: string,
  maxDraws: number,
  c5OneIn: number,
): Generator<SyntheticRecord, void, undefined> {
  const words = syntheticWords(seed);
  const chunk = { codes: new Float64Array(CHUNK), draws: new Uint32Array(CHUNK), c5: new Uint8Array(CHUNK) };
  for (let from = 0; from < size; from += CHUNK) {
    const count = Math.min(CHUNK, size - from);
    fillSyntheticColumns(words, from, count, maxDraws, c5OneIn, chunk);
    for (let k = 0; k < count; k++) {
      const code = numberToCode(chunk.codes[k]!);
      const draws = chunk.draws[k]!;
      yield chunk.c5[k] === 1 ? { code, draws, c5: true } : { code, draws };
    }
  }
}

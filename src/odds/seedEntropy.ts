import { checkDrawOptions } from '../draw/checkDrawOptions';
import type { SafeResult } from '../errors/SafeResult';
import { safely } from '../errors/safely';
import { requireString } from '../errors/arguments';
import type { Pool } from '../pool/Pool';
import type { GeneratorId } from '../rng/generators';
import { logGamma } from './internal/specialFunctions';
import { compositionOf, type PoolComposition } from './PoolComposition';

/** How much chance a seed can carry, against how much the draw needs. */
export interface SeedEntropy {
  /** log2 of the number of seeds this seed could have been (docs/spec.md §17.5). */
  readonly seedBits: number;
  /** How seedBits was counted, in words. */
  readonly seedRule: string;
  /** log2 of the number of possible ordered winner lists: n!/(n − q)!; 0 when everyone wins. */
  readonly outcomeBits: number;
  /** Present when the seed space is smaller than the outcome space and small enough to try every seed. */
  readonly warning?: string;
}

/**
 * Seeds below this many bits can be tried one by one, and chosen: a seed must carry at least
 * this much chance, or as much as the outcome space when that is smaller.
 */
export const SECURE_SEED_BITS = 128;

/** The default generator's key is a SHA-256 of the seed: no seed carries more than 256 bits. */
const KEY_BITS = 256;

const LOG2_10 = Math.log2(10);

/**
 * Seed space against outcome space (docs/spec.md §17.5). A legacy seed of d digits comes from a
 * ceremony that draws d digits: 10^d seeds (a 6-digit seed: log2(10^6) ≈ 19.93 bits — only a
 * million possible results, which anyone can compute in advance). A default-generator seed is
 * counted as if each of its characters were drawn at random from the classes it uses (digits 10,
 * hex digits 16, lower-case 26, upper-case 26, other ASCII 33, anything else 65,536): an upper
 * bound — a phrase or a known round number carries far less. The outcome space is the number of
 * ordered winner lists, n!/(n − q)!.
 */
export function seedEntropy(
  seed: string,
  generator: GeneratorId,
  pool: Pool | PoolComposition,
  quota: number,
): SeedEntropy {
  requireString(seed, ['seed']);
  requireString(generator, ['generator']);
  const composition = compositionOf(pool);
  const size = composition.classes.reduce((sum, c) => sum + c.count, 0);
  const totalEntries = composition.classes.reduce((sum, c) => sum + c.count * c.weight, 0);
  checkDrawOptions({ quota, seed, generator }, totalEntries, []);
  const { bits, rule } = generator === 'legacy' ? legacySeedBits(seed) : defaultSeedBits(seed);
  const outcomeBits = quota >= size ? 0 : (logGamma(size + 1) - logGamma(size - quota + 1)) / Math.LN2;
  const needed = Math.min(outcomeBits, SECURE_SEED_BITS);
  return {
    seedBits: bits,
    seedRule: rule,
    outcomeBits,
    ...(bits < needed ? { warning: warningText(bits, outcomeBits) } : {}),
  };
}

/** seedEntropy that returns `{ success, value | issues }` instead of throwing. */
export function safeSeedEntropy(
  seed: string,
  generator: GeneratorId,
  pool: Pool | PoolComposition,
  quota: number,
): SafeResult<SeedEntropy> {
  return safely(() => seedEntropy(seed, generator, pool, quota));
}

function legacySeedBits(seed: string): { bits: number; rule: string } {
  // .NET takes |seed| ≤ 2^31 − 1: at most 2^31 distinct generators, however many digits.
  const bits = Math.min(seed.length * LOG2_10, 31);
  return {
    bits,
    rule: `${seed.length} decimal digits: 10^${seed.length} seeds${bits === 31 ? ', capped at the 2^31 seeds of the legacy generator' : ''}`,
  };
}

const CLASSES: readonly { name: string; size: number; test: (c: number) => boolean }[] = [
  { name: 'digits', size: 10, test: (c) => c >= 0x30 && c <= 0x39 },
  { name: 'lower-case letters', size: 26, test: (c) => c >= 0x61 && c <= 0x7a },
  { name: 'upper-case letters', size: 26, test: (c) => c >= 0x41 && c <= 0x5a },
  { name: 'other ASCII', size: 33, test: (c) => c >= 0x20 && c < 0x7f },
  { name: 'other characters', size: 65_536, test: () => true },
];

function defaultSeedBits(seed: string): { bits: number; rule: string } {
  const characters = [...seed];
  const codes = characters.map((ch) => ch.codePointAt(0)!);
  const isHex = (c: number): boolean =>
    (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
  const digits = codes.some((c) => c >= 0x30 && c <= 0x39);
  const lower = codes.some((c) => c >= 0x61 && c <= 0x66);
  const upper = codes.some((c) => c >= 0x41 && c <= 0x46);
  // Digits and hex letters of one case (a beacon value, a hash): 16 symbols, not 36.
  if (digits && (lower || upper) && !(lower && upper) && codes.every(isHex)) {
    const bits = Math.min(characters.length * 4, KEY_BITS);
    return { bits, rule: `${characters.length} hex digits: 16^${characters.length} seeds${capped(bits)}` };
  }
  const used = new Set<number>();
  for (const c of codes) used.add(CLASSES.findIndex((k) => k.test(c)));
  const alphabet = [...used].reduce((sum, k) => sum + CLASSES[k]!.size, 0);
  const bits = Math.min(characters.length * Math.log2(alphabet), KEY_BITS);
  const names = [...used].sort((a, b) => a - b).map((k) => CLASSES[k]!.name);
  return {
    bits,
    rule: `${characters.length} characters from ${names.join(', ')} (${alphabet} symbols): at most ${alphabet}^${characters.length} seeds if every character was drawn at random${capped(bits)}`,
  };
}

const capped = (bits: number): string => (bits === KEY_BITS ? ', capped at the 256-bit key' : '');

function warningText(seedBits: number, outcomeBits: number): string {
  const seeds = seedBits < 53 ? String(Math.round(2 ** seedBits)) : `2^${seedBits.toFixed(0)}`;
  return (
    `The seed can take only about ${seeds} values (${seedBits.toFixed(2)} bits), while the draw has 2^${outcomeBits.toFixed(0)} possible winner lists: ` +
    `only that many results can ever come out, anyone can compute all of them in advance, and whoever chooses or predicts the seed chooses the result. ` +
    `Use a seed of at least ${SECURE_SEED_BITS} bits that nobody knows before the pool is sealed: a public randomness beacon round announced in advance ` +
    `(drand, NIST), or several independent public sources joined into one string (a beacon value, a lottery result, a stock index close), published with the pool.`
  );
}

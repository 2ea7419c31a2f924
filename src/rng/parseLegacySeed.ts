/** Largest seed the legacy generator takes (Int32.MaxValue). */
export const MAX_LEGACY_SEED = 2147483647;

/**
 * The integer a legacy seed string stands for: decimal digits only, so a ceremony seed "033859"
 * means 33859. Signs are refused because .NET takes |seed|, which would make "-5" and "5" the
 * same draw. Returns undefined when the string is not such a seed.
 */
export function parseLegacySeed(seed: string): number | undefined {
  if (typeof seed !== 'string' || !/^[0-9]{1,10}$/.test(seed)) return undefined;
  const value = Number(seed);
  return value <= MAX_LEGACY_SEED ? value : undefined;
}

// Exact win probabilities of tiny pools by enumerating every ordered winner list, in rationals
// (BigInt numerators and denominators): the draw rule with nothing approximated. An ordered list
// c1, c2, … has probability Π w(c_k) / (T − Σ_{j<k} w(c_j)) (a pick on a code that already won is
// thrown away, so each new winner is chosen in proportion to weight among the others).

export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};
const reduce = (n: bigint, d: bigint): Fraction => {
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
export const add = (a: Fraction, b: Fraction): Fraction => reduce(a.n * b.d + b.n * a.d, a.d * b.d);
export const toNumber = (f: Fraction): number => Number((f.n * 10n ** 30n) / f.d) / 1e30;

/** For each class, the exact probability that one of its codes wins (all codes of a class alike). */
export function exactClassOdds(weights: readonly number[], counts: readonly number[], quota: number): Fraction[] {
  const codes: number[] = [];
  const classOf: number[] = [];
  weights.forEach((w, c) => {
    for (let i = 0; i < counts[c]!; i++) {
      codes.push(w);
      classOf.push(c);
    }
  });
  const wins: Fraction[] = codes.map(() => ({ n: 0n, d: 1n }));
  const taken = codes.map(() => false);
  const total = codes.reduce((a, b) => a + b, 0);
  const walk = (depth: number, probability: Fraction, remaining: number): void => {
    if (depth === Math.min(quota, codes.length)) return;
    for (let i = 0; i < codes.length; i++) {
      if (taken[i]) continue;
      const p = reduce(probability.n * BigInt(codes[i]!), probability.d * BigInt(remaining));
      wins[i] = add(wins[i]!, p);
      taken[i] = true;
      walk(depth + 1, p, remaining - codes[i]!);
      taken[i] = false;
    }
  };
  walk(0, { n: 1n, d: 1n }, total);
  return weights.map((_, c) => wins[classOf.indexOf(c)]!);
}

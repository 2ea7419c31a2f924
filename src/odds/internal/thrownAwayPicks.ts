import { normalSurvival, twoSided } from './specialFunctions';

/** How the thrown-away picks of a draw compare with what its winners imply. */
export interface ThrownAwayTest {
  /** Picks thrown away in the draw (picks − winners). */
  readonly observed: number;
  /** Their expectation given the winners in draw order. */
  readonly expected: number;
  /** (observed − expected) / standard deviation. */
  readonly z: number;
  /** Two-sided p-value: exact distribution when small enough, normal approximation otherwise. */
  readonly pValue: number;
}

// Exact convolution up to this many (winners × support) steps; beyond, the normal approximation
// (then the variance is large and the sum of thousands of geometric variables is close to normal).
const EXACT_WORK = 50_000_000;

/**
 * Before the k-th winner is drawn, a pick lands on an entry of a code that already won with
 * probability r_k = (entries of the first k − 1 winners) ÷ T, so the picks thrown away before it
 * are Geometric(r_k) (P(j) = (1 − r_k)·r_k^j), independently: their total has mean Σ r/(1 − r) and
 * variance Σ r/(1 − r)². Given the winners in draw order this is exact (docs/spec.md §17.4).
 */
export function thrownAwayTest(rates: Float64Array, observed: number): ThrownAwayTest {
  let expected = 0;
  let variance = 0;
  for (const r of rates) {
    expected += r / (1 - r);
    variance += r / ((1 - r) * (1 - r));
  }
  const sd = Math.sqrt(variance);
  const z = sd > 0 ? (observed - expected) / sd : observed === expected ? 0 : Infinity;
  const support = Math.ceil(expected + 40 * sd + 40);
  if (observed > support) return { observed, expected, z, pValue: 0 };
  if (rates.length * support > EXACT_WORK) {
    // Continuity-corrected normal tails.
    const lower = 1 - normalSurvival((observed + 0.5 - expected) / sd);
    const upper = normalSurvival((observed - 0.5 - expected) / sd);
    return { observed, expected, z, pValue: twoSided(lower, upper) };
  }
  // PMF of the total on 0..support: convolving with Geometric(r) is h'(x) = (1 − r)·h(x) + r·h'(x − 1).
  const pmf = new Float64Array(support + 1);
  pmf[0] = 1;
  for (const r of rates) {
    // In place, ascending: pmf[x − 1] already holds the new value.
    pmf[0] *= 1 - r;
    for (let x = 1; x <= support; x++) pmf[x] = (1 - r) * pmf[x]! + r * pmf[x - 1]!;
  }
  let lower = 0;
  for (let x = 0; x <= observed; x++) lower += pmf[x]!;
  let upper = 0;
  for (let x = observed; x <= support; x++) upper += pmf[x]!;
  return { observed, expected, z, pValue: twoSided(Math.min(1, lower), Math.min(1, upper)) };
}

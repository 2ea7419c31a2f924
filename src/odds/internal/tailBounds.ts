/**
 * Bounds on the tails of N, a sum of independent Bernoulli variables with mean μ and variance σ²
 * over n variables (docs/spec.md §17.1). Each is a proven inequality; every function returns the
 * natural log of the smallest of the bounds that apply, so that tiny values do not underflow.
 */
export interface BernoulliSum {
  /** Number of Bernoulli variables. */
  readonly n: number;
  /** Mean of N. */
  readonly mean: number;
  /** Variance of N. */
  readonly variance: number;
}

// Chernoff for a sum of Bernoullis with mean m: P(N ≥ x) ≤ e^(−m)·(e·m / x)^x for x > m, and the
// same expression bounds P(N ≤ x) for x < m (the Poisson moment generating function dominates).
function logChernoff(m: number, x: number): number {
  if (x <= 0) return -m;
  if (m <= 0) return x > 0 ? -Infinity : 0;
  return -m + x + x * Math.log(m / x);
}

// Bernstein: P(N − μ ≥ a) ≤ exp(−a² / (2(σ² + a/3))), each variable within 1 of its mean.
function logBernstein(variance: number, a: number): number {
  return -(a * a) / (2 * (variance + a / 3));
}

/** log of a bound on P(N ≥ x); 0 (no information) when x ≤ μ. */
export function logUpperTail(sum: BernoulliSum, x: number): number {
  const { n, mean } = sum;
  if (x > n) return -Infinity;
  if (x <= mean) return 0;
  // N ≥ x is n − N ≤ n − x, and n − N is a Bernoulli sum with mean n − μ.
  return Math.min(logBernstein(sum.variance, x - mean), logChernoff(mean, x), logChernoff(n - mean, n - x));
}

/** log of a bound on P(N ≤ x); 0 (no information) when x ≥ μ. */
export function logLowerTail(sum: BernoulliSum, x: number): number {
  const { n, mean } = sum;
  if (x < 0) return -Infinity;
  if (x >= mean) return 0;
  return Math.min(logBernstein(sum.variance, mean - x), logChernoff(mean, x), logChernoff(n - mean, n - x));
}

/** The deviation a with exp(−a² / (2(σ² + a/3))) = ε: [μ − a, μ + a] holds N but for 2ε. */
export function bernsteinRadius(variance: number, epsilon: number): number {
  const lambda = -Math.log(epsilon);
  return lambda / 3 + Math.sqrt((lambda * lambda) / 9 + 2 * lambda * variance);
}

import { integrateAdaptive } from './gaussKronrod';
import { NEGLECTED_TAIL, RingCounts } from './RingCounts';

/** A code whose probability of winning is asked. */
export interface Probe {
  /** Its weight (entries). */
  readonly weight: number;
  /** Index of the class it belongs to (it is one of that class's codes), or −1 when it is an extra code. */
  readonly memberOf: number;
}

/** Win probabilities of the probes, each with a bound on its absolute error. */
export interface ProbeOdds {
  readonly probabilities: Float64Array;
  readonly errorBounds: Float64Array;
  /** Instants t where the distribution of the others was computed. */
  readonly evaluations: number;
}

/** Quadrature tolerance per probe (absolute, on a probability). */
export const QUADRATURE_TOLERANCE = 1e-12;
const LOG_NEGLECTED_TAIL = Math.log(NEGLECTED_TAIL);

/**
 * Probability that each probe is among the first `quota` winners of a draw by successive sampling
 * proportional to weight (docs/spec.md §17.1), over a pool of `counts[c]` codes of weight
 * `weights[c]` (plus the probe when it is an extra code):
 *
 *     P = ∫₀^∞ w·e^(−w t) · P(N_{−probe}(t) ≤ quota − 1) dt
 *       = (1 − e^(−w t₀)) + ∫_{t₀}^{t₁} w·e^(−w t) · P(N_{−probe}(t) ≤ quota − 1) dt  ± 2ε
 *
 * where before t₀ the others have certainly not reached the quota and after t₁ they certainly
 * have (tail bounds, ε = NEGLECTED_TAIL).
 */
export function successiveSamplingOdds(
  weights: readonly number[],
  counts: readonly number[],
  quota: number,
  probes: readonly Probe[],
): ProbeOdds {
  const probabilities = new Float64Array(probes.length);
  const errorBounds = new Float64Array(probes.length);
  const size = counts.reduce((sum, m) => sum + m, 0);
  const open: number[] = [];
  for (let k = 0; k < probes.length; k++) {
    const probe = probes[k]!;
    const others = probe.memberOf < 0 ? size : size - 1;
    // Everyone wins; or every code weighs the same, when by symmetry each of n wins with q/n.
    const uniform = weights.every(
      (w, c) => counts[c] === 0 || (c === probe.memberOf && counts[c] === 1) || w === probe.weight,
    );
    if (quota > others) probabilities[k] = 1;
    else if (uniform) probabilities[k] = quota / (others + 1);
    else open.push(k);
  }
  if (open.length === 0) return { probabilities, errorBounds, evaluations: 0 };

  const openProbes = open.map((k) => probes[k]!);
  const rings = new RingCounts(
    weights,
    counts,
    quota,
    Int32Array.from(openProbes, (p) => p.memberOf),
  );
  const { start, end } = integrationRange(rings, quota);

  let worstPoint = 0;
  // Integrated over s = ln t (dt = t·ds): the density w·e^(−wt) of a probe's own ring time is a bump
  // of width ~1 in s at s = −ln w, whatever w is, so panels of width ≤ 1 in s see every probe's bump.
  const integrand = (s: number): Float64Array => {
    const t = Math.exp(s);
    const { belowQuota, errorBound } = rings.at(t);
    worstPoint = Math.max(worstPoint, errorBound);
    for (let k = 0; k < openProbes.length; k++) {
      const w = openProbes[k]!.weight;
      belowQuota[k] = w * t * Math.exp(-w * t) * belowQuota[k]!;
    }
    return belowQuota;
  };
  const tolerances = new Float64Array(openProbes.length).fill(QUADRATURE_TOLERANCE);
  const from = Math.log(start);
  const to = Math.log(end);
  const panels = Math.min(64, Math.max(1, Math.ceil(to - from)));
  const integral = integrateAdaptive(integrand, openProbes.length, from, to, tolerances, panels);
  for (let k = 0; k < openProbes.length; k++) {
    const w = openProbes[k]!.weight;
    probabilities[open[k]!] = Math.min(1, Math.max(0, -Math.expm1(-w * start) + integral.values[k]!));
    // Before t₀ and after t₁: ε each; inside, the integrand errs by at most worstPoint times a
    // density (∫ w·e^(−wt) dt ≤ 1); and the quadrature's own estimate.
    errorBounds[open[k]!] = 2 * NEGLECTED_TAIL + worstPoint + integral.errors[k]!;
  }
  return { probabilities, errorBounds, evaluations: integral.evaluations };
}

/**
 * [t₀, t₁]: before t₀, P(N(t) ≥ quota) ≤ ε (the others have not reached the quota, so the integrand
 * is w·e^(−wt) but for ε); after t₁, no probe can still win but for ε (the integrand is 0). Both
 * events are monotone in t, so a point where the bound holds bounds every point beyond it.
 */
function integrationRange(rings: RingCounts, quota: number): { start: number; end: number } {
  // The instant where the expected count of rung codes reaches the quota (μ(t) is increasing).
  let above = 1;
  while (rings.sumAt(above).mean < quota) above *= 2;
  while (rings.sumAt(above / 2).mean >= quota && above > 1e-300) above /= 2;
  let below = above / 2;
  for (let k = 0; k < 200 && above - below > 1e-15 * above; k++) {
    const middle = (below + above) / 2;
    if (rings.sumAt(middle).mean < quota) below = middle;
    else above = middle;
  }
  const middle = below;

  // Largest t₀ ≤ middle with the upper tail bound below ε (bisection on log t keeps a point where it holds).
  let good = middle * 2 ** -60;
  while (rings.logReachesQuota(good) > LOG_NEGLECTED_TAIL && good > 1e-300) good /= 2 ** 10;
  let bad = middle;
  for (let k = 0; k < 60; k++) {
    const mid = Math.sqrt(good * bad);
    if (rings.logReachesQuota(mid) <= LOG_NEGLECTED_TAIL) good = mid;
    else bad = mid;
  }
  const start = good;

  // Smallest t₁ ≥ middle where no probe can still win but for ε.
  let far = middle * 2;
  while (rings.logMayStillWin(far) > LOG_NEGLECTED_TAIL) far *= 2;
  let near = middle;
  for (let k = 0; k < 60; k++) {
    const mid = Math.sqrt(near * far);
    if (rings.logMayStillWin(mid) <= LOG_NEGLECTED_TAIL) far = mid;
    else near = mid;
  }
  return { start, end: far };
}

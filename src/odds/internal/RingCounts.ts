import { fft } from './fft';
import { bernsteinRadius, logLowerTail, logUpperTail, type BernoulliSum } from './tailBounds';

/**
 * Tail mass neglected at each step (docs/spec.md §17.1): outside the window of the count, and
 * where a tail bound says the count is certainly below or above the quota.
 */
export const NEGLECTED_TAIL = 1e-16;
const LOG_NEGLECTED_TAIL = Math.log(NEGLECTED_TAIL);

/** Unit roundoff of IEEE-754 doubles. */
const U = 2 ** -53;
// Classes whose probability of having rung is at most this go into the power-series part of
// log φ (|p·z| ≤ 1/2 for |z| ≤ 2); the others are evaluated one by one.
const SERIES_MAX_P = 0.25;
// The series is cut where its remaining terms are below this (absolute, in log φ).
const SERIES_TAIL = 1e-18;
// |φ(θ)| ≤ exp(−σ²(1 − cos θ)): below e^−750 a term is zero in double precision.
const NEGLIGIBLE_LOG_MODULUS = -750;
// The deconvolution series stop when their factor is below this.
const DECONVOLUTION_TAIL = 1e-20;

/** What the exponential clocks give at one instant t, for every probe. */
export interface RingCountsAt {
  /** For each probe, P(fewer than `quota` other codes have rung by t). */
  readonly belowQuota: Float64Array;
  /** Bound on the absolute error of each value: neglected tails, series cuts and rounding. */
  readonly errorBound: number;
}

/** The distribution of N(t) on a window, with a bound on the error of each value. */
interface Window {
  readonly low: number;
  readonly high: number;
  /** P(N = low + k) for k = 0 … high − low. */
  readonly pmf: Float64Array;
  /** Bound on the absolute error of each pmf value (rounding in φ and in the transform, series cut). */
  readonly valueError: number;
}

/**
 * A weight class composition seen through exponential clocks: code i rings at an Exp(w_i) time,
 * so by time t a code of class c has rung with probability p_c = 1 − e^(−w_c t), independently of
 * every other code, and N(t), the number of codes rung by t, is a sum of binomials. A code wins
 * the draw iff fewer than `quota` other codes ring before it (successive sampling, §17.1).
 *
 * A probe is a code whose chances are asked: `memberOf` = the class it belongs to (it is then not
 * one of "the others"), or −1 for an applicant who is not in the composition.
 */
export class RingCounts {
  private readonly weights: Float64Array;
  private readonly counts: Float64Array;
  private readonly size: number;
  private readonly p: Float64Array;
  // An extra code needs fewer than quota others (N ≤ q − 1); a member may see N = q, itself included.
  private readonly lastCount: number;
  private re = new Float64Array(0);
  private im = new Float64Array(0);

  constructor(
    weights: readonly number[],
    counts: readonly number[],
    private readonly quota: number,
    private readonly probeClasses: Int32Array,
  ) {
    this.weights = Float64Array.from(weights);
    this.counts = Float64Array.from(counts);
    this.size = counts.reduce((sum, m) => sum + m, 0);
    this.p = new Float64Array(weights.length);
    this.lastCount = probeClasses.some((c) => c >= 0) ? quota : quota - 1;
  }

  /** Mean, variance and size of N(t). */
  sumAt(t: number): BernoulliSum {
    let mean = 0;
    let variance = 0;
    for (let c = 0; c < this.weights.length; c++) {
      const p = -Math.expm1(-this.weights[c]! * t);
      mean += this.counts[c]! * p;
      variance += this.counts[c]! * p * Math.exp(-this.weights[c]! * t);
    }
    return { n: this.size, mean, variance };
  }

  /** log of a bound on P(N(t) ≥ quota): before such t, every probe still wins but for that. */
  logReachesQuota(t: number): number {
    return logUpperTail(this.sumAt(t), this.quota);
  }

  /** log of a bound on the chance that some probe can still win at t (N_{−probe}(t) ≤ quota − 1). */
  logMayStillWin(t: number): number {
    return logLowerTail(this.sumAt(t), this.lastCount);
  }

  /** P(N_{−probe}(t) ≤ quota − 1) for every probe. */
  at(t: number): RingCountsAt {
    const probes = this.probeClasses.length;
    const belowQuota = new Float64Array(probes);
    const q = this.quota;
    const sum = this.sumAt(t);
    // Certainly below the quota, or certainly not (N ≤ N_{−i} + 1 and N_{−i} ≤ N).
    if (logUpperTail(sum, q) < LOG_NEGLECTED_TAIL)
      return { belowQuota: belowQuota.fill(1), errorBound: NEGLECTED_TAIL };
    if (logLowerTail(sum, this.lastCount) < LOG_NEGLECTED_TAIL) return { belowQuota, errorBound: NEGLECTED_TAIL };

    // [low, high] holds N but for 2ε (Bernstein), and always q − 1 and q.
    const radius = bernsteinRadius(sum.variance, NEGLECTED_TAIL);
    const low = Math.max(0, Math.min(q - 1, Math.floor(sum.mean - radius)));
    const high = Math.min(this.size, Math.max(q, Math.ceil(sum.mean + radius)));
    const window = this.windowPmf(t, sum.variance, low, high);
    const { pmf } = window;
    let below = 0;
    for (let k = low; k <= q - 1; k++) below += pmf[k - low]!;
    const p = this.p;
    for (let probe = 0; probe < probes; probe++) {
      const c = this.probeClasses[probe]!;
      if (c < 0) {
        belowQuota[probe] = below;
        continue;
      }
      // N = N_{−i} + B_i with B_i ~ Bernoulli(p_c): P(N ≤ q−1) = P(N_{−i} ≤ q−1) − p_c·P(N_{−i} = q−1).
      const pc = p[c]!;
      belowQuota[probe] = Math.min(1, Math.max(0, below + pc * pointMassWithout(window, q - 1, pc)));
    }
    // The sum carries at most (window) value errors and the neglected tails (2ε: mass outside the
    // window folds in); the deconvolution's coefficients are at most 2 in size and add as much again.
    const values = high - low + 1;
    const errorBound = 3 * (values * window.valueError + 2 * NEGLECTED_TAIL) + 2 * DECONVOLUTION_TAIL;
    return { belowQuota, errorBound };
  }

  /**
   * P(N(t) = k) for low ≤ k ≤ high, by the discrete Fourier transform of the characteristic
   * function φ(θ) = Π_c (1 − p_c + p_c·e^{iθ})^{m_c} at θ_j = 2πj/M: exact for N mod M, and N lies
   * in [low, high] (width ≤ M) but for the neglected tail.
   */
  private windowPmf(t: number, variance: number, low: number, high: number): Window {
    const classes = this.weights.length;
    const p = this.p;
    let size = 2;
    while (size < high - low + 1) size *= 2;
    if (this.re.length !== size) {
      this.re = new Float64Array(size);
      this.im = new Float64Array(size);
    } else {
      this.re.fill(0);
      this.im.fill(0);
    }
    const re = this.re;
    const im = this.im;

    // Each class's factor B = 1 − p + p·e^{iθ}. Small p: log B = log(1 + p·z), z = e^{iθ} − 1, a
    // power series in p. Large p: B = e^{iθ}·(1 + (1−p)·z̄), a phase e^{iθ} per code and a series in
    // 1 − p. In between: evaluated one by one. The phases e^{iθ·m} of the large-p classes and the
    // shift e^{−iθ·low} are whole multiples of 2π/M, reduced exactly in integers: at full city scale
    // θ·low is ~10^7 radians, which double precision would carry only to ~10^−9.
    const small = new PowerSeries();
    const large = new PowerSeries();
    let phaseCodes = -low;
    const direct: number[] = [];
    for (let c = 0; c < classes; c++) {
      const w = this.weights[c]!;
      p[c] = -Math.expm1(-w * t);
      const m = this.counts[c]!;
      if (p[c]! <= SERIES_MAX_P) small.add(m, p[c]!);
      else if (Math.exp(-w * t) <= SERIES_MAX_P) {
        large.add(m, Math.exp(-w * t));
        phaseCodes += m;
      } else direct.push(c);
    }
    small.finish();
    large.finish();
    const phaseStep = ((phaseCodes % size) + size) % size;

    // Σ|φ_j| and Σ|φ_j|·(relative error of φ_j), over all M points (both halves).
    let mass = 0;
    let phiError = 0;
    for (let j = 0; j <= size / 2; j++) {
      const theta = (2 * Math.PI * j) / size;
      const half = Math.sin(theta / 2);
      const oneMinusCos = 2 * half * half;
      if (-variance * oneMinusCos < NEGLIGIBLE_LOG_MODULUS) break;
      const sin = Math.sin(theta);
      const zAbs = 2 * Math.abs(half);
      const [smallRe, smallIm, smallMagnitude] = small.evaluate(-oneMinusCos, sin, zAbs);
      const [largeRe, largeIm, largeMagnitude] = large.evaluate(-oneMinusCos, -sin, zAbs);
      let logRe = smallRe + largeRe;
      let logIm = smallIm + largeIm;
      let magnitude = smallMagnitude + largeMagnitude;
      for (const c of direct) {
        const pc = p[c]!;
        const m = this.counts[c]!;
        const partRe = 0.5 * m * Math.log1p(-2 * pc * (1 - pc) * oneMinusCos);
        const partIm = m * Math.atan2(pc * sin, 1 - pc * oneMinusCos);
        logRe += partRe;
        logIm += partIm;
        magnitude += 8 * (Math.abs(partRe) + Math.abs(partIm));
      }
      // The exact phase θ·(m_large − low) mod 2π: (j · step mod M) / M of a turn; j·step < 2^40.
      logIm += (2 * Math.PI * ((j * phaseStep) % size)) / size;
      magnitude += 4 * (Math.abs(logRe) + Math.abs(logIm));
      const modulus = Math.exp(logRe);
      re[j] = modulus * Math.cos(logIm);
      im[j] = modulus * Math.sin(logIm);
      const copies = j > 0 && j < size / 2 ? 2 : 1;
      mass += copies * modulus;
      phiError += copies * modulus * (magnitude * U + 8 * U + SERIES_TAIL);
      if (copies === 2) {
        re[size - j] = re[j]!;
        im[size - j] = -im[j]!;
      }
    }
    fft(re, im);
    const pmf = new Float64Array(high - low + 1);
    for (let k = 0; k < pmf.length; k++) pmf[k] = re[k]! / size;
    // Radix-2 transform: each of log2 M levels adds at most ~3u of the running magnitude (≤ Σ|φ_j|).
    const valueError = (phiError + 3 * Math.log2(size) * U * mass) / size;
    return { low, high, pmf, valueError };
  }
}

/**
 * P(N_{−i} = k) from the window of N = N_{−i} + Bernoulli(p): from f(k) = (1−p)·g(k) + p·g(k−1),
 * g(k) = Σ_j (−p/(1−p))^j f(k−j) / (1−p) when p ≤ 1/2, or Σ_j (−(1−p)/p)^j f(k+1+j) / p when p > 1/2:
 * both series shrink their terms, so rounding does not grow.
 */
function pointMassWithout(window: Window, k: number, p: number): number {
  const { pmf, low, high } = window;
  let total = 0;
  if (p <= 0.5) {
    const ratio = p / (1 - p);
    let factor = 1;
    for (let x = k; x >= low && Math.abs(factor) > DECONVOLUTION_TAIL; x--) {
      total += factor * pmf[x - low]!;
      factor *= -ratio;
    }
    return total / (1 - p);
  }
  const ratio = (1 - p) / p;
  let factor = 1;
  for (let x = k + 1; x <= high && Math.abs(factor) > DECONVOLUTION_TAIL; x++) {
    total += factor * pmf[x - low]!;
    factor *= -ratio;
  }
  return total / p;
}

/**
 * Σ_c m_c·log(1 + x_c·z) = Σ_k (−1)^{k+1} S_k z^k / k with power sums S_k = Σ_c m_c x_c^k, for
 * classes with x_c ≤ 1/4 (so |x·z| ≤ 1/2), cut where the rest is below SERIES_TAIL.
 */
class PowerSeries {
  private readonly counts: number[] = [];
  private readonly xs: number[] = [];
  private coefficients = new Float64Array(1);
  private terms = 0;

  add(count: number, x: number): void {
    this.counts.push(count);
    this.xs.push(x);
  }

  finish(): void {
    let s1 = 0;
    let largest = 0;
    this.xs.forEach((x, c) => {
      s1 += this.counts[c]! * x;
      largest = Math.max(largest, x);
    });
    // Terms beyond K: Σ_{k>K} S_1 x^{k−1} 2^k / k ≤ 2 S_1 (2x)^K / ((K+1)(1 − 2x)).
    let terms = s1 > 0 ? 1 : 0;
    const ratio = 2 * largest;
    while (terms > 0 && (2 * s1 * ratio ** terms) / ((terms + 1) * (1 - ratio)) > SERIES_TAIL && terms < 200) terms++;
    const coefficients = new Float64Array(terms + 1);
    const powers = this.xs.map(() => 1);
    for (let k = 1; k <= terms; k++) {
      let sum = 0;
      this.xs.forEach((x, c) => {
        powers[c] = powers[c]! * x;
        sum += this.counts[c]! * powers[c];
      });
      coefficients[k] = ((k % 2 === 1 ? 1 : -1) * sum) / k;
    }
    this.coefficients = coefficients;
    this.terms = terms;
  }

  /**
   * [re, im, magnitude] at z = zr + i·zi (|z| = zAbs), by Horner; magnitude bounds the rounding
   * error in units of u (each of the 2K operations errs by at most u times the running magnitude).
   */
  evaluate(zr: number, zi: number, zAbs: number): [number, number, number] {
    const terms = this.terms;
    if (terms === 0) return [0, 0, 0];
    const c = this.coefficients;
    let ar = c[terms]!;
    let ai = 0;
    let magnitude = Math.abs(ar);
    for (let k = terms - 1; k >= 1; k--) {
      const nr = ar * zr - ai * zi + c[k]!;
      ai = ar * zi + ai * zr;
      ar = nr;
      magnitude = magnitude * zAbs + Math.abs(c[k]!);
    }
    return [ar * zr - ai * zi, ar * zi + ai * zr, 4 * terms * magnitude * zAbs];
  }
}

// The 21-point Gauss–Kronrod rule on [−1, 1] (QUADPACK's qk21, computed by Fullerton in 80-digit
// arithmetic): nodes ±XGK[i] with Kronrod weights WGK[i]; the odd-indexed nodes are the 10-point
// Gauss rule with weights WG. Exact for polynomials of degree 31 (Kronrod) and 19 (Gauss).
const XGK = [
  0.9956571630258081, 0.9739065285171717, 0.9301574913557082, 0.8650633666889845, 0.7808177265864169,
  0.6794095682990244, 0.5627571346686047, 0.4333953941292472, 0.2943928627014602, 0.14887433898163122, 0,
];
const WGK = [
  0.011694638867371874, 0.032558162307964725, 0.054755896574351995, 0.07503967481091996, 0.0931254545836976,
  0.10938715880229764, 0.12349197626206584, 0.13470921731147334, 0.14277593857706009, 0.14773910490133849,
  0.1494455540029169,
];
const WG = [0.06667134430868814, 0.1494513491505806, 0.21908636251598204, 0.26926671930999635, 0.29552422471475287];

/** A vector-valued integral and, per component, its error estimate. */
export interface VectorIntegral {
  /** ∫ f over [a, b], component by component (the Kronrod sums). */
  readonly values: Float64Array;
  /** Per component: Σ over panels of |Kronrod − Gauss|, an estimate that bounds the error of the Kronrod sum in practice. */
  readonly errors: Float64Array;
  /** Points where f was evaluated. */
  readonly evaluations: number;
  /** Panels the interval ended up split into. */
  readonly panels: number;
}

interface Panel {
  readonly a: number;
  readonly b: number;
  readonly values: Float64Array;
  readonly errors: Float64Array;
}

function panel(f: (x: number) => Float64Array, dimension: number, a: number, b: number): Panel {
  const center = (a + b) / 2;
  const half = (b - a) / 2;
  const kronrod = new Float64Array(dimension);
  const gauss = new Float64Array(dimension);
  for (let i = 0; i < XGK.length; i++) {
    const xs = XGK[i] === 0 ? [center] : [center - half * XGK[i]!, center + half * XGK[i]!];
    for (const x of xs) {
      const y = f(x);
      for (let d = 0; d < dimension; d++) {
        kronrod[d]! += WGK[i]! * y[d]!;
        if (i % 2 === 1) gauss[d]! += WG[(i - 1) / 2]! * y[d]!;
      }
    }
  }
  const errors = new Float64Array(dimension);
  for (let d = 0; d < dimension; d++) {
    kronrod[d]! *= half;
    errors[d] = Math.abs(kronrod[d]! - gauss[d]! * half);
  }
  return { a, b, values: kronrod, errors };
}

/**
 * Adaptive Gauss–Kronrod (G10/K21) integration of a vector of functions sharing their points:
 * starts from `initialPanels` equal panels and halves the panel with the largest error relative
 * to the tolerance until every component's summed estimate is within its tolerance, or
 * `maxPanels` is reached (the estimate then says how far it got).
 */
export function integrateAdaptive(
  f: (x: number) => Float64Array,
  dimension: number,
  a: number,
  b: number,
  tolerances: Float64Array,
  initialPanels = 4,
  maxPanels = 400,
): VectorIntegral {
  let evaluations = 0;
  const counted = (x: number): Float64Array => {
    evaluations++;
    return f(x);
  };
  const panels: Panel[] = [];
  for (let k = 0; k < initialPanels; k++)
    panels.push(panel(counted, dimension, a + ((b - a) * k) / initialPanels, a + ((b - a) * (k + 1)) / initialPanels));
  for (;;) {
    const errors = new Float64Array(dimension);
    for (const p of panels) for (let d = 0; d < dimension; d++) errors[d]! += p.errors[d]!;
    let worst = 0;
    for (let d = 0; d < dimension; d++) worst = Math.max(worst, errors[d]! / tolerances[d]!);
    if (worst <= 1 || panels.length >= maxPanels) {
      const values = new Float64Array(dimension);
      for (const p of panels) for (let d = 0; d < dimension; d++) values[d]! += p.values[d]!;
      return { values, errors, evaluations, panels: panels.length };
    }
    let split = 0;
    let splitScore = -1;
    for (let k = 0; k < panels.length; k++) {
      let score = 0;
      for (let d = 0; d < dimension; d++) score = Math.max(score, panels[k]!.errors[d]! / tolerances[d]!);
      if (score > splitScore) {
        splitScore = score;
        split = k;
      }
    }
    const { a: left, b: right } = panels[split]!;
    const middle = (left + right) / 2;
    panels.splice(split, 1, panel(counted, dimension, left, middle), panel(counted, dimension, middle, right));
  }
}

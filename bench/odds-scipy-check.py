# An independent check of yaohao's exact odds at Beijing scale (docs/spec.md §17.1), sharing no code
# or method with it: P(N_{-i}(t) <= q - 1) by convolving the binomial probabilities of each step class
# directly (SciPy), integrated over t with QUADPACK (scipy.integrate.quad). No Fourier transform, no
# series. Needs Python 3 with NumPy and SciPy: python3 bench/odds-scipy-check.py
# Compare with `winProbabilities({ classes }, 6400)` for the same classes (test/odds/winProbabilities.test.ts
# pins weight 1 at 0.000375721512846699).
import numpy as np
from scipy import integrate, stats

counts = [309_690, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310_000, 310]
weights = list(range(1, 12))
quota = 6400


def below_quota_without_one(t, own):
    """P(fewer than `quota` of the other codes have rung by t), one code of class `own` removed."""
    pmf, low = np.array([1.0]), 0
    for c, (w, m) in enumerate(zip(weights, counts)):
        m -= c == own
        p = -np.expm1(-w * t)
        mean, sd = m * p, np.sqrt(m * p * (1 - p))
        a, b = max(0, int(mean - 14 * sd - 10)), min(m, int(mean + 14 * sd + 10))
        pmf = np.convolve(pmf, stats.binom.pmf(np.arange(a, b + 1), m, p))
        low += a
    last = quota - 1 - low
    return 0.0 if last < 0 else float(pmf[: last + 1].sum())


for own in range(len(weights)):
    w = weights[own]
    # Outside [3.0e-4, 4.6e-4] the integrand is w e^(-wt) (below) or 0 (above) to 1e-60.
    t0, t1 = 3.0e-4, 4.6e-4
    inside, error = integrate.quad(
        lambda t: w * np.exp(-w * t) * below_quota_without_one(t, own), t0, t1, epsabs=1e-15, epsrel=1e-13, limit=200
    )
    print(f"weight {w:2d}: P = {float(-np.expm1(-w * t0) + inside)!r}  (quad error estimate {error:.1e})")

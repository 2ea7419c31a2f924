// The numerical building blocks of the odds, against values computed independently (SciPy 1.17).
import { describe, expect, it } from 'vitest';
import { fft } from '../../src/odds/internal/fft';
import { integrateAdaptive } from '../../src/odds/internal/gaussKronrod';
import {
  binomialLowerTail,
  binomialUpperTail,
  chiSquareSurvival,
  logGamma,
  normalQuantileUpper,
  normalSurvival,
} from '../../src/odds/internal/specialFunctions';

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('odds numerics', () => {
  it('special functions match SciPy to ~1e−9 relative or better', () => {
    expect(relative(logGamma(2.5), 0.2846828704729192)).toBeLessThan(1e-14);
    expect(relative(logGamma(3.1e6), 43235422.72079389)).toBeLessThan(1e-14);
    expect(relative(chiSquareSurvival(27.88, 9), 0.0009989111107288188)).toBeLessThan(1e-12);
    expect(relative(chiSquareSurvival(500, 300), 3.3592224575792775e-12)).toBeLessThan(1e-10);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
    expect(relative(normalSurvival(2.5), 0.006209665325776132)).toBeLessThan(1e-14);
    expect(relative(normalSurvival(10), 7.61985302416047e-24)).toBeLessThan(1e-13);
    expect(relative(normalQuantileUpper(0.005), 2.575829303548901)).toBeLessThan(1e-14);
    expect(relative(normalQuantileUpper(0.9), -1.2815515655446004)).toBeLessThan(1e-14);
    expect(relative(binomialUpperTail(5, 100, 0.02), 0.05083044536950036)).toBeLessThan(1e-12);
    expect(relative(binomialUpperTail(200, 310_000, 0.000375), 1.1514208562910131e-12)).toBeLessThan(1e-9);
    expect(relative(binomialLowerTail(80, 310_000, 0.000375), 0.000235897007639072)).toBeLessThan(1e-9);
    expect(binomialLowerTail(1, 3, 0.5)).toBeCloseTo(0.5, 15);
  });

  it('the FFT equals the plain discrete Fourier transform', () => {
    const size = 16;
    const x = Array.from({ length: size }, (_, k) => Math.sin(k * 1.7) + k / 5);
    const re = Float64Array.from(x);
    const im = new Float64Array(size);
    fft(re, im);
    for (let k = 0; k < size; k++) {
      let r = 0;
      let i = 0;
      for (let j = 0; j < size; j++) {
        r += x[j]! * Math.cos((-2 * Math.PI * j * k) / size);
        i += x[j]! * Math.sin((-2 * Math.PI * j * k) / size);
      }
      expect(re[k]).toBeCloseTo(r, 12);
      expect(im[k]).toBeCloseTo(i, 12);
    }
  });

  it('Gauss–Kronrod: exact on polynomials of degree 31 (Kronrod) and 19 (Gauss, so the estimate is 0)', () => {
    const f = (x: number) => Float64Array.of(x ** 31 + 1, x ** 19);
    const result = integrateAdaptive(f, 2, 0, 1, Float64Array.of(1e-14, 1e-14), 1);
    expect(result.values[0]).toBeCloseTo(1 / 32 + 1, 14);
    expect(result.values[1]).toBeCloseTo(1 / 20, 14);
    expect(result.errors[1]).toBeLessThan(1e-15);
    // A sharp bump is found by halving panels until the estimate meets the tolerance.
    const bump = integrateAdaptive(
      (x) => Float64Array.of(Math.exp(-((x - 0.3) ** 2) / 1e-4)),
      1,
      0,
      1,
      Float64Array.of(1e-12),
    );
    expect(bump.values[0]).toBeCloseTo(Math.sqrt(Math.PI * 1e-4), 12);
    expect(bump.panels).toBeGreaterThan(1);
  });
});

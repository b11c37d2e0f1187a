/**
 * Tolerances of the deterministic properties, in units of `Number.EPSILON`, and a comparison
 * that reports the error in those units when it fails.
 */
import { LawFailure } from './law-failure.ts';

/** `Number.EPSILON`, the spacing of doubles at 1. */
export const EPS = Number.EPSILON;

/** Largest absolute value of a list (0 for an empty list). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

/**
 * The rounding-error bound used for a sum of `n` products `x_k w_k` with nonnegative weights
 * summing to at most 1 (a Bernstein polynomial, or an expectation over a pmf) whose
 * coefficients are at most `scale` in absolute value: `units * n * (EPS * scale + MIN_VALUE)`.
 * Standard forward error analysis with gradual underflow (Higham, §2.1) gives
 * `~2 n (EPS scale + MIN_VALUE / 2)`; `units` is the margin the property states.
 */
export function sumBound(n: number, scale: number, units = 8): number {
  return units * n * (EPS * scale + Number.MIN_VALUE);
}

/**
 * Throws unless `|actual - expected| <= tolerance`, with a message giving both values, the
 * error, the tolerance, and the error in units of `EPS * scale`.
 */
export function expectClose(
  actual: number,
  expected: number,
  tolerance: number,
  what: string,
  scale = 1,
): void {
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance) || Number.isNaN(actual) !== Number.isNaN(expected)) {
    const units = error / (EPS * (scale || 1));
    throw new LawFailure(
      `${what}: got ${actual}, expected ${expected}; error ${error.toExponential(3)} (${units.toFixed(1)} EPS*scale) > tolerance ${tolerance.toExponential(3)}`,
    );
  }
}

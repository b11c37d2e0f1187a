import { bernsteinPolynomial } from '../math/index.ts';
import { hCoefficients, requireC } from '../objective/index.ts';

/**
 * Largest degree evaluated by Horner's rule in the ratio `t/(1-t)`: up to here the binomial
 * weights `C(n, s)` (at most 2^64) and the power `(1-t)^n` (at least 2^-64 for t <= 1/2) stay
 * far from overflow and underflow. Higher degrees use `bernsteinPolynomial`.
 */
const HORNER_MAX_DEGREE = 64;

/**
 * A Bernstein polynomial `sum_k beta_k C(n,k) t^k (1-t)^(n-k)` evaluated at many points, for
 * the hot loops of the dynamics (each SGA step and mean-field step evaluates `h_M'` once per
 * prompt). The same sum as `bernsteinPolynomial`, reordered: for `t <= 1/2`,
 * `(1-t)^n sum_k (beta_k C(n,k)) r^k` with `r = t/(1-t) <= 1`, by Horner's rule; for `t > 1/2`
 * the mirror image in `(1-t)/t`. Every term is the one of the Bernstein sum, so the rounding is
 * of the same order (a few `n` ulps of the sum of |terms|), at `n + 1` multiply-adds and a
 * power by squaring instead of a basis pass with a log-gamma anchor (`bernsteinPolynomial` is kept above
 * {@link HORNER_MAX_DEGREE}, where the binomial weights would overflow).
 */
function bernsteinEvaluator(beta: ArrayLike<number>): (t: number) => number {
  const n = beta.length - 1;
  if (n > HORNER_MAX_DEGREE) {
    const scratch = new Float64Array(n + 1);
    const copy = Float64Array.from(beta);
    return (t) => bernsteinPolynomial(copy, t, scratch);
  }
  const weighted = new Float64Array(n + 1);
  let binomial = 1;
  for (let k = 0; k <= n; k++) {
    weighted[k] = beta[k]! * binomial;
    binomial = (binomial * (n - k)) / (k + 1);
  }
  // x^n by repeated squaring (at most 2 log2(64) products, each rounded once): Math.pow is a
  // library call that costs more than the whole Horner loop at M = 8.
  const power = (x: number): number => {
    let result = 1;
    let base = x;
    for (let e = n; e > 0; e >>= 1) {
      if (e & 1) result *= base;
      base *= base;
    }
    return result;
  };
  return (t) => {
    if (t <= 0.5) {
      const r = t / (1 - t);
      let sum = weighted[n]!;
      for (let k = n - 1; k >= 0; k--) sum = sum * r + weighted[k]!;
      return sum * power(1 - t);
    }
    const r = (1 - t) / t;
    let sum = weighted[0]!;
    for (let k = 1; k <= n; k++) sum = sum * r + weighted[k]!;
    return sum * power(t);
  };
}

/**
 * The closed form of docs/theory.md §2 for a count-form table `c` (`M = c.length`), prepared for
 * evaluation at many points: `hPrime(t) = h_M'(t) = sum_s c_s B_{s,M-1}(t)` and
 * `h(t) = h_M(t) = sum_k G_k B_{k,M}(t)` with `G = hCoefficients(c)`, and the mean-field
 * factor `gradient(p) = h_M'(p) p (1 - p)`, the derivative of `h_M(sigmoid(theta))` in `theta`
 * (docs/theory.md §8: `dJ/dtheta_x = (1/N) gradient(p_x)`). Agrees with `hPrime` and `h` of
 * src/objective to rounding (tested).
 */
export class ClosedFormEvaluator {
  readonly M: number;
  /** The table `c`, copied. */
  readonly c: Float64Array;
  readonly hPrime: (t: number) => number;
  readonly h: (t: number) => number;

  constructor(c: ArrayLike<number>) {
    requireC(c);
    this.M = c.length;
    this.c = Float64Array.from(c);
    this.hPrime = bernsteinEvaluator(c);
    this.h = bernsteinEvaluator(hCoefficients(c));
  }

  /** `h_M'(p) p (1 - p)`. */
  gradient(p: number): number {
    return this.hPrime(p) * p * (1 - p);
  }
}

import { InputError, requireCount, requireUnitInterval } from '../errors/index.ts';
import { binomialPmfUnchecked } from './binomial-pmf.ts';

/**
 * The full Bernstein basis `B_{k,n}(t) = C(n,k) t^k (1-t)^(n-k)`, k = 0..n (docs/theory.md §2: the
 * basis of `h_M'` in degree M-1 and of `h_M` in degree M; equally the Binomial(n, t) pmf).
 *
 * Anchored at the mode `floor((n+1) t)` by {@link binomialPmf} (a few ulps), then filled outward
 * by the ratio `B_{k+1}/B_k = (n-k)/(k+1) * t/(1-t)`. Every ratio on the way out is at most 1, so
 * nothing overflows, and a term that underflows ends its side (all farther terms are smaller).
 * A term d steps from the mode carries about `1.5 d` ulps of relative error; the terms that
 * carry the mass are within a few `sqrt(n t (1-t))` of the mode. `t = 0` and `t = 1` are exact.
 * The anchor's error is a factor common to every term, so the basis is divided by its computed
 * sum (a partition of unity): that removes it, and where the ratios are exact (`t = 1/2`, n <= 6)
 * the basis is exact, so `h([1, 1], 0.5)` is `0.5`, not `0.5 + 1 ulp`.
 * Stable and NaN-free up to n = 1e5 and beyond; cost O(n).
 *
 * @param n degree, a non-negative integer
 * @param t point in [0, 1]
 * @param out optional buffer of length >= n + 1, overwritten and returned (no allocation)
 */
export function bernsteinBasis(n: number, t: number, out?: Float64Array): Float64Array {
  requireCount('n', n);
  requireUnitInterval('t', t);
  const B = out ?? new Float64Array(n + 1);
  bernsteinBasisInto(n, t, B);
  return B;
}

/** {@link bernsteinBasis} without validation, writing into `B[0..n]`; for validated hot loops. */
export function bernsteinBasisInto(n: number, t: number, B: Float64Array): void {
  B.fill(0, 0, n + 1);
  if (t === 0) {
    B[0] = 1;
    return;
  }
  if (t === 1) {
    B[n] = 1;
    return;
  }
  const mode = Math.min(n, Math.floor((n + 1) * t));
  let term = binomialPmfUnchecked(mode, n, t);
  B[mode] = term;
  let sum = term;
  const up = t / (1 - t);
  let hi = mode;
  for (; hi < n && term > 0; hi++) {
    term *= ((n - hi) / (hi + 1)) * up;
    B[hi + 1] = term;
    sum += term;
  }
  const down = (1 - t) / t;
  term = B[mode]!;
  let lo = mode;
  for (; lo > 0 && term > 0; lo--) {
    term *= (lo / (n - lo + 1)) * down;
    B[lo - 1] = term;
    sum += term;
  }
  for (let k = lo; k <= hi; k++) B[k]! /= sum;
}

/**
 * The Bernstein polynomial `sum_{k=0}^{n} beta_k B_{k,n}(t)` with `n = beta.length - 1`
 * (docs/theory.md §2: `h_M'` is this with `beta = c`, and `h_M` is this with `beta = G`).
 *
 * Uses {@link bernsteinBasis}; with nonnegative coefficients every term is nonnegative, so the
 * sum has no cancellation. O(n).
 *
 * @param beta coefficients `beta_0..beta_n`, at least one
 * @param t point in [0, 1]
 * @param scratch optional buffer of length >= beta.length for the basis (no allocation)
 */
export function bernsteinPolynomial(
  beta: ArrayLike<number>,
  t: number,
  scratch?: Float64Array,
): number {
  requireUnitInterval('t', t);
  const n = beta.length - 1;
  const B = scratch ?? new Float64Array(n + 1);
  bernsteinBasisInto(n, t, B);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    const b = B[k]!;
    if (b !== 0) sum += beta[k]! * b;
  }
  return sum;
}

/**
 * The Bernstein coefficients of the monomial `t^j` in degree `n >= j`:
 * `t^j = sum_{k=0}^{n} [C(k, j)/C(n, j)] B_{k,n}(t)` (docs/theory.md §3, "Exact designs": a
 * polynomial `h'` of degree `<= M-1` is matched exactly). Reversed (`k -> n-k`) they are the
 * coefficients of `(1-t)^j`, the pass@k identity `(1-t)^j = sum_s [C(n-s, j)/C(n, j)] B_{s,n}(t)`.
 *
 * Each ratio is the product `prod_{i<j} (k-i)/(n-i)`, within about `j` ulps of exact, for
 * `j <= 64`; beyond, the recurrence `beta_{k+1} = beta_k (k+1)/(k+1-j)` from `beta_n = 1`
 * downward keeps the cost O(n) at about `(n-k)` ulps.
 *
 * @param j exponent, an integer in [0, n]
 * @param n degree, a non-negative integer
 */
export function monomialInBernstein(j: number, n: number): number[] {
  requireCount('j', j);
  requireCount('n', n);
  if (j > n) throw new InputError(`j must be at most n = ${n}, got ${j}`);
  const beta = new Array<number>(n + 1).fill(0);
  if (j <= 64) {
    for (let k = j; k <= n; k++) {
      let r = 1;
      for (let i = 0; i < j; i++) r *= (k - i) / (n - i);
      beta[k] = r;
    }
    return beta;
  }
  beta[n] = 1;
  for (let k = n - 1; k >= j; k--) beta[k] = beta[k + 1]! * ((k + 1 - j) / (k + 1));
  return beta;
}

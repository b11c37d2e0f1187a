import { InputError } from '../errors/index.ts';
import { bernsteinPolynomial, harmonic } from '../math/index.ts';

/**
 * Requires a count-form table `c[0..M-1]` (docs/theory.md §2, `c_s = b_s - a_s`): at least one entry,
 * every entry finite. Its length is the group size M.
 */
export function requireC(c: ArrayLike<number>): ArrayLike<number> {
  if (c.length < 1) throw new InputError('c must have at least one entry (M >= 1)');
  for (let s = 0; s < c.length; s++) {
    if (!Number.isFinite(c[s])) {
      throw new InputError(`c[${s}] must be a finite number, got ${String(c[s])}`);
    }
  }
  return c;
}

/**
 * The degree-M Bernstein coefficients of `h_M`: `G_k = (1/M) sum_{s<k} c_s`, k = 0..M, so that
 * `h_M(t) = sum_k G_k B_{k,M}(t)` (docs/theory.md §2). `G_0 = 0` gives `h_M(0) = 0`, and
 * `G_M = h_M(1)`.
 *
 * The running sums are compensated (Neumaier), so each `G_k` is within about 2 ulps of the exact
 * sum of the given `c` whatever M and whatever the signs.
 */
export function hCoefficients(c: ArrayLike<number>): Float64Array {
  requireC(c);
  const M = c.length;
  const G = new Float64Array(M + 1);
  let sum = 0;
  let comp = 0;
  for (let s = 0; s < M; s++) {
    const x = c[s]!;
    const next = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
    sum = next;
    G[s + 1] = (sum + comp) / M;
  }
  return G;
}

/**
 * The induced objective `h_M(t) = (1/M) sum_{s=0}^{M-1} c_s I_t(s+1, M-s)`, `h_M(0) = 0`
 * (docs/theory.md §2), evaluated in its equivalent degree-M Bernstein form
 * `sum_{k=0}^{M} G_k B_{k,M}(t)`, `G_k = (1/M) sum_{s<k} c_s`.
 *
 * The Bernstein form was kept after measuring both forms against exact BigInt rationals and
 * mpmath: they are tied at rounding level (h.test.ts re-measures and prints them; the figures
 * are in docs/properties.md), and the Bernstein form costs O(M) per point where the sum costs
 * O(M^2) (one O(M) incomplete beta per s).
 *
 * @param c count-form table `c_s = b_s - a_s`, s = 0..M-1
 * @param t point in [0, 1]
 */
export function h(c: ArrayLike<number>, t: number): number {
  return bernsteinPolynomial(hCoefficients(c), t);
}

/**
 * The induced objective's derivative `h_M'(t) = sum_{s=0}^{M-1} c_s C(M-1,s) t^s (1-t)^(M-1-s)`,
 * a Bernstein polynomial of degree M-1 (docs/theory.md §2), with `M = c.length`. O(M).
 *
 * For many points of the same `c`, {@link objectivePoints} is faster and returns `h` too.
 *
 * @param c count-form table `c_s = b_s - a_s`, s = 0..M-1
 * @param t point in [0, 1]
 */
export function hPrime(c: ArrayLike<number>, t: number): number {
  return bernsteinPolynomial(requireC(c), t);
}

/**
 * `h_M(1) = (1/M) sum_s c_s = G_M` (docs/theory.md §2, §3 "GRPO limit"): the constant of the paper's
 * normalization `h_M(t)/h_M(1)`, which maps every increasing `h_M` onto [0, 1].
 */
export function hAtOne(c: ArrayLike<number>): number {
  const G = hCoefficients(c);
  return G[G.length - 1]!;
}

/**
 * The paper's normalization `h_M(t)/h_M(1)` (docs/theory.md §3, GRPO limit; figure 3 plots it against
 * `(2/pi) arcsin sqrt t`). Throws when `h_M(1) = 0`, where it is undefined.
 *
 * @param c count-form table, s = 0..M-1
 * @param t point in [0, 1]
 */
export function normalizedH(c: ArrayLike<number>, t: number): number {
  const end = hAtOne(c);
  if (end === 0) throw new InputError('h_M(1) = 0: the normalization h/h(1) is undefined');
  return h(c, t) / end;
}

/**
 * The paper's normalization for rejection sampling, `h_M(t) - (H_M - 1)` with `H_M` the harmonic
 * number (docs/theory.md §3; figure 2 plots it against `ln t + 1`, to which it tends as M grows).
 *
 * @param c count-form table, s = 0..M-1
 * @param t point in [0, 1]
 */
export function harmonicShiftedH(c: ArrayLike<number>, t: number): number {
  return h(c, t) - (harmonic(c.length) - 1);
}

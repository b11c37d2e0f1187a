import {
  binomialPmfUnchecked,
  type Compositions,
  compositions,
  gaussLegendre,
  MultinomialLaw,
} from '../math/index.ts';
import type { GradedScheme } from '../schemes/index.ts';

/** The field of docs/theory.md §10 at one point `q` of the simplex. */
export interface FieldPoint {
  /** The point of the simplex, one entry per class. */
  readonly q: readonly number[];
  /** `W_j(q) = E_{n ~ Multinomial(M-1, q)} w_j(n)`, `j = 0..C-1`. */
  readonly W: readonly number[];
  /** `dD[j-1][k-1] = d_k D_j` for `j, k = 1..C-1`, with `D_j = W_j - W_0`. */
  readonly dD: readonly (readonly number[])[];
  /** The largest entry of the antisymmetric part, `max_{j<k} |d_k D_j - d_j D_k|` (0 for C = 2). */
  readonly curl: number;
  /** For three classes, the signed `kappa = d_1 D_2 - d_2 D_1`. */
  readonly kappa?: number;
}

/**
 * The update field of a scheme on reward classes (docs/theory.md §10): `W_j(q)`, its derivatives
 * along the simplex and their antisymmetric part, line integrals of the 1-form
 * `omega_M = sum_{j>=1} D_j dq_j`, and the rounding bounds that decide closedness.
 */
export interface GradedField {
  /** The scheme whose field this is. */
  readonly scheme: GradedScheme;
  /** Number of classes. */
  readonly C: number;
  /** The largest `|w_j(n)|` over the count-form table. */
  readonly largestWeight: number;
  /**
   * The rounding bound on every antisymmetric entry `d_k D_j - d_j D_k` as computed here, in
   * absolute terms: a closed field's computed curl never exceeds it (see {@link gradedField}).
   */
  readonly tolerance: number;
  /**
   * The rounding bound on a line integral along segments of total l1 length at most `length`:
   * `length (2 e_w + 2 w_max (rho + (g + 8) u))`, with `e_w`, `w_max`, `rho` and `u` as in
   * {@link gradedField} and `g = max(1, ceil(M/2))` the nodes of the Gauss–Legendre rule.
   */
  integralTolerance(length: number): number;
  /** `W_j(q)`, `j = 0..C-1`. */
  W(q: readonly number[]): Float64Array;
  /** `W`, the derivatives `d_k D_j` and the curl at `q`. */
  at(q: readonly number[]): FieldPoint;
  /**
   * `integral of omega_M along the segment from a to b`: the integrand
   * `sum_{j>=1} D_j(a + tau (b - a)) (b_j - a_j)` is a polynomial of degree `M - 1` in `tau`, so
   * the Gauss–Legendre rule with `ceil(M/2)` nodes is exact up to rounding.
   */
  lineIntegral(a: readonly number[], b: readonly number[]): number;
  /**
   * The potential `J_M(q)`: the integral of `omega_M` along the segment from `e_0` to `q`
   * (`lineIntegral` from `e_0`, by a faster route with the same exactness: see
   * {@link gradedField}). Meaningful only where the form is closed.
   */
  potential(q: readonly number[]): number;
}

const u = Number.EPSILON;

/**
 * Builds the field of `scheme` (docs/theory.md §10). The count-form weights `w_j(n)` are tabulated
 * once on the compositions of `M - 1` into `C` counts, from the scheme's native formula
 * (`GradedScheme.weight`); then at any `q`:
 *
 * - `W_j(q) = sum_n P(n) w_j(n)` with `n ~ Multinomial(M-1, q)` (`MultinomialLaw`);
 * - `d_k W_j = (M-1) E_{n ~ Multinomial(M-2, q)} [w_j(n + e_k) - w_j(n + e_0)]` (the derivative
 *   along the simplex in the coordinates `q_1..q_{C-1}`, `q_0 = 1 - sum`): exact, no finite
 *   differences; `n + e_k` is looked up by its rank among the compositions of `M - 1`;
 * - every sum is compensated (Neumaier), so its rounding is `2u` of the sum of `|terms|`.
 *
 * The potential `J_M(q)` integrates along the segment `e_0 + tau (q - e_0)`, on which the
 * multinomial law factors as `Binomial(n_0; M-1, 1 - tau s) P(n_1.. | n_0)` with `s = 1 - q_0`
 * and the conditional law independent of `tau`. So
 * `J_M(q) = sum_n beta(n_0) P(n_1.. | n_0) sum_{j>=1} q_j D_j(n)`, where
 * `beta(m) = int_0^1 Binomial(m; M-1, 1 - tau s) dtau` is a polynomial of degree `M - 1` in `tau`,
 * integrated exactly by the `ceil(M/2)`-node Gauss–Legendre rule: one pass over the compositions
 * per point instead of one per node.
 *
 * `tolerance` bounds, to first order in `u = Number.EPSILON`, how far a closed field's computed
 * antisymmetric entry can be from 0:
 * `8 (M-1) (e_w + w_max (rho + 8u))`, where `e_w` is the weights' own rounding
 * (`GradedScheme.weightError`), `w_max` the largest weight, and
 * `rho = ((C-1)(M-2)(2C+2) + C) u` the relative rounding of a probability (the tail sums and
 * ratios of each conditional binomial, `2R` Pascal steps, `C - 1` factors). Each `d_k D_j` is
 * `(M-1) sum P(n) Delta(n)` with `|Delta| <= 4 w_max`; the differences of the table carry
 * `4 e_w + 8u w_max`, the probabilities `4 w_max rho`, the products and the compensated sum
 * `16u w_max`; the antisymmetric entry takes two of them.
 */
export function gradedField(scheme: GradedScheme): GradedField {
  const { M } = scheme;
  const C = scheme.classes.C;
  const comps = compositions(M - 1, C);
  const law = new MultinomialLaw(comps);
  // weights[i * C + j] = w_j(n_i); D[i * (C-1) + j - 1] = w_j(n_i) - w_0(n_i).
  const weights = new Float64Array(comps.count * C);
  const D = new Float64Array(comps.count * (C - 1));
  const n = new Int32Array(C);
  let largestWeight = 0;
  for (let i = 0; i < comps.count; i++) {
    for (let c = 0; c < C; c++) n[c] = comps.counts[i * C + c]!;
    for (let j = 0; j < C; j++) {
      const w = scheme.weight(j, n);
      weights[i * C + j] = w;
      largestWeight = Math.max(largestWeight, Math.abs(w));
    }
    for (let j = 1; j < C; j++) D[i * (C - 1) + j - 1] = weights[i * C + j]! - weights[i * C]!;
  }
  const derivative = M >= 2 ? derivativeTables(comps, compositions(M - 2, C)) : null;
  const probabilities = new Float64Array(comps.count);
  const rho = ((C - 1) * Math.max(M - 2, 0) * (2 * C + 2) + C) * u;
  const nodes = gaussLegendre(Math.max(1, Math.ceil(M / 2)), 0, 1);

  /** `D_j(q)` for `j = 1..C-1`, into `out[0..C-2]`. */
  const differences = (q: readonly number[], out: Float64Array): void => {
    law.pmf(q, probabilities);
    for (let j = 0; j < C - 1; j++) {
      out[j] = compensatedDot(probabilities, D, j, C - 1, comps.count);
    }
  };

  return {
    scheme,
    C,
    largestWeight,
    tolerance: 8 * (M - 1) * (scheme.weightError + largestWeight * (rho + 8 * u)),
    integralTolerance(length) {
      // Each D_j carries 2 e_w + 2 w_max (rho + 4u); the rule's weights sum to 1 and its nodes
      // and weights carry a few ulps each.
      const perNode =
        2 * scheme.weightError + 2 * largestWeight * (rho + (nodes.nodes.length + 8) * u);
      return length * perNode;
    },
    W(q) {
      law.pmf(q, probabilities);
      return Float64Array.from({ length: C }, (_, j) =>
        compensatedDot(probabilities, weights, j, C, comps.count),
      );
    },
    at(q) {
      const W = Array.from(this.W(q));
      const dD: number[][] = Array.from({ length: C - 1 }, () => new Array(C - 1).fill(0));
      if (derivative !== null) {
        const sums = derivative.sums(q, D);
        for (let j = 1; j < C; j++) {
          for (let k = 1; k < C; k++)
            dD[j - 1]![k - 1] = (M - 1) * sums[(j - 1) * (C - 1) + k - 1]!;
        }
      }
      let curl = 0;
      for (let j = 0; j < C - 1; j++) {
        for (let k = j + 1; k < C - 1; k++) {
          curl = Math.max(curl, Math.abs(dD[j]![k]! - dD[k]![j]!));
        }
      }
      const point: FieldPoint = { q: [...q], W, dD, curl };
      return C === 3 ? { ...point, kappa: dD[1]![0]! - dD[0]![1]! } : point;
    },
    potential(q) {
      const s = 1 - q[0]!;
      if (s === 0) return 0;
      const N = M - 1;
      // beta(m) = int_0^1 Binomial(m; N, 1 - tau s) dtau = int Binomial(N - m; N, tau s) dtau.
      const beta = new Float64Array(N + 1);
      for (let i = 0; i < nodes.nodes.length; i++) {
        const other = nodes.nodes[i]! * s;
        for (let m = 0; m <= N; m++) {
          beta[m] = beta[m]! + nodes.weights[i]! * binomialPmfUnchecked(N - m, N, other);
        }
      }
      law.conditionalPmf(q, probabilities);
      let sum = 0;
      let compensation = 0;
      for (let i = 0; i < comps.count; i++) {
        let f = 0;
        for (let j = 1; j < C; j++) f += D[i * (C - 1) + j - 1]! * q[j]!;
        const term = beta[comps.counts[i * C]!]! * probabilities[i]! * f;
        const next = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
        sum = next;
      }
      return sum + compensation;
    },
    lineIntegral(a, b) {
      const q = new Array<number>(C);
      const d = new Float64Array(C - 1);
      let sum = 0;
      let compensation = 0;
      for (let i = 0; i < nodes.nodes.length; i++) {
        const tau = nodes.nodes[i]!;
        for (let c = 0; c < C; c++) q[c] = a[c]! + tau * (b[c]! - a[c]!);
        differences(q, d);
        let f = 0;
        for (let j = 1; j < C; j++) f += d[j - 1]! * (b[j]! - a[j]!);
        const term = nodes.weights[i]! * f;
        const next = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
        sum = next;
      }
      return sum + compensation;
    },
  };
}

/**
 * The compositions of `M - 2` with, for each and each class `k`, the rank of `n + e_k` among the
 * compositions of `M - 1`, and the law `Multinomial(M - 2, q)` on them.
 */
function derivativeTables(
  upper: Compositions,
  lower: Compositions,
): {
  /** `sum_n P(n) (D_j(n + e_k) - D_j(n + e_0))` at `[(j-1)(C-1) + k-1]`, compensated. */
  sums(q: readonly number[], D: Float64Array): Float64Array;
} {
  const C = lower.parts;
  const width = C - 1;
  const shifted = new Int32Array(lower.count * C);
  const n = new Int32Array(C);
  for (let i = 0; i < lower.count; i++) {
    for (let c = 0; c < C; c++) n[c] = lower.counts[i * C + c]!;
    for (let k = 0; k < C; k++) {
      n[k]!++;
      shifted[i * C + k] = upper.rank(n) * width;
      n[k]!--;
    }
  }
  const law = new MultinomialLaw(lower);
  const p = new Float64Array(lower.count);
  const sum = new Float64Array(width * width);
  const compensation = new Float64Array(width * width);
  return {
    sums(q, D) {
      law.pmf(q, p);
      sum.fill(0);
      compensation.fill(0);
      for (let i = 0; i < lower.count; i++) {
        const pi = p[i]!;
        if (pi === 0) continue;
        const base = shifted[i * C]!;
        for (let k = 1; k < C; k++) {
          const at = shifted[i * C + k]!;
          for (let j = 0; j < width; j++) {
            const term = pi * (D[at + j]! - D[base + j]!);
            const cell = j * width + k - 1;
            const s = sum[cell]!;
            const next = s + term;
            compensation[cell] =
              compensation[cell]! +
              (Math.abs(s) >= Math.abs(term) ? s - next + term : term - next + s);
            sum[cell] = next;
          }
        }
      }
      return Float64Array.from(sum, (s, cell) => s + compensation[cell]!);
    },
  };
}

/** `sum_i p[i] x[i * stride + offset]` over `count` terms, compensated (Neumaier). */
function compensatedDot(
  p: Float64Array,
  x: Float64Array,
  offset: number,
  stride: number,
  count: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < count; i++) {
    const term = p[i]! * x[i * stride + offset]!;
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
  }
  return sum + compensation;
}

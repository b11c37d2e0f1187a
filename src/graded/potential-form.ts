import { grid } from '../math/index.ts';
import {
  type BetaFit,
  compareTargets,
  h,
  type Nearest,
  namedTargetSpecs,
  objectiveBetaFit,
  objectivePoints,
} from '../objective/index.ts';
import type { GradedField } from './graded-field.ts';

/** One reward function's part `f_k` of a separable potential, as a binary objective `h`. */
export interface SeparablePart {
  /** The function, `1..d`. */
  readonly k: number;
  /**
   * The binary table `c_s = w_{b_k}(n) - w_0(n)` on the edge from `e_0` to the class `b_k` where
   * only function `k` is 1 (`n = (M-1-s) e_0 + s e_{b_k}`): `f_k = h_M` of this `c`
   * (docs/theory.md §2).
   */
  readonly c: readonly number[];
  /** `f_k(1) = h_M(1)`. */
  readonly hAtOne: number;
  /**
   * The nearest named target by the package's distance (docs/theory.md §3, `compareTargets`), or
   * null where `f_k` does not increase.
   */
  readonly nearest: Nearest | null;
  /** The best fit of `f_k/f_k(1)` in the incomplete-beta family (docs/theory.md §9), or null. */
  readonly fit: BetaFit | null;
  /** Why there is no fit, when `fit` is null. */
  readonly fitReason?: string;
}

/** The recognised form of a closed field's potential `J_M` (docs/theory.md §10). */
export interface GradedPotential {
  /**
   * `mean-reward`: `J = factor (E[r] - r_0)`; `affine`: `J = sum_j coefficients[j] q_j`;
   * `separable`: `J = sum_k f_k(P_k)` (with two classes, `J = f_1(q_1)`, the binary `h_M`);
   * `polynomial`: closed, none of these.
   */
  readonly form: 'mean-reward' | 'affine' | 'separable' | 'polynomial';
  /** For `mean-reward`: `J = factor (E[r] - r_0)`. */
  readonly factor?: number;
  /** For `mean-reward` and `affine`: `J(e_j)`, so that `J = sum_j J(e_j) q_j`. */
  readonly coefficients?: readonly number[];
  /** With reward functions, when `J = sum_k f_k(P_k)`, `P_k` the marginal of function `k`. */
  readonly functions?: readonly SeparablePart[];
  /** The form in one phrase, e.g. `J = 0.875 E[r]`. */
  readonly text: string;
}

/** A point where the potential is known: `q` and `J(q)`. */
export interface PotentialPoint {
  readonly q: readonly number[];
  readonly J: number;
  /** `d_k D_j` at `q`. */
  readonly dD: readonly (readonly number[])[];
}

const u = Number.EPSILON;

/**
 * Names the potential of a closed field (docs/theory.md §10) from its values at `points`:
 *
 * - affine, when every `d_k D_j` is within the field's tolerance of 0 (then each `D_j` is the
 *   constant `J(e_j)`), and a multiple of `E[r] - r_0` when `J(e_j) = factor (r_j - r_0)` for
 *   the scheme's scalar rewards `r_j` within the rounding of `D`;
 * - with `d >= 2` reward functions, or two classes (`f_1` is then the binary `h_M` of `q_1`), separable when `J(q) = sum_k f_k(P_k(q))` at every point,
 *   with `f_k` the binary `h_M` of the edge from `e_0` to the class where only function `k` is 1,
 *   and then each `f_k` with its nearest named target and best beta fit.
 */
export function recognisePotential(
  field: GradedField,
  points: readonly PotentialPoint[],
): GradedPotential {
  const { scheme, C } = field;
  const affine = points.every((p) =>
    p.dD.every((row) => row.every((x) => Math.abs(x) <= field.tolerance)),
  );
  const parts =
    (scheme.classes.kind === 'functions' && scheme.classes.d >= 2) || C === 2
      ? separable(field, points)
      : undefined;
  const functions = parts === undefined ? {} : { functions: parts };
  if (affine) {
    const barycentre = Array(C).fill(1 / C);
    const W = field.W(barycentre);
    const coefficients = Array.from(W, (w) => w - W[0]!);
    const factor = meanRewardFactor(scheme.scalarRewards, coefficients, field.integralTolerance(1));
    if (factor !== undefined) {
      return {
        form: 'mean-reward',
        factor,
        coefficients,
        ...functions,
        text: meanRewardText(field, factor),
      };
    }
    return {
      form: 'affine',
      coefficients,
      ...functions,
      text: `J = ${coefficients
        .map((c, j) => `${show(c)} q_${j}`)
        .slice(1)
        .join(' + ')} (affine in q)`,
    };
  }
  if (parts !== undefined) {
    return {
      form: 'separable',
      functions: parts,
      text:
        C === 2
          ? `J = h_M(q_1) (two classes: the binary h_M of the tables, q_1 the probability of class ${scheme.classes.labels[1]}; nearest ${parts[0]!.nearest?.name ?? 'none'})`
          : `J = ${parts.map((p) => `f_${p.k}(P_${p.k})`).join(' + ')} (separable: P_k the success rate of function k, f_k a binary h_M; nearest ${parts.map((p) => p.nearest?.name ?? 'none').join(', ')})`,
    };
  }
  return {
    form: 'polynomial',
    text: `J is a polynomial of degree ${scheme.M} in q with no recognised form`,
  };
}

function show(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

/** `factor` with `D_j = factor (r_j - r_0)` for every class within `slack`, or undefined. */
function meanRewardFactor(
  r: readonly number[],
  D: readonly number[],
  slack: number,
): number | undefined {
  let widest = 0;
  for (let j = 1; j < r.length; j++) {
    if (Math.abs(r[j]! - r[0]!) > Math.abs(r[widest]! - r[0]!)) widest = j;
  }
  if (widest === 0) return undefined;
  const factor = D[widest]! / (r[widest]! - r[0]!);
  return D.every((d, j) => Math.abs(d - factor * (r[j]! - r[0]!)) <= slack) ? factor : undefined;
}

function meanRewardText(field: GradedField, factor: number): string {
  const { scheme } = field;
  const r0 = scheme.scalarRewards[0]!;
  const mean = r0 === 0 ? 'E[r]' : `(E[r] - ${r0})`;
  const weights = scheme.rewardWeights;
  const r =
    scheme.classes.kind === 'functions'
      ? `, r = ${weights.map((w, k) => `${w === 1 ? '' : `${w} `}r_${k + 1}`).join(' + ')}`
      : '';
  return `J = ${show(factor)} ${mean}${r} (a multiple of the mean reward)`;
}

/**
 * The separable parts `f_k` (docs/theory.md §10) when `J(q) = sum_k f_k(P_k)` at every point
 * within the rounding of `J` and of the binary `h_M`; undefined otherwise.
 */
function separable(
  field: GradedField,
  points: readonly PotentialPoint[],
): SeparablePart[] | undefined {
  const { scheme } = field;
  const { M } = scheme;
  const { d, C, vectors } = scheme.classes;
  const tables = Array.from({ length: d }, (_, k) => {
    const only = 2 ** (d - 1 - k);
    const n = new Int32Array(C);
    return Array.from({ length: M }, (_, s) => {
      n.fill(0);
      n[0] = M - 1 - s;
      n[only] = s;
      return scheme.weight(only, n) - scheme.weight(0, n);
    });
  });
  const hError = tables.reduce(
    (sum, c) => sum + 16 * M * u * Math.max(...c.map(Math.abs)),
    field.integralTolerance(2),
  );
  const fits = points.every((p) => {
    let sum = 0;
    for (let k = 0; k < d; k++) {
      let P = 0;
      // Two levels: the success rate is that of the higher one, whatever its value.
      for (let j = 0; j < C; j++) {
        if (scheme.classes.kind === 'levels' ? j === 1 : vectors[j]![k] === 1) P += p.q[j]!;
      }
      sum += h(tables[k]!, Math.min(1, P));
    }
    return Math.abs(sum - p.J) <= hError;
  });
  if (!fits) return undefined;
  const ts = grid(0, 1, 101);
  return tables.map((c, k) => {
    const { fit, reason } = objectiveBetaFit(c, ts);
    return {
      k: k + 1,
      c,
      hAtOne: h(c, 1),
      nearest: compareTargets(
        { ts, values: objectivePoints(c, ts).map((p) => p.h), at0: 0, at1: h(c, 1) },
        namedTargetSpecs(M),
      ).nearest,
      fit,
      ...(reason === undefined ? {} : { fitReason: reason }),
    };
  });
}

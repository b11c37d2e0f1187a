/**
 * How a function on (0, 1) behaves at one end, read from its samples nearest that end: a power
 * law `phi(t) ~ C t^exponent` at 0 (`C (1 - t)^exponent` at 1).
 */
export interface EndLaw {
  /** The fitted exponent, or null when the samples there are not all of one sign. */
  readonly exponent: number | null;
  /**
   * Whether `int phi` converges at this end: the exponent exceeds `-1 + margin`
   * ({@link AntiderivativeOptions.margin}).
   */
  readonly integrable: boolean;
  /** `|int phi|` between the end and the nearest sample, by the power law; Infinity if not integrable. */
  readonly mass: number;
}

/** An antiderivative of a function sampled on (0, 1): see {@link logitAntiderivative}. */
export interface Antiderivative {
  /**
   * `int_{u_1}^t phi`, `u_1` the first sample, for any `t` in [0, 1]: `-Infinity` at 0 (or
   * `+Infinity` at 1) where the end is not integrable, with the sign of `phi` there.
   */
  at(t: number): number;
  readonly atZero: EndLaw;
  readonly atOne: EndLaw;
}

/** Options of {@link logitAntiderivative}. */
export interface AntiderivativeOptions {
  /**
   * An end counts as integrable when its exponent exceeds `-1 + margin`; default 0.05. Closer to
   * -1 the tail beyond the samples outweighs what they see, and the samples of one size cannot
   * tell it from a divergence.
   */
  readonly margin?: number;
}

const DEFAULT_MARGIN = 0.05;
/** The end law is fitted on the samples within this factor of the end sample's distance to the end. */
const END_DECADE = 10;
/** Gauss-Legendre 2-point nodes on [-1, 1]: exact for the cubic of each panel. */
const GAUSS_2 = 1 / Math.sqrt(3);

/**
 * An antiderivative of `phi` on (0, 1) from its values at increasing points `u_1 < ... < u_n` of
 * (0, 1) (at least 4), built for functions with integrable or log-type singularities at the
 * ends, like the large-M weight densities of docs/theory.md §9 (`t^(-1/2)`, `1/t`,
 * `1/(t(1-t))`).
 *
 * In `x = logit u`, `phi du = f dx` with `f = phi u (1 - u)`, and a power law `t^a` at 0 becomes
 * the exponential `e^((a + 1) x)`: smooth, so a piecewise cubic in `x` (Lagrange through the
 * four samples around each panel, integrated exactly) is accurate where the plain grid in `t`
 * is not. The mass between each end and its nearest sample comes from a power law fitted to
 * the samples of the first decade (`log |f|` quadratic in `x`, its slope at the end sample):
 * finite when the exponent exceeds `-1 + margin`, infinite otherwise (the log type). Hand-written:
 * no dependency of the project integrates sampled data with singular ends, and tanh-sinh
 * quadrature, the usual answer, needs `phi` at points the caller may not have (a group of `M`
 * responses has only the points `K/M`).
 */
export function logitAntiderivative(
  u: ArrayLike<number>,
  phi: ArrayLike<number>,
  options: AntiderivativeOptions = {},
): Antiderivative {
  const n = u.length;
  if (n < 4 || phi.length !== n) {
    throw new RangeError(`logitAntiderivative: needs at least 4 samples, got ${n}`);
  }
  for (let i = 0; i < n; i++) {
    const ok = u[i]! > 0 && u[i]! < 1 && (i === 0 || u[i]! > u[i - 1]!) && Number.isFinite(phi[i]);
    if (!ok) throw new RangeError(`logitAntiderivative: bad sample ${i}: (${u[i]}, ${phi[i]})`);
  }
  const margin = options.margin ?? DEFAULT_MARGIN;
  const x = Float64Array.from(u, logit);
  const f = Float64Array.from(u, (ui, i) => phi[i]! * ui * (1 - ui));
  const cubic = (panel: number, y: number) => {
    const first = Math.min(Math.max(panel - 1, 0), n - 4);
    let sum = 0;
    for (let k = first; k < first + 4; k++) {
      let term = f[k]!;
      for (let m = first; m < first + 4; m++) if (m !== k) term *= (y - x[m]!) / (x[k]! - x[m]!);
      sum += term;
    }
    return sum;
  };
  const partial = (panel: number, y: number) => {
    const half = (y - x[panel]!) / 2;
    const mid = x[panel]! + half;
    return half * (cubic(panel, mid - half * GAUSS_2) + cubic(panel, mid + half * GAUSS_2));
  };
  const cumulative = new Float64Array(n);
  for (let i = 1; i < n; i++) cumulative[i] = cumulative[i - 1]! + partial(i - 1, x[i]!);

  const left = endLaw(x, f, 1, margin);
  const right = endLaw(x, f, -1, margin);
  return {
    atZero: strip(left),
    atOne: strip(right),
    at(t) {
      if (!(t >= 0 && t <= 1)) throw new RangeError(`logitAntiderivative: t = ${t}`);
      if (t <= u[0]!) {
        if (t === 0) return left.integrable ? -left.signed : edge(-f[0]!);
        return -outward(left, x[0]! - logit(t));
      }
      const end = cumulative[n - 1]!;
      if (t >= u[n - 1]!) {
        if (t === 1) return right.integrable ? end + right.signed : edge(f[n - 1]!);
        return end + outward(right, logit(t) - x[n - 1]!);
      }
      const y = logit(t);
      let lo = 0;
      let hi = n - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (x[mid]! <= y) lo = mid;
        else hi = mid;
      }
      return cumulative[lo]! + partial(lo, y);
    },
  };
}

/**
 * The integral of the end law from its end sample outward over a distance `dx` in `x`:
 * `f0 e^(-s y)` over `y` in `[0, dx]`, which is `f0 (1 - e^(-s dx))/s` (`f0 dx` when `s = 0`).
 * Without a law (samples of both signs there) nothing is added beyond the end sample.
 */
function outward(law: FittedLaw, dx: number): number {
  if (law.exponent === null) return 0;
  return law.slope === 0 ? law.f0 * dx : (-law.f0 * Math.expm1(-law.slope * dx)) / law.slope;
}

/** `log(t/(1 - t))`. */
function logit(t: number): number {
  return Math.log(t) - Math.log1p(-t);
}

function edge(sign: number): number {
  return sign === 0 ? 0 : sign * Number.POSITIVE_INFINITY;
}

function strip({ exponent, integrable, mass }: FittedLaw): EndLaw {
  return { exponent, integrable, mass };
}

/** An end law with what {@link outward} needs. */
interface FittedLaw extends EndLaw {
  /** `s`: `log |f|` grows like `s` per unit of `x` going inward from the end sample. */
  readonly slope: number;
  /** `f` at the end sample. */
  readonly f0: number;
  /** The mass beyond the end sample with the sign of `f` there. */
  readonly signed: number;
}

/**
 * The power law at one end (`direction` 1: at 0, the first samples; -1: at 1, the last): the
 * slope `s` of `log |f|` in the inward distance `|x - x_end|` at the end sample, from a
 * least-squares quadratic over the samples within a decade of it (in distance to the end). So
 * `f` decays like `e^(-s |x|)` outward, `phi` is like `t^(s - 1)` (or `(1 - t)^(s - 1)`), and the
 * mass beyond the end sample is `|f_end|/s`.
 */
function endLaw(x: Float64Array, f: Float64Array, direction: 1 | -1, margin: number): FittedLaw {
  const n = x.length;
  const at = (k: number) => (direction === 1 ? k : n - 1 - k);
  const distanceToEnd = (i: number) => {
    const ui = 1 / (1 + Math.exp(-x[i]!));
    return direction === 1 ? ui : 1 - ui;
  };
  const end = at(0);
  const f0 = f[end]!;
  const sign = Math.sign(f0);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = at(k);
    if (k >= 3 && distanceToEnd(i) > END_DECADE * distanceToEnd(end)) break;
    if (sign === 0 || Math.sign(f[i]!) !== sign) {
      return { exponent: null, integrable: true, mass: 0, slope: 0, f0, signed: 0 };
    }
    xs.push(Math.abs(x[i]! - x[end]!));
    ys.push(Math.log(Math.abs(f[i]!)));
  }
  const slope = quadraticSlopeAtZero(xs, ys);
  const exponent = slope - 1;
  const integrable = exponent > -1 + margin;
  const mass = integrable ? Math.abs(f0) / slope : Number.POSITIVE_INFINITY;
  return { exponent, integrable, mass, slope, f0, signed: sign * mass };
}

/** The derivative at 0 of the least-squares quadratic (linear for 2 points) through `(xs, ys)`. */
function quadraticSlopeAtZero(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 3) return (ys[1]! - ys[0]!) / (xs[1]! - xs[0]!);
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (let k = 0; k < 5; k++) {
      S[k]! += p;
      if (k < 3) T[k]! += p * ys[i]!;
      p *= xs[i]!;
    }
  }
  // Solve [[S0 S1 S2] [S1 S2 S3] [S2 S3 S4]] c = T for c1 by Cramer's rule.
  const det3 = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const A = [
    [S[0]!, S[1]!, S[2]!],
    [S[1]!, S[2]!, S[3]!],
    [S[2]!, S[3]!, S[4]!],
  ];
  const A1 = [
    [S[0]!, T[0]!, S[2]!],
    [S[1]!, T[1]!, S[3]!],
    [S[2]!, T[2]!, S[4]!],
  ];
  return det3(A1) / det3(A);
}

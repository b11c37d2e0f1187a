import { InputError, requirePositiveInteger } from '../errors/index.ts';
import { type Antiderivative, logitAntiderivative } from '../math/index.ts';
import { resolveScheme } from '../schemes/index.ts';
import { type Sampled, sampled } from './sup-distance.ts';

/** The group size at which `--limit` reads a scheme's weights by default (docs/theory.md §9). */
export const DEFAULT_LIMIT_M = 1_000_000;
/** The smallest group size a limit is read at. */
export const LIMIT_MIN_M = 1000;
/**
 * Group evaluations of a limit reading inside (0, 1), equally spaced in `logit t`: with the
 * cubic of `logitAntiderivative` they put the reading within about 1e-5 of the exact limit on
 * the schemes of docs/theory.md §9 (limit-reading.test.ts), at one call per sample.
 */
export const LIMIT_SAMPLES = 161;

/** What the large-M limit of a scheme is (docs/theory.md §9, "The limit of any scheme"). */
export type LimitKind = 'bounded' | 'log-type' | 'degenerate';

/** The shape of a scheme's large-M limit, read from its weights at one large group size. */
export interface LimitShape {
  /** The group size `M*` the weights were read at. */
  readonly M: number;
  /**
   * `bounded` when `int_0^1 phi` is finite; `log-type` when it diverges like `int dt/t` at an end;
   * `degenerate` when the weights concentrate at an end faster than that (pass@M: the
   * normalized limit is a step).
   */
  readonly kind: LimitKind;
  /** The exponents `a` of `phi ~ t^a` at 0 and `phi ~ (1-t)^a` at 1; null where not a power law. */
  readonly exponents: { readonly atZero: number | null; readonly atOne: number | null };
  /** For `degenerate`: where the weights concentrate and why that is a step. */
  readonly reason?: string;
  /** Group evaluations made. */
  readonly evaluations: number;
  /** The limit objective up to an increasing affine map, sampled on a grid (`sampled`). */
  on(ts: ArrayLike<number>): Sampled;
}

/**
 * The weight difference `b*(t) - a*(t)` of one group of `M` responses with `K` correct (a correct
 * response's weight minus a wrong one's), or why there is none (the weights are not count form
 * at that group, ...).
 */
export type WeightDifference = number | { readonly reason: string };

/**
 * The counts `K` of correct answers at which a limit is read at group size `M`: `LIMIT_SAMPLES`
 * values with `K/M` equally spaced in logit between `K0/M` and `1 - K0/M`, `K0 = ceil(M^(1/3))`
 * (rounded to integers, distinct), then `K = 1` and `K = M - 1` to see whether the weights
 * concentrate at an end. Below `K0` the finite-M effects of a scheme (a weight that depends on
 * `K` itself, not on `K/M`) are not part of its limit; the ends come from power laws instead.
 */
export function limitCounts(M: number): {
  readonly inner: number[];
  readonly ends: [number, number];
} {
  requirePositiveInteger('limit M', M);
  if (M < LIMIT_MIN_M) {
    throw new InputError(`the limit group size must be at least ${LIMIT_MIN_M}, got ${M}`);
  }
  const K0 = Math.ceil(Math.cbrt(M));
  const lo = Math.log(K0 / M) - Math.log1p(-K0 / M);
  const inner: number[] = [];
  for (let i = 0; i < LIMIT_SAMPLES; i++) {
    const x = lo - (2 * lo * i) / (LIMIT_SAMPLES - 1);
    const K = Math.min(M - K0, Math.max(K0, Math.round(M / (1 + Math.exp(-x)))));
    if (inner.length === 0 || K > inner[inner.length - 1]!) inner.push(K);
  }
  return { inner, ends: [1, M - 1] };
}

/** Below this fraction of the whole, the weights inside are nothing: all the weight is at an end. */
const NOTHING_INSIDE = 1e-9;
/** Exponents within this of -1 are the log type; further below, a step. */
const LOG_MARGIN = 0.05;

/**
 * The large-M limit of a count-form scheme read from its weights at one group size `M`
 * (docs/theory.md §9): with `c_s = phi(s/(M-1)) L_M`, the difference `b*(t) - a*(t)` between a
 * correct and a wrong response's weight in a group with `K = t M` correct answers is `phi(t)`
 * up to a constant, and the limit objective is `int_0^t phi` up to an increasing affine map, with
 * no family assumed. `inner` are the differences at {@link limitCounts}`(M).inner`, `ends` at
 * `K = 1` and `K = M - 1`.
 *
 * The integral is `logitAntiderivative`'s (cubic in `logit t`, power laws at the ends, so
 * `t^(-1/2)` and `1/t` are integrated as accurately as smooth densities). Kind: `degenerate` when
 * the weights inside are less than 1e-9 of those at `K = 1` or `M - 1` (pass@M) or `phi` grows
 * faster than `1/t` at an end (exponent below -1.05); else `log-type` when an exponent is within
 * 0.05 of -1; else `bounded`. Throws an InputError when the differences are all 0, or
 * `int phi < 0` (the limit decreases).
 */
export function limitShape(
  M: number,
  inner: readonly number[],
  ends: readonly [number, number],
): LimitShape {
  const { inner: Ks } = limitCounts(M);
  if (inner.length !== Ks.length) {
    throw new RangeError(`limitShape: expected ${Ks.length} differences, got ${inner.length}`);
  }
  const u = Ks.map((K) => K / M);
  const evaluations = Ks.length + 2;
  const absolute = logitAntiderivative(
    u,
    inner.map((d) => Math.abs(d)),
  );
  const insideMass = absolute.at(u[u.length - 1]!);
  const endMass = (Math.abs(ends[0]) + Math.abs(ends[1])) / M;
  if (!(insideMass > 0 || endMass > 0)) {
    throw new InputError(
      `at M = ${M} every correct and wrong response of a group get the same weight: the weights optimize nothing`,
    );
  }
  const step = (where: 0 | 1, why: string): LimitShape => ({
    M,
    kind: 'degenerate',
    exponents: { atZero: null, atOne: null },
    reason: `${why}: h_M(t)/h_M(1) tends to the step ${where === 0 ? '1[t > 0]' : '1[t = 1]'}`,
    evaluations,
    on: (ts) => sampled(ts, where === 0 ? (t) => (t > 0 ? 1 : 0) : (t) => (t >= 1 ? 1 : 0)),
  });
  if (insideMass <= NOTHING_INSIDE * (insideMass + endMass)) {
    const where = Math.abs(ends[0]) >= Math.abs(ends[1]) ? 0 : 1;
    return step(
      where,
      `the weights at M = ${M} reward only groups with K = ${where === 0 ? 1 : M - 1} correct`,
    );
  }
  const antiderivative: Antiderivative = logitAntiderivative(u, inner, { margin: LOG_MARGIN });
  const exponents = {
    atZero: antiderivative.atZero.exponent,
    atOne: antiderivative.atOne.exponent,
  };
  for (const [where, exponent] of [
    [0, exponents.atZero],
    [1, exponents.atOne],
  ] as const) {
    if (exponent !== null && exponent < -1 - LOG_MARGIN) {
      const side = where === 0 ? 't^' : '(1-t)^';
      return {
        ...step(
          where,
          `the weights grow like ${side}(${exponent.toPrecision(3)}) toward t = ${where}, faster than 1/t`,
        ),
        exponents,
      };
    }
  }
  const total = antiderivative.at(u[u.length - 1]!) - antiderivative.at(u[0]!);
  if (!(total > 0)) {
    throw new InputError(
      `at M = ${M} the weights favour wrong answers (b* - a* integrates to ${total.toPrecision(3)} < 0): the limit objective decreases`,
    );
  }
  const kind =
    antiderivative.atZero.integrable && antiderivative.atOne.integrable ? 'bounded' : 'log-type';
  return { M, kind, exponents, evaluations, on: (ts) => sampled(ts, (t) => antiderivative.at(t)) };
}

/**
 * The large-M limit of a catalogue scheme or preset (docs/theory.md §9), read at group size `M`
 * (default 10^6) from its count-form expression `weight(R, K)` (tested equal to its native group
 * formula, docs/theory.md §2): the weight difference `weight(1, K) - weight(0, K)` at
 * {@link limitCounts}, then {@link limitShape}. Throws an InputError for a bad spec, a scheme
 * that is not defined at `M` (a `table` of another size) or a limit that is not an objective.
 */
export function schemeLimitShape(spec: string, M: number = DEFAULT_LIMIT_M): LimitShape {
  const { inner, ends } = limitCounts(M);
  const formulas = resolveScheme(spec).bind(M);
  const difference = (K: number) => formulas.weight(1, K) - formulas.weight(0, K);
  return limitShape(M, inner.map(difference), [difference(ends[0]), difference(ends[1])]);
}

/**
 * {@link limitShape} from a reader of weight differences that may be asynchronous (a user's
 * module or Python function evaluated on one group of `M` responses per call, one call at a
 * time): the first reason a reader gives (e.g. not count form at that group) becomes an
 * InputError.
 */
export async function readLimitShape(
  M: number,
  difference: (K: number) => WeightDifference | Promise<WeightDifference>,
): Promise<LimitShape> {
  const { inner, ends } = limitCounts(M);
  const read = async (K: number) => {
    const d = await difference(K);
    if (typeof d !== 'number') throw new InputError(d.reason);
    return d;
  };
  const values: number[] = [];
  for (const K of inner) values.push(await read(K));
  return limitShape(M, values, [await read(ends[0]), await read(ends[1])]);
}

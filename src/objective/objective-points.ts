import { requireUnitInterval } from '../errors/index.ts';
import { bernsteinBasisInto } from '../math/index.ts';
import { hAtOne, hCoefficients, requireC } from './h.ts';
import type { Sampled } from './sup-distance.ts';

/** One point of an induced objective: `h_M(t)` and `h_M'(t)`. */
export interface ObjectivePoint {
  readonly t: number;
  readonly h: number;
  readonly dh: number;
}

/**
 * `h_M(t)` and `h_M'(t)` (docs/theory.md §2) at every `t` of `ts`, with one degree-M Bernstein basis
 * pass per point: O(M) per point and no allocation inside the loop.
 *
 * `h = sum_k G_k B_{k,M}(t)` as in {@link h}. The degree-(M-1) basis of `h' = sum_s c_s
 * B_{s,M-1}(t)` is read off the same pass through the exact relations
 * `B_{s,M-1} = B_{s,M} (M-s)/(M(1-t))` (used for t <= 1/2) and
 * `B_{s,M-1} = B_{s+1,M} (s+1)/(M t)` (t > 1/2), so neither divisor is ever below 1/2.
 * Agrees with {@link h} and {@link hPrime} to a few ulps.
 *
 * @param c count-form table `c_s = b_s - a_s`, s = 0..M-1
 * @param ts points in [0, 1]
 * @param progress called with the points done and the points in all, about every
 *   `PROGRESS_TERMS` terms and once at the end, for a progress bar
 */
export function objectivePoints(
  c: ArrayLike<number>,
  ts: ArrayLike<number>,
  progress?: (done: number, total: number) => void,
): ObjectivePoint[] {
  requireC(c);
  for (let i = 0; i < ts.length; i++) requireUnitInterval(`t[${i}]`, ts[i]!);
  const M = c.length;
  const G = hCoefficients(c);
  const B = new Float64Array(M + 1);
  const points: ObjectivePoint[] = new Array(ts.length);
  const every = Math.max(1, Math.floor(PROGRESS_TERMS / (M + 1)));
  for (let i = 0; i < ts.length; i++) {
    if (progress !== undefined && i % every === 0) progress(i, ts.length);
    const t = ts[i]!;
    bernsteinBasisInto(M, t, B);
    let hSum = 0;
    let dhSum = 0;
    if (t <= 0.5) {
      for (let k = 0; k < M; k++) {
        const b = B[k]!;
        if (b === 0) continue;
        hSum += G[k]! * b;
        dhSum += c[k]! * (M - k) * b;
      }
      hSum += G[M]! * B[M]!;
      points[i] = { t, h: hSum, dh: dhSum / (M * (1 - t)) };
    } else {
      for (let k = 1; k <= M; k++) {
        const b = B[k]!;
        if (b === 0) continue;
        hSum += G[k]! * b;
        dhSum += c[k - 1]! * k * b;
      }
      points[i] = { t, h: hSum, dh: dhSum / (M * t) };
    }
  }
  progress?.(ts.length, ts.length);
  return points;
}

/** Terms of `h_M` summed between two calls of a progress callback: a few milliseconds' work. */
const PROGRESS_TERMS = 2 ** 22;

/**
 * The objective induced by `c` (docs/theory.md §2) sampled on the grid `ts` for `supDistance`:
 * `h_M` at every point, `h_M(0) = 0` and `h_M(1)`.
 */
export function sampledObjective(c: ArrayLike<number>, ts: ArrayLike<number>): Sampled {
  const values = Float64Array.from(objectivePoints(c, ts), (p) => p.h);
  return { ts, values, at0: 0, at1: hAtOne(c) };
}

import { type MixturePart, type Moments, mixtureMoments } from './mixture-moments.ts';
import { normalCdf } from './normal-law.ts';

/**
 * The law of a per-group statistic whose mean a z-test compares with its closed form, as a
 * mixture of parts (sub-populations of groups: point masses, or parts with their own moments),
 * and the standard-error floor the comparison applies, in the same units.
 */
export interface UpdateLaw {
  readonly parts: readonly MixturePart[];
  readonly floor: number;
}

/** Whether a z-test of the mean of `groups` draws of an {@link UpdateLaw} can be trusted. */
export interface NormalApproximation {
  /** The precondition holds at this number of groups. */
  readonly ok: boolean;
  /** The smallest number of groups, at least the one asked about, at which it holds. */
  readonly groupsNeeded: number;
  /** `|gamma| / sqrt(groups)`: the skewness of the mean over the parts the test relies on. */
  readonly skewness: number;
}

/**
 * Largest `|gamma| t^3 / sqrt(N)` allowed, `gamma` the skewness of one draw and `t` the `|z|`
 * threshold: one-term Edgeworth expansions of the studentized mean put the relative error of
 * its tail near `gamma t^3 / (3 sqrt(N))`. The constant is set by exact binomial enumeration on
 * two-point laws (a rare event is the most skewed law for its variance), see the test beside
 * this file.
 */
export const SKEWNESS_BUDGET = 2;
/**
 * Fewest groups, in units of `t^4`: even for a normal law the studentized mean is Student's t
 * with `N - 1` degrees of freedom, whose tail beyond `t` exceeds the normal one by a factor
 * near `1 + t^4/(4N)`, and the lattice of a discrete law adds to that at small N.
 */
export const GROUPS_PER_T4 = 5;
/** Largest expected number of draws from the parts a run may leave out as unseen. */
export const RARE_EXPECTED = 0.05;
/** Largest relative excess of the tail that leaving the rare parts out may cause. */
export const SHIFT_EXCESS = 0.01;
/**
 * Smallest standard deviation of one draw a z-test can use: below it the squares that make up a
 * sample variance fall below the smallest normal double, and the standard error is rounding.
 */
export const SMALLEST_SPREAD = 1e-150;
/** Below this many ulps of its largest |mean| a law's spread is rounding: the law is constant. */
const CONSTANT_ULPS = 64;

/**
 * The validity precondition of the normal approximation behind a z-test at `|z|` threshold `t`
 * (docs/theory.md §6) of the mean of `groups` independent draws from a known law. Where it holds, the
 * test's false-fail rate stays within about 1.5 times its nominal `alpha' = 2 Phi(-t)`: on every
 * two-point law, computed exactly, within 1.45 times for `t` in [3.5, 7] (1.39 for t >= 4.89).
 *
 * Rare parts of a law break the approximation. Unseen, the estimate misses their contribution
 * while the closed form has it, and the sample standard error cannot know: a run with no event
 * has estimate 0 and SE 0. Seen a few times, they skew the mean far beyond what the normal tail
 * allows. So the law is split:
 *
 * - the rarest parts `R`, as many as keep the expected number of draws from them
 *   `groups · P(R) <= RARE_EXPECTED`. A run sees none with probability at least 0.95; seeing one
 *   moves a studentized z by about one unit at most (it raises the SE too), which adds about
 *   `0.65 · RARE_EXPECTED · alpha'` to the false-fail rate. Left out, they shift the mean by
 *   `mu_rest - mu`: in units of the SE the test uses, `SE = max(sigma_rest/sqrt(N), floor)`, z
 *   becomes `rho Z + s` with `s = (mu_rest - mu)/SE` and `rho = sigma_rest/(sqrt(N) SE)`, whose
 *   two-sided tail beyond `t` may exceed the normal one by {@link SHIFT_EXCESS} at most;
 * - the rest, whose skewness must satisfy `|gamma_rest| t^3 <= SKEWNESS_BUDGET sqrt(N)`;
 * - and `N >= GROUPS_PER_T4 · t^4`, and a spread of at least {@link SMALLEST_SPREAD}, whenever
 *   the rest is not constant.
 *
 * Returns whether the precondition holds at `groups`, and the smallest number of groups, at
 * least `groups`, at which it does (`Infinity` if none is representable). It depends on the law
 * and `t` only, never on the data, so checking it does not change the test's error rates.
 */
export function normalApproximation(
  law: UpdateLaw,
  groups: number,
  threshold: number,
): NormalApproximation {
  const t = threshold;
  const fewest = Math.ceil(GROUPS_PER_T4 * t ** 4);
  const nominal = 2 * normalCdf(-t);
  // Moments in units of the law's size, so that tiny laws do not underflow; `scale` brings the
  // spread back to absolute units for SMALLEST_SPREAD.
  const kept = law.parts.filter((p) => p.weight > 0);
  // A loop, not Math.max(...): a law can have as many parts as a corpus has prompts, and a
  // spread of that many arguments overflows the call stack.
  let scale = 0;
  for (const p of kept) scale = Math.max(scale, Math.abs(p.mean) + Math.sqrt(p.variance));
  if (!(scale > 0)) return { ok: true, groupsNeeded: groups, skewness: 0 };
  const floor = law.floor / scale;
  const parts = kept
    .map((p) => ({
      weight: p.weight,
      mean: p.mean / scale,
      variance: p.variance / scale / scale,
      third: p.third / scale / scale / scale,
    }))
    .sort((x, y) => x.weight - y.weight);
  const n = parts.length;
  // rest[k]: the moments of parts k..n-1 (the rarest k left out); largest[k] their largest
  // |mean|; rareWeight[k] the weight left out.
  // Stryker disable next-line ArrayDeclaration: a preallocated length only; every entry is set below
  const rest: Moments[] = new Array(n);
  // Stryker disable next-line ArrayDeclaration: a preallocated length only; every entry is set below
  const largest: number[] = new Array(n);
  rest[n - 1] = mixtureMoments([parts[n - 1]!]);
  largest[n - 1] = Math.abs(parts[n - 1]!.mean);
  for (let k = n - 2; k >= 0; k--) {
    rest[k] = mixtureMoments([parts[k]!, rest[k + 1]!]);
    largest[k] = Math.max(largest[k + 1]!, Math.abs(parts[k]!.mean));
  }
  const rareWeight = [0];
  for (let k = 0; k < n - 1; k++) rareWeight.push(rareWeight[k]! + parts[k]!.weight);
  const mu = rest[0]!.mean;
  const spread = (k: number) => {
    const r = rest[k]!;
    const rounding = CONSTANT_ULPS * Number.EPSILON * largest[k]!;
    if (!(r.variance > rounding * rounding)) return { sigma: 0, gamma: 0 };
    const sigma = Math.sqrt(r.variance);
    return { sigma, gamma: Math.abs(r.third) / sigma ** 3 };
  };
  const shiftOk = (k: number, N: number, s: number) => {
    const shift = Math.abs(rest[k]!.mean - mu);
    if (shift === 0) return true;
    const se = Math.max(s / Math.sqrt(N), floor);
    if (!(se > 0)) return false;
    const z = shift / se;
    const rho = s / Math.sqrt(N) / se;
    const tail = rho > 0 ? normalCdf((-t - z) / rho) + normalCdf((z - t) / rho) : +(z > t);
    return tail <= (1 + SHIFT_EXCESS) * nominal;
  };
  // With N groups the rarest k parts may be left out while N · rareWeight[k] <= RARE_EXPECTED,
  // that is up to N = last(k); more groups leave fewer out. Walk k down from the run's own N.
  const last = (k: number) =>
    k === 0 ? Number.POSITIVE_INFINITY : Math.floor(RARE_EXPECTED / rareWeight[k]!);
  let k = 0;
  while (k + 1 < n && groups * rareWeight[k + 1]! <= RARE_EXPECTED) k++;
  const skewness = spread(k).gamma / Math.sqrt(groups);
  let N = groups;
  for (; k >= 0; k--) {
    if (N > last(k)) continue;
    const { sigma, gamma } = spread(k);
    // Within one k the skewness condition holds from some N on. The shift's tail first grows
    // with N (the SE shrinks) and then, once the SE is at its floor, falls (the noise shrinks),
    // so it holds from the first candidate, or else from a point found by bisection.
    // A constant rest has no sampling error: z is its shift alone. A spread too small for
    // double precision has no usable standard error at any N.
    const least = sigma > 0 ? fewest : 0;
    if (sigma > 0 && sigma * scale < SMALLEST_SPREAD) {
      N = last(k) + 1;
      continue;
    }
    let lo = Math.max(N, Math.ceil(((gamma * t ** 3) / SKEWNESS_BUDGET) ** 2), least);
    let hi = last(k);
    if (lo <= hi && !shiftOk(k, lo, sigma)) {
      if (Number.isFinite(hi) && shiftOk(k, hi, sigma)) {
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (shiftOk(k, mid, sigma)) hi = mid;
          else lo = mid;
        }
        lo = hi;
      } else {
        lo = Number.POSITIVE_INFINITY;
      }
    }
    if (lo <= last(k)) return { ok: lo === groups, groupsNeeded: lo, skewness };
    N = last(k) + 1;
  }
  return { ok: false, groupsNeeded: Number.POSITIVE_INFINITY, skewness };
}

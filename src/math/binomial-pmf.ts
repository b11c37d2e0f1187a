import { requireCount, requireUnitInterval } from '../errors/index.ts';

const LN_2PI = Math.log(2 * Math.PI);

// stirlerr(n) = ln n! - ln(sqrt(2 pi n) (n/e)^n) for n = 0..15, from mpmath at 40 digits
// (scripts/fixtures/objective_fixtures.py prints the same values).
const STIRLERR_SMALL = [
  0.0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
  0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
  0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
  0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/** Stirling's error term for an integer n >= 0 (Loader 2000, eq. 4 and its asymptotic series). */
function stirlerr(n: number): number {
  if (n <= 15) return STIRLERR_SMALL[n]!;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term `x ln(x/np) + np - x`, by a series when x is close to np (Loader 2000). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/**
 * The binomial probability `P(K = k) = C(n, k) t^k (1-t)^(n-k)` for `K ~ Binomial(n, t)`, which is
 * also the Bernstein basis polynomial `B_{k,n}(t)` (docs/theory.md §2, the law of `S_i` and of `K`).
 *
 * Hand-written rather than `@stdlib/stats-base-dists-binomial-pmf`, which evaluates
 * `exp(binomcoefln(n,k) + k ln t + (n-k) ln(1-t))` and so loses about `n` ulps to cancellation
 * (1e-11 relative at n = 1e5). This is Loader's saddle-point form ("Fast and accurate computation
 * of binomial probabilities", 2000, as in R's `dbinom`): a few ulps at any n, and it is
 * insensitive to the rounding of `1 - t` near the mode. `t = 0` and `t = 1` are exact.
 *
 * @param k number of successes, an integer in [0, n]
 * @param n number of trials, a non-negative integer
 * @param t success probability in [0, 1]
 */
export function binomialPmf(k: number, n: number, t: number): number {
  requireCount('n', n);
  requireCount('k', k);
  requireUnitInterval('t', t);
  if (k > n) return 0;
  return binomialPmfUnchecked(k, n, t);
}

/** {@link binomialPmf} without validation, for inner loops whose caller has validated. */
export function binomialPmfUnchecked(k: number, n: number, t: number): number {
  if (t === 0) return k === 0 ? 1 : 0;
  if (t === 1) return k === n ? 1 : 0;
  const q = 1 - t;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(t < 0.1 ? -bd0(n, n * q) - n * t : n * Math.log1p(-t));
  }
  if (k === n) {
    return Math.exp(q < 0.1 ? -bd0(n, n * t) - n * q : n * Math.log(t));
  }
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * t) - bd0(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}

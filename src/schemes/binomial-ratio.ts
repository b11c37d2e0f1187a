import { binomcoefln } from '../math/index.ts';

/** Above this many factors the ratio is taken from log-binomials instead of a product. */
const MAX_PRODUCT_FACTORS = 256;

/**
 * `C(n, r) / C(m, r)` for integers `0 <= n <= m`, `0 <= r <= m`; 0 when `r > n`. This is the
 * building block of the pass@k weights of docs/theory.md §3 (`C(M-1-s, k-1)/C(M-1, k-1)`) and of
 * Chen et al.'s `C(M-K, k)/C(M, k)` in §7.
 *
 * The ratio is a product of `min(r, m - n)` factors: `prod_{j<r} (n-j)/(m-j)` or, equivalently,
 * `prod_{j<m-n} (m-r-j)/(m-j)`. Numerator and denominator are multiplied as exact integers
 * while they stay below 2^53 and divided only when they would not, so for small arguments the
 * result is correctly rounded and in general the relative error is well under one ulp per factor.
 * Above 256 factors it uses `exp(ln C(n,r) - ln C(m,r))` (stdlib `binomcoefln`), whose relative
 * error is about `|ln C(m, r)|` ulps: about 1e-12 at m = 4096 and 1.5e-11 at m = 100000, and
 * O(1) time, which keeps the closed-form tables O(M) per entry at large M.
 */
export function binomialRatio(n: number, m: number, r: number): number {
  if (r > n) return 0;
  const length = Math.min(r, m - n);
  if (length === 0) return 1;
  if (length > MAX_PRODUCT_FACTORS) return Math.exp(binomcoefln(n, r) - binomcoefln(m, r));
  // Same factor sequence either way: numerator top - j over m - j, j < length.
  const top = r <= m - n ? n : m - r;
  let ratio = 1;
  let num = 1;
  let den = 1;
  for (let j = 0; j < length; j++) {
    const p = top - j;
    const q = m - j;
    if (den * q > Number.MAX_SAFE_INTEGER) {
      ratio *= num / den;
      num = 1;
      den = 1;
    }
    num *= p;
    den *= q;
  }
  return ratio * (num / den);
}

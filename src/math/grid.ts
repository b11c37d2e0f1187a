/**
 * `n` points from `lo` to `hi` inclusive, evenly spaced in `x` (`log = false`) or in `ln x`
 * (`log = true`, for figures with a log axis); the last point is `hi` itself, not a rounding of
 * it. The one grid of the package: objective tables, audits, figures and checks use it.
 */
export function grid(lo: number, hi: number, n: number, log = false): number[] {
  if (log) {
    const a = Math.log(lo);
    const b = Math.log(hi);
    return Array.from({ length: n }, (_, i) =>
      i === n - 1 ? hi : Math.exp(a + ((b - a) * i) / (n - 1)),
    );
  }
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/**
 * Inverse-CDF sampling from rows of categorical distributions (MATH.md §5): `cdf` holds
 * `rows × size` running sums, each row ending exactly at 1, so a uniform in [0, 1) always finds
 * an index. Binary search: O(log size) per draw, one uniform per draw.
 */
export function categoricalCdf(pi: Float64Array, size: number): Float64Array {
  const cdf = new Float64Array(pi.length);
  for (let row = 0; row * size < pi.length; row++) {
    let total = 0;
    for (let v = 0; v < size; v++) total += pi[row * size + v]!;
    let running = 0;
    for (let v = 0; v < size; v++) {
      running += pi[row * size + v]!;
      cdf[row * size + v] = v === size - 1 ? 1 : running / total;
    }
  }
  return cdf;
}

/** The index `v` in row `row` with `cdf[v-1] <= u < cdf[v]` (see {@link categoricalCdf}). */
export function drawCategorical(cdf: Float64Array, row: number, size: number, u: number): number {
  let lo = row * size;
  let hi = lo + size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo - row * size;
}

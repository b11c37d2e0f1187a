/**
 * A Gauss–Legendre quadrature rule on `[lo, hi]`: `panels` equal panels of `n` nodes each.
 * The `n`-point rule integrates every polynomial of degree `<= 2n - 1` exactly up to rounding;
 * used as an independent check of `h_M(t) = ∫_0^t h_M'(u) du` (docs/theory.md §2), whose `h_M'` is a
 * polynomial of degree `M - 1`.
 *
 * Nodes are the roots of the Legendre polynomial `P_n`, found by Newton's method on the
 * three-term recurrence `k P_k = (2k-1) x P_{k-1} - (k-1) P_{k-2}` from Tricomi's initial guess
 * `cos(pi (i + 3/4)/(n + 1/2))`; weights are `2/((1 - x^2) P_n'(x)^2)`. The rule is exactly
 * symmetric (the middle node of an odd rule is 0). Hand-written because no dependency of the
 * project provides quadrature; the test beside this file checks it against exact integrals.
 */
export function gaussLegendre(
  n: number,
  lo = -1,
  hi = 1,
  panels = 1,
): { nodes: number[]; weights: number[] } {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`gaussLegendre: n must be a positive integer, got ${n}`);
  }
  if (!(Number.isInteger(panels) && panels >= 1)) {
    throw new RangeError(`gaussLegendre: panels must be a positive integer, got ${panels}`);
  }
  const x: number[] = new Array(n);
  const w: number[] = new Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let step = Number.POSITIVE_INFINITY;
    let root = n % 2 === 1 && i === (n - 1) / 2 ? 0 : Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    // Newton converges quadratically; it stops once a step is rounding, and P_n' is then taken
    // at the final root for the weight.
    let derivative = 0;
    for (let iteration = 0; ; iteration++) {
      let p0 = 1;
      let p1 = root;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * root * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      // p1 = P_n(root), p0 = P_{n-1}(root); P_n' = n (x P_n - P_{n-1})/(x^2 - 1).
      derivative = (n * (root * p1 - p0)) / (root * root - 1);
      if (Math.abs(step) <= 2 * Number.EPSILON || iteration === 100) break;
      step = p1 / derivative;
      root -= step;
    }
    const weight = 2 / ((1 - root * root) * derivative * derivative);
    x[i] = -root;
    x[n - 1 - i] = root;
    w[i] = weight;
    w[n - 1 - i] = weight;
  }
  const nodes: number[] = [];
  const weights: number[] = [];
  const width = (hi - lo) / panels;
  for (let panel = 0; panel < panels; panel++) {
    const mid = lo + (panel + 0.5) * width;
    for (let i = 0; i < n; i++) {
      nodes.push(mid + (width / 2) * x[i]!);
      weights.push((width / 2) * w[i]!);
    }
  }
  return { nodes, weights };
}

/**
 * `∫_lo^hi f(u) du` by {@link gaussLegendre}'s `n`-point rule on `panels` equal panels: exact,
 * up to rounding, for polynomials of degree `<= 2n - 1`.
 */
export function gaussLegendreIntegral(
  f: (u: number) => number,
  lo: number,
  hi: number,
  n: number,
  panels = 1,
): number {
  const { nodes, weights } = gaussLegendre(n, lo, hi, panels);
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) sum += weights[i]! * f(nodes[i]!);
  return sum;
}

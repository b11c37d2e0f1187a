/**
 * Gauss–Legendre nodes and weights on [-1, 1] for `n` points, by Newton's method on the
 * three-term recurrence of the Legendre polynomials. An `n`-point rule integrates every
 * polynomial of degree `<= 2n - 1` exactly (up to rounding), which makes it an independent
 * reference for `h(t2) - h(t1) = integral of h'` when `h'` is a polynomial (MATH.md §2).
 *
 * Hand-written because no dependency of the project provides quadrature; 30 lines, and the
 * property that uses it fails loudly if it is wrong.
 */
export function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = new Array(n);
  const weights: number[] = new Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      // p1 = P_n(x), p0 = P_{n-1}(x).
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-17) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  return { nodes, weights };
}

/**
 * `integral_{lo}^{hi} f(u) du` by the `n`-point Gauss–Legendre rule: exact for polynomials of
 * degree `<= 2n - 1`.
 */
export function integrate(f: (u: number) => number, lo: number, hi: number, n: number): number {
  const { nodes, weights } = gaussLegendre(n);
  const half = (hi - lo) / 2;
  const mid = (hi + lo) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]! * f(mid + half * nodes[i]!);
  return sum * half;
}

// Test-only quadrature: Gauss–Legendre nodes by Newton's method on P_n, exact for polynomials of
// degree <= 2n-1, and a composite rule for "h is the integral of dh" checks.

export function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}

/** Composite Gauss–Legendre of `f` over [a, b] with `panels` panels of `n` nodes; f is vectorised. */
export function integrate(
  f: (ts: number[]) => number[],
  a: number,
  b: number,
  panels: number,
  n: number,
): number {
  const { x, w } = gaussLegendre(n);
  const ts: number[] = [];
  const ws: number[] = [];
  const width = (b - a) / panels;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * width;
    for (let i = 0; i < n; i++) {
      ts.push(mid + (x[i]! * width) / 2);
      ws.push((w[i]! * width) / 2);
    }
  }
  const ys = f(ts);
  let sum = 0;
  for (let i = 0; i < ys.length; i++) sum += ws[i]! * ys[i]!;
  return sum;
}

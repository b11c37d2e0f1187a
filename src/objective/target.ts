/**
 * A named target objective `h` (MATH.md §3, "The Bernstein recipe"): what a weight scheme may be
 * designed to optimize, and what an induced `h_M` is compared with.
 */
export interface Target {
  /** `identity`, `log`, `logit`, `arcsin`, `power` or `passk`. */
  readonly name: string;
  /** Canonical spec, e.g. `power:q=0.5`, `passk:k=4`. */
  readonly spec: string;
  /** `h(t)`; may be infinite at an endpoint (`log` at 0, `logit` at 0 and 1). */
  h(t: number): number;
  /** `h'(t)`; may be infinite at an endpoint. */
  hPrime(t: number): number;
  /**
   * The exact Bernstein coefficients `c[0..n]` of `h'` in degree `n`, when `h'` is a polynomial of
   * degree at most `n` (identity, passk with k <= n + 1, power with integer q <= n + 1);
   * otherwise `undefined`.
   */
  derivativeInBernstein(n: number): number[] | undefined;
}

import { InputError, requireUnitInterval } from '../errors/index.ts';
import type { SpecReader } from '../grammar/index.ts';
import { betainc, betaln, binomcoefln, monomialInBernstein } from '../math/index.ts';

/**
 * `I_t(A, B)`, the regularized incomplete beta function for real `A, B > 0` (docs/theory.md §9, the
 * family `beta(A, B)`), through `@stdlib/math-base-special-betainc`. Unlike
 * `regularizedIncompleteBeta` (integer parameters only, the binomial-tail route of docs/theory.md §2),
 * it takes any positive parameters. Its accuracy is measured against mpmath in
 * beta-family.test.ts.
 *
 * @param t point in [0, 1]
 * @param A first shape parameter, > 0
 * @param B second shape parameter, > 0
 */
export function incompleteBeta(t: number, A: number, B: number): number {
  requireUnitInterval('t', t);
  requireShape('a', A);
  requireShape('b', B);
  return betainc(t, A, B);
}

/**
 * The density of the family, `d/dt I_t(A, B) = t^(A-1) (1-t)^(B-1) / B(A, B)` (docs/theory.md §9),
 * infinite at `t = 0` when `A < 1` and at `t = 1` when `B < 1`. Computed in logs
 * (`betaln`, `log1p`), so that large `A`, `B` neither overflow nor underflow before the end.
 */
export function incompleteBetaDensity(t: number, A: number, B: number): number {
  requireUnitInterval('t', t);
  requireShape('a', A);
  requireShape('b', B);
  const left = A === 1 ? 0 : (A - 1) * Math.log(t);
  const right = B === 1 ? 0 : (B - 1) * Math.log1p(-t);
  return Math.exp(left + right - betaln(A, B));
}

/**
 * The target `beta:a=A,b=B`: `h(t) = I_t(A, B)` with `A, B > 0` (docs/theory.md §9). The family holds
 * identity (`I_t(1, 1) = t`), pass@k (`I_t(1, k) = 1 - (1-t)^k`) and the GRPO limit
 * (`I_t(1/2, 1/2) = (2/pi) arcsin sqrt t`).
 *
 * `logComplement(t)` is `log I_{1-t}(B, A)`, the log of `1 - I_t(A, B)` without its cancellation.
 * `derivativeInBernstein(n)` is exact when `A` and `B` are integers with `A + B - 2 <= n`: with
 * `i = A - 1`, `j = B - 1`, `d = i + j`, the density is `(d + 1) C(d, i) t^i (1-t)^j`, whose
 * degree-n Bernstein coefficients are `(d + 1) [C(s, i)/C(n, i)] [C(n-s, j)/C(n, j)]
 * C(n, i) C(n, j)/C(n, d)` (the products of `monomialInBernstein` for `t^i` and, reversed, for
 * `(1-t)^j`); for `A = 1` this is the pass@k row of docs/theory.md §3.
 *
 * Reads the required keys `a` and `b` from `reader` (the caller, `target`, finishes it and adds
 * the name and spec).
 */
export function betaTarget(reader: SpecReader): {
  member: readonly [number, number];
  h(t: number): number;
  hPrime(t: number): number;
  logComplement(t: number): number;
  derivativeInBernstein(n: number): number[] | undefined;
} {
  const A = reader.requiredNumber('a', requireShape);
  const B = reader.requiredNumber('b', requireShape);
  return {
    member: [A, B],
    h: (t) => betainc(t, A, B),
    hPrime: (t) => incompleteBetaDensity(t, A, B),
    // 1 - I_t(A, B) = I_{1-t}(B, A), computed directly rather than by a difference that rounds.
    logComplement: (t) => Math.log(betainc(1 - t, B, A)),
    derivativeInBernstein: (n) => {
      if (!(Number.isSafeInteger(n) && n >= 0)) {
        throw new InputError(`degree n must be a non-negative integer, got ${String(n)}`);
      }
      if (!Number.isInteger(A) || !Number.isInteger(B) || A + B - 2 > n) return undefined;
      const i = A - 1;
      const j = B - 1;
      const d = i + j;
      const left = monomialInBernstein(i, n);
      const right = monomialInBernstein(j, n).reverse();
      const scale = (d + 1) * Math.exp(binomcoefln(n, i) + binomcoefln(n, j) - binomcoefln(n, d));
      return left.map((l, s) => scale * l * right[s]!);
    },
  };
}

/** The canonical spec of the member `I_t(A, B)`: `beta:a=A,b=B`. */
export function betaSpec(A: number, B: number): string {
  return `beta:a=${A},b=${B}`;
}

/** A shape parameter of the family: finite and > 0. */
function requireShape(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InputError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

import { InputError } from '../errors/index.ts';
import type { GradedScheme } from '../schemes/index.ts';

/** The most class-count vectors enumerated. */
const MAX_COUNTS = 2 ** 20;

/**
 * Every vector of `C` non-negative class counts summing to `total` (docs/theory.md §10: the
 * support of `Multinomial(total, q)`), in lexicographic order. Throws InputError beyond
 * {@link MAX_COUNTS} vectors.
 */
export function classCounts(total: number, C: number): Int32Array[] {
  const out: Int32Array[] = [];
  const n = new Int32Array(C);
  const fill = (k: number, left: number): void => {
    if (out.length > MAX_COUNTS) {
      throw new InputError(
        `${C} classes with ${total} responses give more than ${MAX_COUNTS} class-count vectors; use a smaller M or fewer classes`,
      );
    }
    if (k === C - 1) {
      n[k] = left;
      out.push(Int32Array.from(n));
      return;
    }
    for (let x = 0; x <= left; x++) {
      n[k] = x;
      fill(k + 1, left - x);
    }
  };
  fill(0, total);
  return out;
}

/**
 * `P(n)` under `Multinomial(sum n, q)`: the multinomial coefficient, built as a product of
 * binomial ratios so that it stays finite, times `prod q_j^{n_j}` (`0^0 = 1`).
 */
export function multinomialProbability(n: ArrayLike<number>, q: ArrayLike<number>): number {
  let p = 1;
  let total = 0;
  for (let j = 0; j < n.length; j++) {
    for (let k = 1; k <= n[j]!; k++) p *= ((total + k) / k) * q[j]!;
    total += n[j]!;
  }
  return p;
}

/**
 * `W_j(q) = E_{n ~ Multinomial(M-1, q)} w_j(n)`, `j = 0..C-1` (docs/theory.md §10), by summing
 * over every class-count vector of the other `M - 1` responses, and the largest `|w_j(n)|`.
 */
export function expectedClassWeights(
  scheme: GradedScheme,
  q: ArrayLike<number>,
): { W: Float64Array; largestWeight: number } {
  const C = scheme.classes.C;
  const W = new Float64Array(C);
  let largestWeight = 0;
  for (const n of classCounts(scheme.M - 1, C)) {
    const p = multinomialProbability(n, q);
    for (let j = 0; j < C; j++) {
      const w = scheme.weight(j, n);
      largestWeight = Math.max(largestWeight, Math.abs(w));
      W[j] = W[j]! + p * w;
    }
  }
  return { W, largestWeight };
}

import { InputError, requireCount, requirePositiveInteger } from '../errors/index.ts';

/**
 * The most compositions {@link compositions} enumerates: 2^22 count vectors (with up to 64
 * parts, 1 GiB of counts at most; the graded field keeps a few tables of this length).
 */
export const MAX_COMPOSITIONS = 2 ** 22;

/**
 * Every composition of `total` into `parts` non-negative counts `n[0..parts-1]` (the class counts
 * of docs/theory.md §10: the support of `Multinomial(total, q)`), enumerated once in
 * lexicographic order with `n[0]` slowest, and the rank of any composition in that order.
 */
export interface Compositions {
  readonly total: number;
  readonly parts: number;
  /** `C(total + parts - 1, parts - 1)`. */
  readonly count: number;
  /** Composition `i` is `counts[i * parts .. i * parts + parts - 1]`. */
  readonly counts: Int32Array;
  /**
   * The index `i` of the composition `n` (counts summing to `total`; not checked): the number of
   * compositions before it, `sum_k [C(R_k + p_k, p_k) - C(R_k - n_k + p_k, p_k)]` with
   * `p_k = parts - k - 1` and `R_k = total - n_0 - ... - n_(k-1)` (hockey-stick identity).
   */
  rank(n: ArrayLike<number>): number;
}

/** `C(total + parts - 1, parts - 1)`, the number of compositions of `total` into `parts` counts. */
export function compositionCount(total: number, parts: number): number {
  requireCount('total', total);
  requirePositiveInteger('parts', parts);
  let count = 1;
  const k = Math.min(parts - 1, total);
  for (let i = 1; i <= k; i++) count = (count * (total + parts - 1 - k + i)) / i;
  return Math.round(count);
}

/**
 * Enumerates the compositions of `total` into `parts` counts (docs/theory.md §10, the class counts of
 * the other responses). Throws InputError when there are more than {@link MAX_COMPOSITIONS},
 * naming the sizes.
 */
export function compositions(total: number, parts: number): Compositions {
  const count = compositionCount(total, parts);
  if (count > MAX_COMPOSITIONS) {
    throw new InputError(
      `${parts} classes with ${total} other responses give ${count.toPrecision(3)} class-count vectors; at most ${MAX_COMPOSITIONS} are enumerated (lower M or use fewer classes)`,
    );
  }
  const counts = new Int32Array(count * parts);
  const n = new Int32Array(parts);
  let row = 0;
  const fill = (k: number, left: number): void => {
    if (k === parts - 1) {
      n[k] = left;
      counts.set(n, row * parts);
      row++;
      return;
    }
    for (let x = 0; x <= left; x++) {
      n[k] = x;
      fill(k + 1, left - x);
    }
  };
  fill(0, total);
  // binomial[p][r] = C(r + p, p) for p < parts and r <= total, each an exact integer below 2^53.
  const binomial = Array.from({ length: parts }, (_, p) =>
    Float64Array.from({ length: total + 1 }, (_, r) => compositionCount(r, p + 1)),
  );
  return {
    total,
    parts,
    count,
    counts,
    rank(c) {
      let index = 0;
      let left = total;
      for (let k = 0; k < parts - 1; k++) {
        const p = parts - k - 1;
        index += binomial[p]![left]! - binomial[p]![left - c[k]!]!;
        left -= c[k]!;
      }
      return index;
    },
  };
}

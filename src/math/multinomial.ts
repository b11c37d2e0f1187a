import type { Compositions } from './compositions.ts';

/**
 * The law `Multinomial(total, q)` on the compositions of `total` (docs/theory.md §10: the class counts
 * `n` of the other responses of a group), evaluated for any `q` on the simplex.
 *
 * A composition's probability is the product of conditional binomials,
 * `P(n) = prod_{k < C-1} Binomial(n_k; R_k, q_k/tau_k)` with `R_k = total - n_0 - ... - n_(k-1)`
 * and `tau_k = q_k + ... + q_(C-1)`, the last count taking what is left. Each binomial table
 * `Binomial(x; R, rho)` for `R <= total` is built by Pascal's recurrence
 * `B(x; R) = sigma B(x; R-1) + rho B(x-1; R-1)`, with `sigma = tau_(k+1)/tau_k` (not `1 - rho`,
 * which cancels when `rho` is near 1): every step adds two nonnegative terms, so an entry carries
 * at most `2R` roundings, no factorial overflows and no `exp(log)` loses digits. Hand-written
 * because no dependency of the project evaluates a multinomial law on all of its support.
 */
export class MultinomialLaw {
  readonly compositions: Compositions;
  /** Row `i`: the offsets of composition `i`'s entries in the tables of classes `0..C-2`. */
  private readonly offsets: Int32Array;
  private readonly tables: Float64Array[];

  constructor(compositions: Compositions) {
    this.compositions = compositions;
    const { total, parts, count, counts } = compositions;
    const factors = parts - 1;
    this.offsets = new Int32Array(count * factors);
    for (let i = 0; i < count; i++) {
      let left = total;
      for (let k = 0; k < factors; k++) {
        const x = counts[i * parts + k]!;
        this.offsets[i * factors + k] = (left * (left + 1)) / 2 + x;
        left -= x;
      }
    }
    const size = ((total + 1) * (total + 2)) / 2;
    this.tables = Array.from({ length: factors }, () => new Float64Array(size));
  }

  /**
   * Writes `P(n_i)` for every composition `i` into `out[0..count-1]`. `q` has one entry per part,
   * each finite and `>= 0`, summing to 1 (the caller validates); the tail sums `tau_k` are
   * recomputed from `q`, so a `q` whose sum is 1 only up to rounding still gives a law.
   */
  pmf(q: ArrayLike<number>, out: Float64Array): void {
    this.product(q, out, 0);
  }

  /**
   * Writes, for every composition `i`, its probability given its first count `n_0`:
   * `P(n_i) / Binomial(n_0; total, q_0)`, the law `Multinomial(total - n_0, (q_1..q_(C-1))/(1 - q_0))`
   * of the other counts. It does not change when `q_1..q_(C-1)` are scaled together, e.g. along a
   * segment from the vertex `e_0`. Needs `q_0 < 1`.
   */
  conditionalPmf(q: ArrayLike<number>, out: Float64Array): void {
    this.product(q, out, 1);
  }

  /** The product of the conditional binomial factors `from..C-2` of every composition. */
  private product(q: ArrayLike<number>, out: Float64Array, from: number): void {
    const { total, parts, count } = this.compositions;
    const factors = parts - 1;
    for (let k = from; k < factors; k++) {
      let tail = 0;
      for (let i = parts - 1; i > k; i--) tail += q[i]!;
      const tau = tail + q[k]!;
      const table = this.tables[k]!;
      table.fill(0);
      table[0] = 1;
      if (tau === 0) continue;
      const rho = q[k]! / tau;
      const sigma = tail / tau;
      for (let R = 1; R <= total; R++) {
        const previous = ((R - 1) * R) / 2;
        const row = (R * (R + 1)) / 2;
        table[row] = sigma * table[previous]!;
        for (let x = 1; x < R; x++) {
          table[row + x] = sigma * table[previous + x]! + rho * table[previous + x - 1]!;
        }
        table[row + R] = rho * table[previous + R - 1]!;
      }
    }
    const offsets = this.offsets;
    for (let i = 0; i < count; i++) {
      let p = 1;
      for (let k = from; k < factors; k++) p *= this.tables[k]![offsets[i * factors + k]!]!;
      out[i] = p;
    }
  }
}

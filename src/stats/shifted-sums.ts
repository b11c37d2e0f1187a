import type { VectorMoments } from './vector-moments.ts';

/**
 * A block of vectors summarised for {@link VectorMoments} (docs/theory.md §6): per component,
 * the sums of `x - shift` and of its square, where the shift is the block's first vector (so
 * that a spread small beside the mean does not cancel), then Chan-merged into the moments as
 * `(n, shift + sum/n, max(0, squares - sum²/n))`. Per vector and component a subtraction, an
 * addition and a multiply-add, and one merge (with its divisions) per block instead of
 * Welford's division per vector. Reuses its buffers.
 */
export class ShiftedSums {
  /** Vectors in the block. */
  n = 0;
  /**
   * Per component `j`, its shift, sum and sum of squares at `3j`, `3j + 1`, `3j + 2`: one array,
   * so that the compiled loop checks a single one.
   */
  private readonly sums: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;

  constructor(readonly dim: number) {
    this.sums = new Float64Array(3 * dim);
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(dim);
  }

  /** Adds the vector `x` (length {@link dim}) to the block. */
  add(x: Float64Array): void {
    const { sums, dim } = this;
    if (this.n++ === 0) {
      for (let j = 0; j < dim; j++) sums[3 * j] = x[j]!;
    }
    for (let j = 0, at = 0; j < dim; j++, at += 3) {
      const d = x[j]! - sums[at]!;
      sums[at + 1] = sums[at + 1]! + d;
      sums[at + 2] = sums[at + 2]! + d * d;
    }
  }

  /**
   * Sets the block to `n` scalars (`dim` 1) summarised by their shift, and their sums of
   * differences from it and of squared differences, from a loop that keeps them in registers.
   */
  set(n: number, shift: number, sum: number, squares: number): void {
    this.n = n;
    this.sums[0] = shift;
    this.sums[1] = sum;
    this.sums[2] = squares;
  }

  /** Merges the block into `moments`, after the vectors they hold, and empties it. */
  flushInto(moments: VectorMoments): void {
    const { n, sums, mean, m2, dim } = this;
    if (n === 0) return;
    for (let j = 0, at = 0; j < dim; j++, at += 3) {
      const sum = sums[at + 1]!;
      mean[j] = sums[at]! + sum / n;
      m2[j] = Math.max(0, sums[at + 2]! - (sum * sum) / n);
      sums[at + 1] = 0;
      sums[at + 2] = 0;
    }
    moments.mergeSummary(n, mean, m2);
    this.n = 0;
  }
}

import type { VectorMoments } from './vector-moments.ts';
import type { VectorSink } from './vector-sink.ts';

/**
 * A block of vectors summarised for {@link VectorMoments} (docs/theory.md §6): per component,
 * the sums of `x - shift` and of its square, where the shift is the block's first vector (so
 * that a spread small beside the mean does not cancel), then Chan-merged into the moments as
 * `(n, shift + sum/n, max(0, squares - sum²/n))`. Per vector and component a subtraction, an
 * addition and a multiply-add, and one merge (with its divisions) per block instead of
 * Welford's division per vector. Reuses its buffers. As a {@link VectorSink} it takes a vector
 * component by component, so that a loop adds each as it computes it.
 */
export class ShiftedSums implements VectorSink {
  /** Vectors in the block. */
  n = 0;
  /**
   * Per component `j`, its shift, sum and sum of squares at `3j`, `3j + 1`, `3j + 2`: one array,
   * so that the compiled loop checks a single one.
   */
  private readonly sums: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  /** Whether the vector started last is the block's first, whose components are the shifts. */
  // Stryker disable next-line BooleanLiteral: next() sets it before any put() reads it
  private first = false;

  constructor(readonly dim: number) {
    this.sums = new Float64Array(3 * dim);
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(dim);
  }

  /** Adds the vector `x` (length {@link dim}) to the block. */
  add(x: Float64Array): void {
    this.next();
    for (let j = 0; j < this.dim; j++) this.put(j, x[j]!);
  }

  /**
   * Adds the vector `x` (length {@link dim}) to the block `times` times at once: per component
   * `times·d` and `times·d²` for its difference `d` from the shift, instead of `times` additions
   * of each. The same sums up to rounding (exactly those of {@link add} when `times` is 1); a
   * loop that meets few distinct vectors adds each once.
   */
  addRepeated(x: Float64Array, times: number): void {
    const sums = this.sums;
    const first = this.n === 0;
    this.n += times;
    for (let j = 0, at = 0; j < this.dim; j++, at += 3) {
      if (first) sums[at] = x[j]!;
      const d = x[j]! - sums[at]!;
      sums[at + 1] = sums[at + 1]! + times * d;
      sums[at + 2] = sums[at + 2]! + times * (d * d);
    }
  }

  /** Starts the block's next vector; its components follow through {@link put}. */
  next(): void {
    this.first = this.n++ === 0;
  }

  /** Component `j` of the vector started last: its difference from the shift, summed and squared. */
  put(j: number, x: number): void {
    const sums = this.sums;
    const at = 3 * j;
    if (this.first) sums[at] = x;
    const d = x - sums[at]!;
    sums[at + 1] = sums[at + 1]! + d;
    sums[at + 2] = sums[at + 2]! + d * d;
  }

  /**
   * Components `from .. to - 1` of the vector started last are 0, as `put(j, 0)` for each. After
   * the block's first vector, a component whose shift is 0 is left as it is: its difference is
   * then ±0, and adding ±0 or its square to sums that started at +0 changes no bit.
   */
  zeros(from: number, to: number): void {
    if (this.first) {
      for (let j = from; j < to; j++) this.put(j, 0);
      return;
    }
    const sums = this.sums;
    for (let j = from, at = 3 * from; j < to; j++, at += 3) {
      const shift = sums[at]!;
      if (shift !== 0) {
        const d = 0 - shift;
        sums[at + 1] = sums[at + 1]! + d;
        sums[at + 2] = sums[at + 2]! + d * d;
      }
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

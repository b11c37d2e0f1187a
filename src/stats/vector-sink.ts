/**
 * Where a loop sends each vector of a stream, component by component, instead of writing it into
 * an array first (docs/theory.md §6): the streaming moments' accumulators (`ShiftedSums`,
 * `VectorMoments`). A vector is started by `next`, then `put` once for each of its components
 * in any order; the result is that of adding the whole vector, bit for bit, since each
 * component's arithmetic is its own.
 */
export interface VectorSink {
  /** Starts the next vector. */
  next(): void;
  /** Component `j` of the vector started last. */
  put(j: number, x: number): void;
  /**
   * Components `from .. to - 1` of the vector started last are 0: the same as `put(j, 0)` for
   * each, bit for bit, which an accumulator may do faster.
   */
  zeros(from: number, to: number): void;
}

/**
 * A {@link VectorSink} that keeps the last vector sent to it, in {@link x}: for a loop that needs
 * a vector whole, e.g. to add it to an accumulator more than once.
 */
export class VectorBuffer implements VectorSink {
  /** The vector started last, as far as its components were sent. */
  readonly x: Float64Array;

  constructor(readonly dim: number) {
    this.x = new Float64Array(dim);
  }

  next(): void {
    this.x.fill(0);
  }

  put(j: number, x: number): void {
    this.x[j] = x;
  }

  zeros(from: number, to: number): void {
    this.x.fill(0, from, to);
  }
}

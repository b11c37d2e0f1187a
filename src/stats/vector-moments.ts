import { lazySchema } from '../errors/index.ts';
import type { VectorSink } from './vector-sink.ts';

/** A float as JSON: a number, or one of the strings JSON cannot hold as a number. */
export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

/**
 * Lossless JSON codec for doubles, for accumulators that are checkpointed and merged across
 * machines (docs/theory.md §6, reproducibility): `JSON.stringify` already round-trips every finite
 * double exactly, but turns NaN and ±Infinity into `null` and `-0` into `0`, and a merge of a
 * `-0` can differ in the sign of a zero. Those four values are written as strings.
 */
export const floatCodec = {
  encode(x: number): JsonFloat {
    if (Number.isNaN(x)) return 'NaN';
    if (x === Number.POSITIVE_INFINITY) return 'Infinity';
    if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
    if (Object.is(x, -0)) return '-0';
    return x;
  },
  decode(x: JsonFloat): number {
    if (typeof x === 'number') return x;
    return x === '-0' ? -0 : Number(x);
  },
  encodeAll(xs: ArrayLike<number>): JsonFloat[] {
    return Array.from(xs, floatCodec.encode);
  },
  decodeAll(xs: readonly JsonFloat[]): Float64Array {
    return Float64Array.from(xs, floatCodec.decode);
  },
} as const;

/** {@link VectorMoments} as plain JSON, lossless (see {@link floatCodec}). */
export interface VectorMomentsJson {
  readonly n: number;
  readonly mean: readonly JsonFloat[];
  readonly m2: readonly JsonFloat[];
}

/**
 * The zod schema of {@link VectorMomentsJson} (built on first use), for the readers of stored
 * accumulators: checkpointed chunks and shards' parts.
 */
export const vectorMomentsSchema = lazySchema((z) => {
  const float = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity', '-0'])]);
  return z
    .strictObject({
      n: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      mean: z.array(float),
      m2: z.array(float),
    })
    .refine((m) => m.mean.length === m.m2.length, 'mean and m2 differ in length');
});

/**
 * Streaming, mergeable first and second moments of a stream of vectors (docs/theory.md §6): the count
 * `n`, the mean and `M2 = sum (x - mean)^2` per component, updated by Welford's recurrence one
 * vector at a time and combined by Chan et al.'s pairwise formula. The sample variance is
 * `M2/(n-1)` and the standard error of the mean `sqrt(M2/(n(n-1)))`.
 *
 * Merging is deterministic: the same sequence of pushes and merges gives the same bits, which is
 * what makes a run's result independent of its thread count when chunks merge in order.
 */
export class VectorMoments implements VectorSink {
  n = 0;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  /** `1/n` of the vector started last by `next`. */
  private inv = 0;

  constructor(readonly dim: number) {
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(dim);
  }

  /** Welford's update with one vector `x` of length {@link dim}. */
  push(x: ArrayLike<number>): void {
    this.next();
    for (let j = 0; j < this.dim; j++) this.put(j, x[j]!);
  }

  /** Starts the next vector of Welford's recurrence; its components follow through `put`. */
  next(): void {
    this.inv = 1 / ++this.n;
  }

  /** Welford's update of component `j` with `x`, of the vector started last. */
  put(j: number, x: number): void {
    const mean = this.mean;
    const d = x - mean[j]!;
    const updated = mean[j]! + d * this.inv;
    mean[j] = updated;
    this.m2[j] = this.m2[j]! + d * (x - updated);
  }

  /** Welford's update of components `from .. to - 1` with 0, as `put(j, 0)` for each. */
  zeros(from: number, to: number): void {
    for (let j = from; j < to; j++) this.put(j, 0);
  }

  /**
   * Chan's merge of a summary `(n, mean, m2)` of other vectors into this one, as if they had
   * been pushed after the vectors already seen.
   */
  mergeSummary(n: number, mean: ArrayLike<number>, m2: ArrayLike<number>): void {
    if (n === 0) return;
    if (this.n === 0) {
      this.n = n;
      for (let j = 0; j < this.dim; j++) {
        this.mean[j] = mean[j]!;
        this.m2[j] = m2[j]!;
      }
      return;
    }
    const total = this.n + n;
    const wB = n / total;
    const cross = (this.n * n) / total;
    for (let j = 0; j < this.dim; j++) {
      const d = mean[j]! - this.mean[j]!;
      this.mean[j] = this.mean[j]! + d * wB;
      this.m2[j] = this.m2[j]! + m2[j]! + d * d * cross;
    }
    this.n = total;
  }

  /** Chan's merge of `other` into this one (other's vectors come after this one's). */
  merge(other: VectorMoments): void {
    if (other.dim !== this.dim) {
      throw new Error(`VectorMoments.merge: dimension ${other.dim} != ${this.dim}`);
    }
    this.mergeSummary(other.n, other.mean, other.m2);
  }

  /** Sample variance per component, `M2/(n-1)` (NaN for n < 2). */
  sampleVariance(): Float64Array {
    return this.m2.map((m) => (this.n < 2 ? Number.NaN : m / (this.n - 1)));
  }

  /** Standard error of the mean per component, `sqrt(M2/(n(n-1)))` (docs/theory.md §6). */
  stderr(): Float64Array {
    return this.m2.map((m) => (this.n < 2 ? Number.NaN : Math.sqrt(m / (this.n * (this.n - 1)))));
  }

  /** A deep copy. */
  clone(): VectorMoments {
    const copy = new VectorMoments(this.dim);
    copy.mergeSummary(this.n, this.mean, this.m2);
    return copy;
  }

  toJSON(): VectorMomentsJson {
    return { n: this.n, mean: floatCodec.encodeAll(this.mean), m2: floatCodec.encodeAll(this.m2) };
  }

  /** Rebuilds moments from {@link toJSON}'s output, bit for bit. */
  static fromJSON(json: VectorMomentsJson): VectorMoments {
    if (json.mean.length !== json.m2.length) {
      throw new Error('VectorMoments.fromJSON: mean and m2 differ in length');
    }
    const moments = new VectorMoments(json.mean.length);
    moments.n = json.n;
    moments.mean.set(floatCodec.decodeAll(json.mean));
    moments.m2.set(floatCodec.decodeAll(json.m2));
    return moments;
  }
}

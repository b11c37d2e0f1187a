/** A float as JSON: a number, or one of the strings JSON cannot hold as a number. */
export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

/**
 * Lossless JSON codec for doubles, for accumulators that are checkpointed and merged across
 * machines (MATH.md §6, reproducibility): `JSON.stringify` already round-trips every finite
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

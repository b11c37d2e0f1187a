import fc from 'fast-check';

/**
 * Points of [0, 1] where floating point is most fragile: the endpoints, their nearest
 * neighbours, subnormals, and values whose complement `1 - t` is exact or rounds.
 */
export const EDGE_T: readonly number[] = [
  0,
  Number.MIN_VALUE,
  2 ** -1022,
  Number.EPSILON / 2,
  Number.EPSILON,
  1e-300,
  1e-12,
  1e-6,
  0.5 - Number.EPSILON / 4,
  0.5,
  1 - 1e-6,
  1 - 1e-12,
  1 - Number.EPSILON,
  1 - Number.EPSILON / 2,
  1,
];

/**
 * A probability `t` in the closed interval [0, 1] (docs/theory.md §2): a quarter of the draws are the
 * {@link EDGE_T} points, the rest are uniform doubles, doubles spread over every binade near 0,
 * and their mirror images near 1.
 *
 * @param options.interior exclude the endpoints 0 and 1 (keeps their neighbours)
 */
export function unitT(options: { interior?: boolean } = {}): fc.Arbitrary<number> {
  const edges = options.interior ? EDGE_T.filter((t) => t > 0 && t < 1) : EDGE_T;
  const tiny = fc.double({ min: Number.MIN_VALUE, max: 0.5, noNaN: true });
  const lo = options.interior ? Number.MIN_VALUE : 0;
  const hi = options.interior ? 1 - Number.EPSILON / 2 : 1;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.double({ min: lo, max: hi, noNaN: true }) },
    { weight: 1, arbitrary: tiny },
    { weight: 1, arbitrary: tiny.map((t) => 1 - t).filter((t) => t < 1) },
  );
}

/**
 * Two points `t1 <= t2` of [0, 1], from {@link unitT}. Used for monotonicity and for integrals
 * over `[t1, t2]`.
 */
export function orderedPair(): fc.Arbitrary<readonly [number, number]> {
  return fc
    .tuple(unitT(), unitT())
    .map(([x, y]): readonly [number, number] => (x <= y ? [x, y] : [y, x]));
}

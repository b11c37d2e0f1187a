import type { SchemeFormulas } from './scheme-kind.ts';

/** Largest group size whose native formula is tabulated: 2^10 groups of 10 weights, 80 KiB. */
export const PATTERN_TABLE_MAX_M = 10;

/**
 * The native group formula `advantagesInto` (MATH.md §1, step 3) tabulated over every reward
 * pattern, for group sizes up to {@link PATTERN_TABLE_MAX_M}; larger `M` keep the native
 * formula itself. With binary rewards a group is one of `2^M` patterns: each pattern `P`
 * (reward `i` is bit `i` of `P`) is run once through the native formula and its `M` weights are
 * stored, so a lookup returns the very bits the native formula computes for that group, and a
 * simulation's results do not change in the last bit. A call reads the rewards into the
 * pattern's index and copies `M` weights: no branch on the rewards and no division, where the
 * native group-normalized formula pays `M` divisions and an all-equal test that the branch
 * predictor misses on random rewards. Like every `advantagesInto`, it requires rewards that are
 * exactly 0 or 1.
 */
export function patternTable(
  native: SchemeFormulas['advantagesInto'],
  M: number,
): SchemeFormulas['advantagesInto'] {
  if (M > PATTERN_TABLE_MAX_M) return native;
  const table = new Float64Array(2 ** M * M);
  const rewards = new Float64Array(M);
  const out = new Float64Array(M);
  for (let pattern = 0; pattern < 2 ** M; pattern++) {
    for (let i = 0; i < M; i++) rewards[i] = (pattern >> i) & 1;
    native(rewards, out);
    table.set(out, pattern * M);
  }
  return (r, z) => {
    let pattern = 0;
    for (let i = M - 1; i >= 0; i--) pattern = (pattern << 1) | r[i]!;
    const base = pattern * M;
    for (let i = 0; i < M; i++) z[i] = table[base + i]!;
  };
}

import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { substream } from '../rng/substream.ts';

/** Group sizes up to this one are audited over every one of the `2^M` reward patterns. */
export const EXHAUSTIVE_MAX_M = 16;

/**
 * The reward patterns on which a weight function is audited for count form (docs/theory.md §2: the
 * weights may depend on the group only through `(R_i, S_i)`).
 *
 * - `M <= 16`: every one of the `2^M` patterns, in binary order (pattern `n` has `R_i` = bit `i`).
 * - Larger `M`: for every count `K = 0..M`, `samples` uniformly random arrangements of `K` ones
 *   (Fisher–Yates on the substream `(seed, 'audit-patterns', M, K)`), so every cell `(R, S)` is
 *   reached and a dependence on position or order has `samples` chances per count to show.
 *
 * Each pattern is a fresh array, so a function under audit that mutates its input does no harm.
 */
export function* rewardPatterns(
  M: number,
  options: { samples?: number; seed?: string | number } = {},
): Generator<number[]> {
  requirePositiveInteger('M', M);
  if (M <= EXHAUSTIVE_MAX_M) {
    for (let n = 0; n < 2 ** M; n++) {
      const pattern = new Array<number>(M);
      for (let i = 0; i < M; i++) pattern[i] = (n >>> i) & 1;
      yield pattern;
    }
    return;
  }
  const samples = requirePositiveInteger('samples', options.samples ?? AUDIT_DEFAULTS.samples);
  const seed = options.seed ?? AUDIT_DEFAULTS.seed;
  for (let K = 0; K <= M; K++) {
    const uniform = substream(seed, 'audit-patterns', M, K);
    for (let n = 0; n < samples; n++) {
      const pattern = new Array<number>(M).fill(0).fill(1, 0, K);
      for (let i = M - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const swap = pattern[i]!;
        pattern[i] = pattern[j]!;
        pattern[j] = swap;
      }
      yield pattern;
    }
  }
}

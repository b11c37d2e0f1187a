import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { InputError, LIMITS, requirePositiveInteger, requireSize } from '../errors/index.ts';
import { compositions } from '../math/index.ts';
import type { RewardClasses } from '../rewards/index.ts';
import { substream } from '../rng/index.ts';
import { DEFAULT_SAMPLING_REWARDS, MAX_SAMPLING_REWARDS, MIN_SAMPLES } from './reward-patterns.ts';

/** Up to this many class patterns (`C^M`) an audit of code calls it on every one. */
export const EXHAUSTIVE_CLASS_PATTERNS = 2 ** 16;

/** How an audit of code on reward classes draws its groups. */
export interface ClassPatternOptions {
  readonly samples?: number;
  readonly seed?: string | number;
}

/**
 * How many class patterns {@link classPatterns} yields for `C` classes at group size `M`: `C^M`
 * when at most {@link EXHAUSTIVE_CLASS_PATTERNS}, else `samples` per composition of `M` into the
 * `C` classes. Throws an InputError, before any call, for an `M` above `LIMITS.auditM`, more
 * compositions than can be enumerated, or more than 2^35 rewards in all.
 */
export function classPatternCount(M: number, C: number, samples?: number): number {
  requireSize('M', M, LIMITS.auditM);
  if (C ** M <= EXHAUSTIVE_CLASS_PATTERNS) return C ** M;
  const { count } = compositions(M, C);
  const perComposition =
    samples === undefined
      ? Math.max(
          MIN_SAMPLES,
          Math.min(AUDIT_DEFAULTS.samples, Math.floor(DEFAULT_SAMPLING_REWARDS / (count * M))),
        )
      : requirePositiveInteger('samples', samples);
  if (count * perComposition * M > MAX_SAMPLING_REWARDS) {
    throw new InputError(
      `${count} class-count vectors at M = ${M} times ${perComposition} samples would call the function on ${count * perComposition * M} rewards; at most ${MAX_SAMPLING_REWARDS}: lower M or give fewer samples`,
    );
  }
  return count * perComposition;
}

/**
 * The groups on which a weight function is audited for generalized count form (docs/theory.md
 * §10: the weights may depend on the group only through each response's class and the class
 * counts of the others), as the class `0..C-1` of each response:
 *
 * - `C^M <= 2^16`: every pattern, in base-`C` order (pattern `n` has class digit `i` of `n` at
 *   response `i`);
 * - else, for every composition of `M` into the classes, `samples` uniformly random arrangements
 *   (a Fisher–Yates shuffle on the substream `(seed, 'audit-class-patterns', M, rank)`), so every
 *   cell is reached in at least two groups and a dependence on position has chances to show.
 */
export function* classPatterns(
  M: number,
  C: number,
  options: ClassPatternOptions = {},
): Generator<Uint8Array> {
  const count = classPatternCount(M, C, options.samples);
  if (C ** M <= EXHAUSTIVE_CLASS_PATTERNS) {
    for (let n = 0; n < count; n++) yield digitPattern(M, C, n);
    return;
  }
  const comps = compositions(M, C);
  const samples = count / comps.count;
  const seed = options.seed ?? AUDIT_DEFAULTS.seed;
  for (let rank = 0; rank < comps.count; rank++) {
    const uniform = substream(seed, 'audit-class-patterns', M, rank);
    const pattern = new Uint8Array(M);
    let i = 0;
    for (let c = 0; c < C; c++)
      for (let m = 0; m < comps.counts[rank * C + c]!; m++) pattern[i++] = c;
    for (let s = 0; s < samples; s++) {
      for (let a = M - 1; a > 0; a--) {
        const b = Math.floor(uniform() * (a + 1));
        const swap = pattern[a]!;
        pattern[a] = pattern[b]!;
        pattern[b] = swap;
      }
      yield pattern.slice();
    }
  }
}

/** Pattern `n` of the exhaustive order: response `i` has base-`C` digit `i` of `n`. */
function digitPattern(M: number, C: number, n: number): Uint8Array {
  const pattern = new Uint8Array(M);
  for (let i = 0; i < M; i++) {
    pattern[i] = n % C;
    n = Math.floor(n / C);
  }
  return pattern;
}

/**
 * What a weight function under audit receives for a group of classes (docs/theory.md §10): the
 * levels of the responses (`number[]`), or with `d >= 2` reward functions one row of `d` rewards
 * per response (`number[][]`, `M x d`); one binary function gives its 0/1 rewards as `number[]`.
 */
export function classRewards(
  classes: RewardClasses,
  pattern: ArrayLike<number>,
): number[] | number[][] {
  const rows = Array.from(pattern, (j) => classes.vectors[j]!);
  return classes.d === 1 ? rows.map((v) => v[0]!) : rows.map((v) => [...v]);
}

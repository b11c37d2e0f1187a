import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { InputError, LIMITS, requirePositiveInteger, requireSize } from '../errors/index.ts';
import { substream } from '../rng/index.ts';

/** Group sizes up to this one are audited over every one of the `2^M` reward patterns. */
export const EXHAUSTIVE_MAX_M = 16;

/**
 * Rewards the default sampling gives a function at one group size (about 3.4e7): `samples` falls
 * below `AUDIT_DEFAULTS.samples` where `(M + 1) * samples * M` would exceed it, never below
 * {@link MIN_SAMPLES}.
 */
export const DEFAULT_SAMPLING_REWARDS = 2 ** 25;

/**
 * Fewest arrangements of every count: with two, every cell `(R, S)` is seen in two groups, so a
 * weight that depends on something besides the group (a call counter, other groups of a batch)
 * can show as two values of one cell; one arrangement would leave that unseen.
 */
export const MIN_SAMPLES = 2;

/** Most rewards an audit of code may ask for at one size (`samples` given explicitly). */
export const MAX_SAMPLING_REWARDS = 2 ** 35;

/**
 * The arrangements of every count `K` that an audit of code at group size `M > 16` uses when none
 * are asked for: `AUDIT_DEFAULTS.samples`, or fewer at large `M` so that the function is called on
 * about {@link DEFAULT_SAMPLING_REWARDS} rewards at most, and never fewer than
 * {@link MIN_SAMPLES}.
 */
export function defaultSamples(M: number): number {
  const fit = Math.floor(DEFAULT_SAMPLING_REWARDS / ((M + 1) * M));
  return Math.max(MIN_SAMPLES, Math.min(AUDIT_DEFAULTS.samples, fit));
}

/**
 * How many reward patterns {@link rewardPatterns} yields at `M`: `2^M` for `M <= 16`, else
 * `(M + 1) * samples` (default {@link defaultSamples}). Throws an InputError for an `M` or
 * `samples` it does not accept (`M` above `LIMITS.auditM`, a number of rewards above
 * {@link MAX_SAMPLING_REWARDS}), so that an audit checks its sizes before any call.
 */
export function patternCount(M: number, samples?: number): number {
  requireSize('M', M, LIMITS.auditM);
  if (M <= EXHAUSTIVE_MAX_M) return 2 ** M;
  const perCount =
    samples === undefined ? defaultSamples(M) : requirePositiveInteger('samples', samples);
  const rewards = (M + 1) * perCount * M;
  if (rewards > MAX_SAMPLING_REWARDS) {
    throw new InputError(
      `samples ${perCount} at M = ${M} would call the function on ${rewards} rewards; at most ${MAX_SAMPLING_REWARDS} (its work grows as samples x M^2): give fewer samples, or leave them to the default (${defaultSamples(M)} at this M)`,
    );
  }
  return (M + 1) * perCount;
}

/**
 * The reward patterns on which a weight function is audited for count form (docs/theory.md §2: the
 * weights may depend on the group only through `(R_i, S_i)`).
 *
 * - `M <= 16`: every one of the `2^M` patterns, in binary order (pattern `n` has `R_i` = bit `i`).
 * - Larger `M`: for every count `K = 0..M`, `samples` uniformly random arrangements of `K` ones
 *   (default {@link defaultSamples}), so every cell `(R, S)` is reached in at least two groups,
 *   and a dependence on position or order has `samples` chances per count to show. An
 *   arrangement is a uniformly random set of `min(K, M - K)` positions (the ones, or the zeros),
 *   drawn by a partial Fisher–Yates shuffle on the substream `(seed, 'audit-patterns', M, K)`:
 *   `min(K, M - K)` uniforms per pattern rather than `M`.
 *
 * Each pattern is a fresh `Uint8Array` of 0s and 1s (compact, and cheap to send to a worker thread
 * or a process); a function under audit gets a plain-array copy of it, so one that mutates its
 * input does no harm.
 */
export function* rewardPatterns(
  M: number,
  options: { samples?: number; seed?: string | number } = {},
): Generator<Uint8Array> {
  const count = patternCount(M, options.samples);
  if (M <= EXHAUSTIVE_MAX_M) {
    for (let n = 0; n < count; n++) yield bitPattern(M, n);
    return;
  }
  const samples = count / (M + 1);
  const seed = options.seed ?? AUDIT_DEFAULTS.seed;
  for (let K = 0; K <= M; K++) yield* arrangements(M, K, samples, seed);
}

/**
 * Pattern number `index` (0-based) of {@link rewardPatterns}`(M, options)`, made again: an audit
 * keeps this handle rather than the pattern, so that what it remembers of each group is O(1)
 * whatever `M`, and a violation can still name its pattern.
 */
export function patternAt(
  M: number,
  index: number,
  options: { samples?: number; seed?: string | number } = {},
): Uint8Array {
  const count = patternCount(M, options.samples);
  if (M <= EXHAUSTIVE_MAX_M) return bitPattern(M, index);
  const samples = count / (M + 1);
  let n = index % samples;
  const seed = options.seed ?? AUDIT_DEFAULTS.seed;
  for (const pattern of arrangements(M, Math.floor(index / samples), samples, seed)) {
    if (n-- === 0) return pattern;
  }
  throw new RangeError(`pattern ${index} is beyond the ${count} patterns at M = ${M}`);
}

/** Pattern `n` of the exhaustive order: `R_i` is bit `i` of `n`. */
function bitPattern(M: number, n: number): Uint8Array {
  const pattern = new Uint8Array(M);
  for (let i = 0; i < M; i++) pattern[i] = (n >>> i) & 1;
  return pattern;
}

/** The `samples` random arrangements of `K` ones among `M`, from the substream of `(M, K)`. */
function* arrangements(
  M: number,
  K: number,
  samples: number,
  seed: string | number,
): Generator<Uint8Array> {
  const uniform = substream(seed, 'audit-patterns', M, K);
  const drawn = Math.min(K, M - K);
  const marked = K === drawn ? 1 : 0;
  const positions = Array.from({ length: M }, (_, i) => i);
  for (let n = 0; n < samples; n++) {
    // A partial shuffle from any arrangement of `positions` leaves a uniformly random set in its
    // first `drawn` entries, so the array carries over from one pattern to the next.
    for (let i = 0; i < drawn; i++) {
      const j = i + Math.floor(uniform() * (M - i));
      const swap = positions[i]!;
      positions[i] = positions[j]!;
      positions[j] = swap;
    }
    const pattern = new Uint8Array(M);
    if (marked === 0) pattern.fill(1);
    for (let i = 0; i < drawn; i++) pattern[positions[i]!] = marked;
    yield pattern;
  }
}

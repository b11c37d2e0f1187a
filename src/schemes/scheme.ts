import { InputError, LIMITS, requireSize } from '../errors/index.ts';
import { schemeTables } from './count-form-tables.ts';
import { resolveScheme } from './resolve-scheme.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/**
 * A weight scheme bound to one group size `M` (docs/theory.md §2–3): a named, validated value with
 * two forms of the same weights.
 *
 * - {@link Scheme.advantages} is the native group formula, computed exactly as a trainer
 *   computes it (group mean, group std, ...). The Monte Carlo engine uses only this form.
 * - {@link Scheme.a} and {@link Scheme.b} are the count-form tables,
 *   `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]` with `S_i` the number of *other* correct answers.
 *   The closed-form objective uses only these (through `c = b - a`).
 *
 * That the two forms agree is a checked property, not an assumption.
 */
export interface Scheme {
  /** Canonical spec with every default filled in; `scheme(spec, M)` rebuilds the same scheme. */
  readonly spec: string;
  /** Catalogue name, e.g. `grpo`, `passk`, `verl-grpo`. */
  readonly name: string;
  /** Group size. */
  readonly M: number;
  /**
   * Native group formula: the weight `Z_i` of every response in a group of `M` binary rewards.
   * Throws an InputError when `rewards.length !== M` or a reward is not 0 or 1.
   */
  advantages(rewards: readonly number[]): number[];
  /**
   * The same native formula without validation or allocation, for the simulators' inner loop
   * (tabulated over reward patterns for small M: the same bits, see `patternTable`):
   * writes `Z_i` into `out[0..M-1]`. The caller guarantees `M` rewards, each 0 or 1.
   */
  advantagesInto(rewards: ArrayLike<number>, out: Float64Array): void;
  /**
   * The native formula's two weights of a group, wrong then correct, where the formula has that
   * form (`SchemeFormulas.groupWeightsInto`: the same bits as {@link advantagesInto}); absent
   * otherwise.
   */
  readonly groupWeightsInto?: SchemeFormulas['groupWeightsInto'];
  /** `SchemeFormulas.orderFree`: the two weights are a function of `K` alone, bit for bit. */
  readonly orderFree?: boolean;
  /** `a[s]`: weight of a wrong answer when `s` of the other `M - 1` answers are right. */
  readonly a: readonly number[];
  /** `b[s]`: weight of a right answer when `s` of the other `M - 1` answers are right. */
  readonly b: readonly number[];
  /** `c[s] = b[s] - a[s]`, the only part of the tables the expected update depends on. */
  readonly c: readonly number[];
}

/**
 * Builds the weight scheme named by `spec` (grammar `name[:key=value,...]`, catalogue of
 * docs/theory.md §3 and presets of §7, optionally `filter=dapo`) for group size `M`: its native group
 * formula, and its count-form tables `a`, `b`, `c = b - a` of §2, derived from that formula
 * (see `schemeTables` for the route above `NATIVE_TABLES_MAX_M`). `advantages` runs the native
 * formula itself; `advantagesInto`, the simulators' inner loop, the same formula tabulated over
 * every reward pattern up to `PATTERN_TABLE_MAX_M` (`patternTable`: the same bits, faster).
 *
 * Throws InputError for an unknown name, key or value, `M` not a positive integer, or a limit
 * of the scheme (`k > M`, rloo with `M = 1`, ...). `scheme(s.spec, M).spec === s.spec`.
 */
export function scheme(spec: string, M: number): Scheme {
  requireSize('M', M, LIMITS.M);
  const resolved = resolveScheme(spec);
  const formulas = resolved.bind(M);
  const { a, b } = schemeTables(formulas, M);
  const c = b.map((bs, s) => bs - a[s]!);
  const native = formulas.advantagesInto;
  const label = `scheme '${resolved.spec}' with M = ${M}`;
  return {
    spec: resolved.spec,
    name: resolved.name,
    M,
    a: Object.freeze(a),
    b: Object.freeze(b),
    c: Object.freeze(c),
    advantagesInto: patternTable(native, M),
    ...(formulas.groupWeightsInto ? { groupWeightsInto: formulas.groupWeightsInto } : {}),
    ...(formulas.groupWeightsInto && formulas.orderFree ? { orderFree: true } : {}),
    advantages(rewards) {
      if (rewards.length !== M) {
        throw new InputError(`${label}: expected ${M} rewards, got ${rewards.length}`);
      }
      rewards.forEach((r, i) => {
        if (r !== 0 && r !== 1) {
          throw new InputError(`${label}: reward ${i} must be 0 or 1, got ${r}`);
        }
      });
      const out = new Float64Array(M);
      native(rewards, out);
      return Array.from(out);
    },
  };
}

/** Largest group size whose native formula is tabulated: 2^10 groups of 10 weights, 80 KiB. */
export const PATTERN_TABLE_MAX_M = 10;

/**
 * The native group formula `advantagesInto` (docs/theory.md §1, step 3) tabulated over every reward
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

/**
 * A position-dependent weight (docs/theory.md §2, "When it does not apply"), the kind of bug an audit
 * must catch: a leave-one-out baseline that only looks at the responses *before* `i`,
 * `Z_i = r_i - mean(r_0..r_{i-1})` (and `Z_0 = r_0`). Two responses with the same `(R, S)` get
 * different weights depending on where they sit in the group.
 */
export function causalBaseline(rewards: readonly number[]): number[] {
  let sum = 0;
  return rewards.map((r, i) => {
    const z = i === 0 ? r : r - sum / i;
    sum += r;
    return z;
  });
}

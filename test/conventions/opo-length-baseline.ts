/**
 * OPO's length-weighted baseline (docs/theory.md §7, "Not count form"), re-implemented for audit tests:
 * `Z_i = r_i - (sum_j L_j r_j) / (sum_j L_j)` with `L_j` the length of response `j`. The lengths
 * are not in the rewards, so to an audit the weight depends on something hidden.
 */
export function opoLengthBaseline(
  rewards: readonly number[],
  lengths: readonly number[],
): number[] {
  let weighted = 0;
  let total = 0;
  rewards.forEach((r, j) => {
    weighted += lengths[j]! * r;
    total += lengths[j]!;
  });
  const baseline = weighted / total;
  return rewards.map((r) => r - baseline);
}

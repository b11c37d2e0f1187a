/**
 * REINFORCE++'s batch whitening (MATH.md §7, "Not count form"), re-implemented for audit tests:
 * every reward of the batch, whatever its group, becomes `(r - mean) / sqrt(var + 1e-8)` with the
 * mean and (population) variance of the whole batch. A response's weight then depends on the other
 * prompts' groups, so it is not count form.
 */
export function reinforcePlusPlus(groups: readonly (readonly number[])[]): number[][] {
  const all = groups.flat();
  const mean = all.reduce((sum, r) => sum + r, 0) / all.length;
  const variance = all.reduce((sum, r) => sum + (r - mean) ** 2, 0) / all.length;
  const scale = 1 / Math.sqrt(variance + 1e-8);
  return groups.map((rewards) => rewards.map((r) => (r - mean) * scale));
}

/**
 * REINFORCE++ as OpenRLHF computes it (`--advantage_estimator reinforce`, docs/theory.md §7, "Not count
 * form"), re-implemented for audit tests with binary rewards, no KL penalty and `gamma = 1`: the
 * reward sits on a response's last token, so every token's return is that reward, and the
 * returns are whitened per token over the whole batch (`experience_maker.py`): the mean and the
 * population variance over all tokens, then `(return - mean) * var.clamp(min=1e-8).rsqrt()`.
 *
 * A response of `L_i` tokens thus counts `L_i` times in the statistics, and all its tokens get the
 * same weight, `(R_i - mean) / sqrt(max(var, 1e-8))`: one weight per response, which depends on
 * the other prompts' groups and on every response length, so it is not count form.
 *
 * @param lengths the number of tokens of every response, in the shape of `groups`
 */
export function reinforcePlusPlus(
  groups: readonly (readonly number[])[],
  lengths: readonly (readonly number[])[],
): number[][] {
  let tokens = 0;
  let sum = 0;
  groups.forEach((rewards, g) => {
    rewards.forEach((r, i) => {
      tokens += lengths[g]![i]!;
      sum += lengths[g]![i]! * r;
    });
  });
  const mean = sum / tokens;
  let squares = 0;
  groups.forEach((rewards, g) => {
    rewards.forEach((r, i) => {
      squares += lengths[g]![i]! * (r - mean) ** 2;
    });
  });
  const rstd = 1 / Math.sqrt(Math.max(squares / tokens, 1e-8));
  return groups.map((rewards) => rewards.map((r) => (r - mean) * rstd));
}

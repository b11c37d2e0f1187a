/**
 * DAPO's dynamic-sampling filter (docs/theory.md §7) as verl's DAPO recipe writes it, re-implemented for
 * audit tests: a group is kept when the std of its rewards is positive or it has a single response
 * (`std > 0 or len == 1`); the weights of a dropped group are 0.
 */
export function dapoFilter(
  weights: (rewards: readonly number[]) => number[],
): (rewards: readonly number[]) => number[] {
  return (rewards) => {
    const mean = rewards.reduce((sum, r) => sum + r, 0) / rewards.length;
    const spread = rewards.some((r) => r !== mean);
    return spread || rewards.length === 1 ? weights(rewards) : rewards.map(() => 0);
  };
}

/**
 * DAPO's dynamic-sampling filter (MATH.md §7), re-implemented for audit tests: a group whose
 * answers are all right or all wrong is dropped, i.e. `weights(rewards)` times `1[0 < K < M]`.
 */
export function dapoFilter(
  weights: (rewards: readonly number[]) => number[],
): (rewards: readonly number[]) => number[] {
  return (rewards) => {
    const K = rewards.filter((r) => r === 1).length;
    return K === 0 || K === rewards.length ? rewards.map(() => 0) : weights(rewards);
  };
}

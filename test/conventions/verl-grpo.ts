import { meanAndSampleStd } from './mean-and-sample-std.ts';

/**
 * verl's `grpo` advantage estimator (docs/theory.md §7, `compute_grpo_outcome_advantage`), re-implemented
 * for audit tests: `(r - mean) / (std + epsilon)` with the sample std and `epsilon = 1e-6`; a group
 * of size 1 gets mean 0 and std 1. With `norm_adv_by_std_in_grpo=False` it is `r - mean`.
 */
export function verlGrpo(
  rewards: readonly number[],
  options: { normAdvByStdInGrpo?: boolean; epsilon?: number } = {},
): number[] {
  const epsilon = options.epsilon ?? 1e-6;
  const { mean, std } = rewards.length === 1 ? { mean: 0, std: 1 } : meanAndSampleStd(rewards);
  return rewards.map((r) =>
    options.normAdvByStdInGrpo === false ? r - mean : (r - mean) / (std + epsilon),
  );
}

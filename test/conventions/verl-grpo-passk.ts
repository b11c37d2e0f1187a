import { meanAndSampleStd } from './mean-and-sample-std.ts';

/**
 * verl's `grpo_passk` advantage estimator (docs/theory.md §7, `compute_grpo_passk_outcome_advantage`),
 * re-implemented for audit tests: only the (first) best response gets a weight,
 * `r_max - r_second_max`, optionally divided by `std + 1e-6` (sample std); every other response
 * gets 0. With binary rewards only a lone correct answer is rewarded.
 */
export function verlGrpoPassk(
  rewards: readonly number[],
  options: { normAdvByStdInGrpo?: boolean; epsilon?: number } = {},
): number[] {
  const epsilon = options.epsilon ?? 1e-6;
  const out = rewards.map(() => 0);
  if (rewards.length < 2) return out;
  const order = rewards.map((r, i) => [r, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const [rMax, iMax] = order[0]!;
  const gap = rMax - order[1]![0];
  const norm = options.normAdvByStdInGrpo === false ? 1 : meanAndSampleStd(rewards).std + epsilon;
  out[iMax] = gap / norm;
  return out;
}

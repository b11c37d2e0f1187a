import { meanAndSampleStd } from './mean-and-sample-std.ts';

/**
 * TRL's `GRPOTrainer` advantages for a batch of groups (docs/theory.md §7), re-implemented for audit
 * tests: `r - mean` over the group, divided by `std + 1e-4` where the std (sample) is taken over
 * the group (`scale_rewards="group"`, count form), over the whole batch (`"batch"`, not count
 * form: it depends on the other prompts), or not at all (`"none"`, Dr. GRPO).
 */
export function trlGrpo(
  groups: readonly (readonly number[])[],
  options: { scaleRewards?: 'group' | 'batch' | 'none'; epsilon?: number } = {},
): number[][] {
  const scale = options.scaleRewards ?? 'group';
  const epsilon = options.epsilon ?? 1e-4;
  const batchStd = meanAndSampleStd(groups.flat()).std;
  return groups.map((rewards) => {
    const { mean, std } = meanAndSampleStd(rewards);
    const divisor = scale === 'none' ? 1 : (scale === 'group' ? std : batchStd) + epsilon;
    return rewards.map((r) => (r - mean) / divisor);
  });
}

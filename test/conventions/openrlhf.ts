import { meanAndSampleStd } from './mean-and-sample-std.ts';

/**
 * OpenRLHF's group advantage estimators (docs/theory.md §7, `--advantage_estimator`), re-implemented for
 * audit tests:
 * - `group_norm`: `(r - mean) / (std + 1e-9)`, sample std;
 * - `rloo`: `r - (sum of the other rewards) / (M - 1)`;
 * - `dr_grpo`: `r - mean`.
 */
export function openrlhf(
  rewards: readonly number[],
  estimator: 'group_norm' | 'rloo' | 'dr_grpo',
): number[] {
  const M = rewards.length;
  const { mean, std } = meanAndSampleStd(rewards);
  const total = mean * M;
  switch (estimator) {
    case 'group_norm':
      return rewards.map((r) => (r - mean) / (std + 1e-9));
    case 'rloo':
      return rewards.map((r) => r - (total - r) / (M - 1));
    case 'dr_grpo':
      return rewards.map((r) => r - mean);
  }
}

import { InputError } from '../errors/input-error.ts';
import { groupNormalized } from './group-normalized.ts';
import { requireGroupSize } from './require-group-size.ts';
import type { SchemeKind } from './scheme-kind.ts';

/** TRL's `GRPOConfig` maps the booleans `True`/`False` to `"group"`/`"none"`. */
const TRL_SCALE_REWARDS_ALIASES = { true: 'group', false: 'none' } as const;

/**
 * `trl-grpo[:scale-rewards=group|none]` (MATH.md §7, Hugging Face TRL `GRPOTrainer`):
 * `Z_i = (R_i - mean)/(std + 1e-4)` with the Bessel-corrected group std (`scale_rewards="group"`,
 * the default), or `Z_i = R_i - mean` (`scale_rewards="none"`). As in TRL's `GRPOConfig`,
 * `true` and `false` are spellings of `group` and `none`. `scale_rewards="batch"` divides by the
 * std over the whole batch, which is not count form, and is rejected. TRL requires at least 2
 * generations per prompt, hence `M >= 2`.
 */
export const trlGrpo: SchemeKind = {
  name: 'trl-grpo',
  usage: 'trl-grpo[:scale-rewards=group|none|true|false]',
  summary: 'TRL GRPO: (R - mean)/(sample std + 1e-4), or R - mean; M >= 2',
  read(reader) {
    if (reader.spec.params.get('scale-rewards') === 'batch') {
      throw new InputError(
        "scheme 'trl-grpo': scale-rewards=batch divides by the std over the whole batch, which is not count form (weights depend on other prompts); use group or none",
      );
    }
    const scale =
      reader.choice('scale-rewards', ['group', 'none'], 'group', TRL_SCALE_REWARDS_ALIASES) ===
      'group';
    return (M) => {
      requireGroupSize('trl-grpo', M, 'TRL needs at least 2 generations per prompt');
      return groupNormalized({ scale, std: 'sample', eps: 1e-4, epsAt: 'std' }, M);
    };
  },
};

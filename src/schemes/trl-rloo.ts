import { InputError } from '../errors/input-error.ts';
import { requireGroupSize } from './require-group-size.ts';
import { leaveOneOut } from './rloo.ts';
import type { SchemeKind } from './scheme-kind.ts';

/**
 * `trl-rloo[:normalize-advantages=false]` (MATH.md §7, Hugging Face TRL `RLOOTrainer` with
 * `beta = 0`): the leave-one-out baseline `(sum - R_i)/(M - 1)` subtracted from `R_i`, as in
 * `rloo`, so `h_M(t) = t`. TRL's default `beta = 0.05` puts a KL penalty into the reward, which
 * makes it non-binary and outside the theorem; `normalize_advantages=True` whitens over the
 * whole batch, which is not count form, and is rejected. TRL requires at least 2 generations
 * per prompt, hence `M >= 2`.
 */
export const trlRloo: SchemeKind = {
  name: 'trl-rloo',
  usage: 'trl-rloo[:normalize-advantages=false]',
  summary: 'TRL RLOO with beta = 0: R_i - (sum - R_i)/(M-1); h = t; M >= 2',
  read(reader) {
    if (reader.spec.params.get('normalize-advantages') === 'true') {
      throw new InputError(
        "scheme 'trl-rloo': normalize-advantages=true whitens the advantages over the whole batch, which is not count form (weights depend on other prompts); use false",
      );
    }
    reader.choice('normalize-advantages', ['false'], 'false');
    return (M) => {
      requireGroupSize('trl-rloo', M, 'TRL needs at least 2 generations per prompt');
      return leaveOneOut(M);
    };
  },
};

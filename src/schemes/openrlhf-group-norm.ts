import { groupNormalized } from './group-normalized.ts';
import { requireGroupSize } from './require-group-size.ts';
import type { SchemeKind } from './scheme-kind.ts';

/**
 * `openrlhf-group-norm` (MATH.md §7, OpenRLHF `advantage_estimator=group_norm`):
 * `Z_i = (R_i - mean)/(std + 1e-9)` with the Bessel-corrected group std (`torch.std`). OpenRLHF
 * requires `n_samples_per_prompt > 1` for it, hence `M >= 2`. Takes no keys.
 */
export const openrlhfGroupNorm: SchemeKind = {
  name: 'openrlhf-group-norm',
  usage: 'openrlhf-group-norm',
  summary: 'OpenRLHF group_norm: (R - mean)/(sample std + 1e-9); M >= 2',
  read: () => (M) => {
    requireGroupSize('openrlhf-group-norm', M, 'OpenRLHF needs n_samples_per_prompt > 1');
    return groupNormalized({ scale: true, std: 'sample', eps: 1e-9, epsAt: 'std' }, M);
  },
};

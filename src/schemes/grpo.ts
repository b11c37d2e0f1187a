import { requireNonNegative } from '../errors/require.ts';
import { groupNormalized } from './group-normalized.ts';
import type { SchemeKind } from './scheme-kind.ts';

/**
 * `grpo` (MATH.md §3, grpo row and notes): `Z_i = (R_i - mu)/(sigma + eps)`, `mu = K/M`, and 0
 * for a group whose answers are all equal. Keys, with the paper's defaults:
 * - `std=population|sample`: `sigma^2 = mu(1-mu)`, or the Bessel-corrected `K(M-K)/(M(M-1))`
 *   (verl, TRL, OpenRLHF); `population`. With `sample` and `M = 1` every group is all equal, so
 *   `Z = 0`.
 * - `eps >= 0`: `1e-8`.
 * - `eps-at=std|var`: `eps` added to `sigma`, or under the root, `sqrt(sigma^2 + eps)`; `std`.
 *
 * `a_s` is the formula with `K = s` and `R = 0`, `b_s` with `K = s + 1` and `R = 1`;
 * `h_M` tends to `2 arcsin(sqrt t)` as `M -> infinity`, `eps -> 0`, and is `t` at `M = 2`.
 */
export const grpo: SchemeKind = {
  name: 'grpo',
  usage: 'grpo[:std=population|sample,eps=1e-8,eps-at=std|var]',
  summary: 'Z = (R - mean)/(std + eps), 0 for all-equal groups',
  limit: {
    text: 'I_t(1/2, 1/2) = (2/pi) arcsin sqrt t (eps -> 0)',
    target: () => 'beta:a=0.5,b=0.5',
  },
  read(reader) {
    const std = reader.choice('std', ['population', 'sample'], 'population');
    const eps = reader.number('eps', 1e-8, requireNonNegative);
    const epsAt = reader.choice('eps-at', ['std', 'var'], 'std');
    return (M) => groupNormalized({ scale: true, std, eps, epsAt }, M);
  },
};
